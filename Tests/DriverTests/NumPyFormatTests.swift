import Driver
import IR
import Testing

@Suite struct NumPyFormatTests {
    @Test func roundTripsInt8() throws {
        let value = TensorValue.int8(Shape([1, 2, 3]), [1, -2, 3, -128, 127, 0])
        let bytes = NumPyFormat.encode(value)
        #expect((bytes.count - value.count) % 64 == 0)
        let array = try NumPyFormat.decode(bytes)
        #expect(array.descr == "|i1")
        #expect(array.shape == [1, 2, 3])
        #expect(try NumPyFormat.value(array, expecting: .int8, shape: Shape([1, 2, 3]), what: "x") == value)
    }

    @Test func roundTripsFloatScalarAndVector() throws {
        for shape in [Shape([]), Shape([3])] {
            let value = TensorValue.float32(shape, Array([1.5, -0.25, 3e-8].prefix(shape.elementCount)))
            let array = try NumPyFormat.decode(NumPyFormat.encode(value))
            #expect(try NumPyFormat.value(array, expecting: .float32, shape: shape, what: "x") == value)
        }
    }

    @Test func readsVersion2Header() throws {
        let header = Array("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }\n".utf8)
        let length = UInt32(header.count)
        let bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [2, 0] + (0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
            + header + [1, 0, 0, 0, 255, 255, 255, 255]
        let array = try NumPyFormat.decode(bytes)
        let value = try NumPyFormat.value(array, expecting: .int32, shape: Shape([2]), what: "x")
        #expect(value.storage == .int32([1, -1]))
    }

    @Test func rejectsWrongDtypeShapeAndGarbage() throws {
        let array = try NumPyFormat.decode(NumPyFormat.encode(.int8(Shape([4]), [0, 0, 0, 0])))
        #expect(throws: CompileError.self) { try NumPyFormat.value(array, expecting: .float32, shape: Shape([4]), what: "x") }
        #expect(throws: CompileError.self) { try NumPyFormat.value(array, expecting: .int8, shape: Shape([2, 2]), what: "x") }
        #expect(throws: CompileError.self) { try NumPyFormat.decode(Array("not numpy".utf8)) }
        var truncated = NumPyFormat.encode(.int8(Shape([4]), [0, 0, 0, 0]))
        truncated.removeLast()
        #expect(throws: CompileError.self) { try NumPyFormat.decode(truncated) }
        let fortran = Array("{'descr': '|i1', 'fortran_order': True, 'shape': (1,), }\n".utf8)
        #expect(throws: CompileError.self) {
            try NumPyFormat.decode([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(fortran.count), 0] + fortran + [0])
        }
    }
}
