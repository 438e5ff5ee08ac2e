import IKECore
import IKEPlan
import Testing

@Suite struct NearestMissTests {
    @Test func aSingleDifferingTypeIsNamedWithBothValues() throws {
        let miss = try #require(
            NearestMiss.find(
                offered: [TestSupport.proposal("aes256gcm16-prfsha384-ecp384", .ike)],
                configured: [TestSupport.proposal("aes256gcm16-prfsha384-modp2048", .ike)]))
        #expect(miss.summary == "proposals differ only in the DH group: ecp384 vs modp2048")
    }

    @Test func theClosestPairIsChosenAmongSeveral() throws {
        let miss = try #require(
            NearestMiss.find(
                offered: [
                    TestSupport.proposal("aes128-sha1-prfsha1-modp1024", .ike),
                    TestSupport.proposal("aes256gcm16-prfsha384-ecp384", .ike),
                ],
                configured: [
                    TestSupport.proposal("3des-md5-prfmd5-modp768", .ike),
                    TestSupport.proposal("aes256gcm16-prfsha256-ecp384", .ike),
                ]))
        #expect(miss.offeredIndex == 1 && miss.configuredIndex == 1)
        #expect(miss.summary == "proposals differ only in the PRF: prfsha384 vs prfsha256")
    }

    @Test func severalDifferencesAreListedInTransformOrder() throws {
        let miss = try #require(
            NearestMiss.find(
                offered: [TestSupport.proposal("aes256gcm16-ecp384", .esp)],
                configured: [TestSupport.proposal("aes128-sha256", .esp)]))
        #expect(
            miss.summary
                == "proposals differ in encryption (aes256gcm16 vs aes128), integrity (none vs "
                + "sha256) and PFS group (ecp384 vs none)")
    }

    @Test func groupsLeftOutInIKEAuthDoNotCount() throws {
        let miss = try #require(
            NearestMiss.find(
                offered: [TestSupport.proposal("aes256gcm16-ecp384", .esp)],
                configured: [TestSupport.proposal("aes128gcm16-modp2048", .esp)],
                ignoringGroups: true))
        #expect(miss.differences.map(\.type) == [.encryption])
    }
}
