import IR
import Reference
import Testing

@Suite struct StridedSliceTests {
    typealias T = PointwiseOpTesting
    static let q = T.q(0.1, 3)

    static func slice(_ shape: [Int], begin: [Int32], end: [Int32], strides: [Int32], out: [Int],
                      beginMask: Int32 = 0, endMask: Int32 = 0, shrink: Int32 = 0) throws(CompileError) -> [Int8] {
        let x = (0..<shape.reduce(1, *)).map { Int8($0) }
        let attrs = StridedSlice(beginMask: beginMask, endMask: endMask, ellipsisMask: 0, newAxisMask: 0,
                                      shrinkAxisMask: shrink, offset: false)
        return try T.int8(.stridedSlice(attrs), x, shape: shape, in: q, out: q, outShape: out,
                          constants: [begin, end, strides])
    }

    @Test func basicWindow() throws {
        #expect(try Self.slice([3, 4], begin: [1, 1], end: [3, 3], strides: [1, 1], out: [2, 2]) == [5, 6, 9, 10])
    }

    /// begin_mask bit 1 starts axis 1 at 0; end_mask bit 0 ends axis 0 at its size.
    @Test func masksOverrideIndices() throws {
        #expect(try Self.slice([3, 4], begin: [2, 99], end: [-99, 1], strides: [1, 1], out: [1, 1],
                               beginMask: 2, endMask: 1) == [8])
    }

    /// Rows 2, 1 and columns 3, 1.
    @Test func negativeIndicesAndStrides() throws {
        #expect(try Self.slice([3, 4], begin: [-1, 3], end: [0, 0], strides: [-1, -2], out: [2, 2]) == [11, 9, 7, 5])
    }

    @Test func reverseEverything() throws {
        #expect(try Self.slice([3, 4], begin: [0, 0], end: [0, 0], strides: [-1, -1], out: [3, 4], beginMask: 3, endMask: 3)
                == [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    }

    @Test func shrinkAxisDropsTheDimension() throws {
        #expect(try Self.slice([3, 4], begin: [-2, 0], end: [0, 4], strides: [1, 2], out: [2], shrink: 1) == [4, 6])
    }

    /// TFLM clamps a shrunk axis' begin instead of rejecting it: -7 on size 3 becomes 0.
    @Test func shrinkBeginIsClampedAsInTFLM() throws {
        #expect(try Self.slice([3, 4], begin: [-7, 1], end: [0, 2], strides: [1, 1], out: [1], shrink: 1) == [1])
    }

    @Test func strideLargerThanTheAxis() throws {
        #expect(try Self.slice([2, 5], begin: [0, 1], end: [2, 5], strides: [1, 10], out: [2, 1]) == [1, 6])
    }

    @Test func planCountsMatchPrepare() {
        let plan = StridedSlicePlan(inputDims: [6, 5], begin: [5, 9], end: [0, -9], strides: [-2, -3],
                                    beginMask: 0, endMask: 0, shrinkAxisMask: 0)
        #expect(plan.axes.map(\.start) == [5, 4])
        #expect(plan.outputDims == [3, 2])
    }
}
