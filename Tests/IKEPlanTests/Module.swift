// Tests of IKEPlan live beside this file, one file per component.
