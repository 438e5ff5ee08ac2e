import IKECore

extension DHGroup {
    /// The strongSwan keyword (`ecp384`), as a policy would write it.
    var keyword: String { Transform.dhGroup(self).keyword }
}
