import IR
import Testing

@Suite struct ShapeTests {
    @Test func rowMajorStrides() {
        #expect(Shape([2, 3, 4]).rowMajorStrides == [12, 4, 1])
        #expect(Shape([5]).rowMajorStrides == [1])
        #expect(Shape([]).rowMajorStrides == [])
    }
}
