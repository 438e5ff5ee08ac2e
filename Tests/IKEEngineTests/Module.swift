// Tests of IKEEngine live beside this file, one file per component.
