import IKECore
import Testing

@Suite struct AlgorithmKeywordsTests {
    @Test func strongSwanSpellingsOfOneCipherAgree() {
        let expected = Transform.encryption(Cipher(.aesGCM16, keyBits: 256))
        for keyword in ["aes256gcm16", "aes256gcm128", "aes256gcm", "AES256GCM16"] {
            #expect(AlgorithmKeywords.transform(forKeyword: keyword) == expected)
        }
        #expect(expected.keyword == "aes256gcm16")
    }

    @Test func keywordsCoverEveryTransformType() {
        #expect(AlgorithmKeywords.transform(forKeyword: "prfsha384") == .prf(.hmacSHA384))
        #expect(AlgorithmKeywords.transform(forKeyword: "sha256") == .integrity(.hmacSHA256_128))
        #expect(AlgorithmKeywords.transform(forKeyword: "x25519") == .dhGroup(.curve25519))
        #expect(AlgorithmKeywords.transform(forKeyword: "ecp512bp") == .dhGroup(.brainpool512))
        #expect(AlgorithmKeywords.transform(forKeyword: "esn") == .esn(.enabled))
        #expect(
            AlgorithmKeywords.transform(forKeyword: "aes")
                == .encryption(Cipher(.aesCBC, keyBits: 128)))
        #expect(AlgorithmKeywords.transform(forKeyword: "aes257") == nil)
    }

    @Test func everyCanonicalKeywordRoundTrips() {
        for keyword in AlgorithmKeywords.allKeywords {
            let transform = AlgorithmKeywords.transform(forKeyword: keyword)!
            #expect(AlgorithmKeywords.transform(forKeyword: transform.keyword) == transform)
        }
    }

    @Test func ianaNamesResolveToTheirNumbers() {
        #expect(AlgorithmKeywords.transformID(forIANAName: "ENCR_AES_GCM_16")! == (.encryption, 20))
        #expect(AlgorithmKeywords.transformID(forIANAName: "prf_hmac_sha2_256")! == (.prf, 5))
        #expect(AlgorithmKeywords.transformID(forIANAName: "MODP_2048")! == (.dhGroup, 14))
        #expect(AlgorithmKeywords.transformID(forIANAName: "ENCR_NOPE") == nil)
    }

    @Test func wireTransformsValidateKeyLengths() {
        #expect(Transform(type: .encryption, id: 12, keyLength: 256) != nil)
        #expect(Transform(type: .encryption, id: 12, keyLength: nil) == nil)
        #expect(Transform(type: .encryption, id: 12, keyLength: 200) == nil)
        #expect(Transform(type: .encryption, id: 3, keyLength: 192) == nil)
        #expect(Transform(type: .encryption, id: 28, keyLength: nil) != nil)
        #expect(Transform(type: .dhGroup, id: 3, keyLength: nil) == nil)
    }

    @Test func ikev1NumbersDifferWhereTheRegistriesDiffer() {
        #expect(IKEv1Values.espTransformID(.camelliaCBC) == 22)
        #expect(IKEv1Values.espTransformID(.nullAuthAESGMAC) == 23)
        #expect(IKEv1Values.phase1Encryption(.aesCBC) == 7)
        #expect(IKEv1Values.phase1Encryption(.aesGCM16) == nil)
        #expect(IKEv1Values.authenticationAlgorithm(.hmacSHA256_128) == 5)
        #expect(IKEv1Values.ahTransformID(.hmacSHA1_96) == 3)
    }
}
