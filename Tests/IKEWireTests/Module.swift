// Tests of IKEWire live beside this file, one file per component.
