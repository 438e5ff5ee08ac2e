import Testing

@testable import IKEWire

@Suite("Data attributes (TV and TLV)")
struct DataAttributeTests {
    @Test("integers take the basic form up to 16 bits, then 4 or 8 variable octets")
    func integerForms() {
        #expect(DataAttribute.integer(type: 12, 3_600).value == .basic(3_600))
        #expect(DataAttribute.integer(type: 12, 86_400).value == .variable([0, 1, 0x51, 0x80]))
        #expect(
            DataAttribute.integer(type: 12, 1 << 40).value == .variable([0, 0, 1, 0, 0, 0, 0, 0]))
        for value: UInt64 in [0, 65_535, 65_536, 4_294_967_295, 1 << 40, .max] {
            #expect(DataAttribute.integer(type: 2, value).integerValue == value)
        }
        #expect(DataAttribute(type: 2, value: .variable([])).integerValue == nil)
        #expect(
            DataAttribute(type: 2, value: .variable(Array(repeating: 1, count: 9))).integerValue
                == nil)
        #expect(
            DataAttribute(type: 2, value: .variable([0, 0, 0, 0, 0, 0, 0, 0, 0, 7])).integerValue
                == 7)
    }

    @Test("both forms encode with the AF bit and decode back")
    func wireForms() throws {
        let attributes = [
            DataAttribute(type: 1, value: .basic(7)),
            DataAttribute(type: 12, value: .variable([0, 1, 0x51, 0x80])),
            DataAttribute(type: 0x7FFF, value: .variable([])),
        ]
        var writer = ByteWriter()
        for attribute in attributes { try attribute.write(to: &writer, payloadType: 3) }
        #expect(writer.bytes == [0x80, 1, 0, 7, 0, 12, 0, 4, 0, 1, 0x51, 0x80, 0x7F, 0xFF, 0, 0])
        var reader = ByteReader(writer.bytes)
        #expect(try DataAttribute.readAll(from: &reader, payloadType: 3) == attributes)
    }

    @Test("an attribute cut short is not consumed and is malformed at its container's end")
    func incompleteAttribute() {
        var reader = ByteReader([0x00, 0x0C, 0x00, 0x04, 0x00, 0x01])
        #expect(DataAttribute.read(from: &reader) == nil)
        #expect(reader.position == 0)
        let error = wireError { try DataAttribute.readAll(from: &reader, payloadType: 3) }
        #expect(error?.code == .malformedPayload)
        #expect(error?.offset == 0)
    }
}
