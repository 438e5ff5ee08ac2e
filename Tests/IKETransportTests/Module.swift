// Tests of IKETransport live beside this file, one file per component.
