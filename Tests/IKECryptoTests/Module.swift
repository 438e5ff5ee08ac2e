// Tests of IKECrypto live beside this file, one file per component.
