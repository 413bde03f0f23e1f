import IR
import Testing

/// Source indices of RESIZE_NEAREST_NEIGHBOR (TFLM `GetNearestNeighbor`).
@Suite struct NearestNeighborSourceTests {
    static let plain = ResizeNearestNeighbor(alignCorners: false, halfPixelCenters: false)
    static let aligned = ResizeNearestNeighbor(alignCorners: true, halfPixelCenters: false)
    static let halfPixel = ResizeNearestNeighbor(alignCorners: false, halfPixelCenters: true)

    @Test func upsampling() {
        #expect(NearestNeighborSource.indices(inputSize: 4, outputSize: 8, Self.plain) == [0, 0, 1, 1, 2, 2, 3, 3])
        #expect(NearestNeighborSource.indices(inputSize: 3, outputSize: 5, Self.aligned) == [0, 1, 1, 2, 2])
        #expect(NearestNeighborSource.indices(inputSize: 3, outputSize: 5, Self.halfPixel) == [0, 0, 1, 2, 2])
    }

    @Test func downsamplingAndSinglePixels() {
        #expect(NearestNeighborSource.indices(inputSize: 6, outputSize: 4, Self.plain) == [0, 1, 3, 4])
        #expect(NearestNeighborSource.indices(inputSize: 5, outputSize: 1, Self.aligned) == [0])
        #expect(NearestNeighborSource.index(0, inputSize: 1, outputSize: 3, Self.halfPixel) == 0)
    }
}
