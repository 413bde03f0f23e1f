import IR
import Testing
import TestSupport

/// RESIZE_NEAREST_NEIGHBOR, TRANSPOSE and STRIDED_SLICE checks.
@Suite struct IndexingOpChecksTests {
    typealias P = PointwiseOpChecksTests
    static let q: (Float, Int32) = (0.1, 3)

    static func resize(input: [Int] = [1, 2, 3, 4], size: [Int32] = [4, 6], output: [Int] = [1, 4, 6, 4],
                       outQ: (Float, Int32) = q, constant: Bool = true) -> CompileError? {
        P.problem(P.graph(.resizeNearestNeighbor(ResizeNearestNeighbor(alignCorners: false, halfPixelCenters: false)),
                          input: input, q, output: output, outQ, constants: [size], constantOperands: constant))
    }

    static func transpose(input: [Int], perm: [Int32], output: [Int], outQ: (Float, Int32) = q) -> CompileError? {
        P.problem(P.graph(.transpose(Transpose()), input: input, q, output: output, outQ, constants: [perm]))
    }

    static func slice(_ input: [Int], _ begin: [Int32], _ end: [Int32], _ strides: [Int32], output: [Int],
                      shrink: Int32 = 0, ellipsis: Int32 = 0, newAxis: Int32 = 0, offset: Bool = false,
                      constant: Bool = true) -> CompileError? {
        let attrs = StridedSlice(beginMask: 0, endMask: 0, ellipsisMask: ellipsis, newAxisMask: newAxis,
                                      shrinkAxisMask: shrink, offset: offset)
        return P.problem(P.graph(.stridedSlice(attrs), input: input, q, output: output, q,
                                 constants: [begin, end, strides], constantOperands: constant))
    }

    // MARK: RESIZE_NEAREST_NEIGHBOR

    @Test func resizeAcceptsAConstantSize() {
        #expect(Self.resize() == nil)
    }

    @Test func resizeRejectsBadSizeOperands() {
        #expect(Self.resize(constant: false)?.kind == .unsupported)
        #expect(Self.resize(size: [4, 6, 1])?.kind == .malformed)
        #expect(Self.resize(size: [0, 6], output: [1, 0, 6, 4])?.kind == .malformed)
    }

    @Test func resizeChecksShapesAndQuantization() {
        #expect(Self.resize(output: [1, 4, 5, 4])?.location.tensor == TensorID(2))
        #expect(Self.resize(input: [2, 3, 4], output: [4, 6, 4])?.kind == .malformed)
        #expect(Self.resize(outQ: (0.2, 3))?.kind == .unsupported)
    }

    // MARK: TRANSPOSE

    @Test func transposeAcceptsRanksOneToFive() {
        #expect(Self.transpose(input: [2, 3], perm: [1, 0], output: [3, 2]) == nil)
        #expect(Self.transpose(input: [1, 2, 3, 4, 5], perm: [4, 3, 2, 1, 0], output: [5, 4, 3, 2, 1]) == nil)
        #expect(Self.transpose(input: [1, 1, 1, 1, 1, 2], perm: [5, 4, 3, 2, 1, 0], output: [2, 1, 1, 1, 1, 1])?.kind
                == .unsupported)
    }

    @Test func transposeNeedsAPermutation() {
        #expect(Self.transpose(input: [2, 3], perm: [0, 0], output: [2, 2])?.kind == .malformed)
        #expect(Self.transpose(input: [2, 3], perm: [1, 2], output: [3, 2])?.kind == .malformed)
        #expect(Self.transpose(input: [2, 3], perm: [1], output: [3])?.kind == .malformed)
        #expect(Self.transpose(input: [2, 3], perm: [1, 0], output: [2, 3])?.kind == .malformed)
        #expect(Self.transpose(input: [2, 3], perm: [1, 0], output: [3, 2], outQ: (0.1, 4))?.kind == .unsupported)
    }

    // MARK: STRIDED_SLICE

    @Test func sliceAcceptsNegativeIndicesAndStrides() {
        #expect(Self.slice([3, 4], [-1, 3], [0, 0], [-1, -2], output: [2, 2]) == nil)
        #expect(Self.slice([3, 4], [1, 0], [2, 4], [1, 1], output: [4], shrink: 1) == nil)
    }

    /// TFLM's micro kernel drops these options; a model relying on them is rejected.
    @Test func sliceRejectsOptionsTFLMIgnores() {
        #expect(Self.slice([3, 4], [0, 0], [3, 4], [1, 1], output: [3, 4], ellipsis: 1)?.message.contains("ellipsis") == true)
        #expect(Self.slice([3, 4], [0, 0], [3, 4], [1, 1], output: [1, 3, 4], newAxis: 1)?.kind == .unsupported)
        #expect(Self.slice([3, 4], [0, 1], [3, 2], [1, 1], output: [3, 2], offset: true)?.message.contains("offset") == true)
    }

    @Test func sliceOperandRules() {
        #expect(Self.slice([1, 1, 1, 1, 2], [0, 0, 0, 0, 0], [1, 1, 1, 1, 2], [1, 1, 1, 1, 1], output: [1, 1, 1, 1, 2])?.kind
                == .unsupported)
        #expect(Self.slice([3, 4], [0, 0], [3, 4], [1, 0], output: [3, 4])?.kind == .malformed)
        #expect(Self.slice([3, 4], [0], [3], [1], output: [3, 4])?.kind == .malformed)
        #expect(Self.slice([3, 4], [0, 0], [3, 4], [1, 1], output: [3, 4], constant: false)?.kind == .unsupported)
        #expect(Self.slice([3, 4], [0, 0], [3, 4], [1, 2], output: [3, 4])?.location.tensor == TensorID(4))
    }

    /// TFLM writes nothing for these shrunk axes (verified: the output keeps stale memory).
    @Test func sliceRejectsShrinksTFLMLeavesUnwritten() {
        #expect(Self.slice([4, 5], [2, 0], [3, 5], [-1, 1], output: [5], shrink: 1)?.message.contains("negative") == true)
        #expect(Self.slice([4, 5], [4, 0], [5, 5], [1, 1], output: [5], shrink: 1)?.kind == .unsupported)
    }

    /// TFLM rejects zero-sized outputs; a stride near 2^31 overflows its index arithmetic (segfault).
    @Test func sliceRejectsEmptyOutputsAndOverflowingStrides() {
        #expect(Self.slice([4, 5], [3, 0], [1, 5], [1, 1], output: [0, 5])?.kind == .unsupported)
        #expect(Self.slice([4, 5], [3, 0], [4, 5], [Int32.max, 1], output: [1, 5])?.message.contains("overflow") == true)
    }
}
