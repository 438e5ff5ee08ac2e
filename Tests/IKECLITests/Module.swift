// Tests of IKECLI live beside this file, one file per component.
