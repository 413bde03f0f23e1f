import IR
import Testing

/// Broadcast strides (NumPy rules, shapes aligned at the right).
@Suite struct BroadcastStridesTests {
    @Test func repeatedDimensionsGetStrideZero() {
        #expect(BroadcastStrides.of(Shape([3, 1]), into: Shape([2, 3, 4])) == [0, 1, 0])
        #expect(BroadcastStrides.of(Shape([4]), into: Shape([2, 3, 4])) == [0, 0, 1])
        #expect(BroadcastStrides.of(Shape([2, 3, 4]), into: Shape([2, 3, 4])) == [12, 4, 1])
    }

    @Test func sizeOneDimensionsTheOutputKeepTheirRowMajorStride() {
        #expect(BroadcastStrides.of(Shape([1, 4]), into: Shape([1, 4])) == [4, 1])
    }
}
