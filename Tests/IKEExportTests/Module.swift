// Tests of IKEExport live beside this file, one file per component.
