// Tests of IKECapture live beside this file, one file per component.
