// Tests of IKEPolicy live beside this file, one file per component.
