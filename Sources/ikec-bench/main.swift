import IKECore
