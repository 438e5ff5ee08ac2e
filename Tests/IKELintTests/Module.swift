// Tests of IKELint live beside this file, one file per component.
