import IR
import Reference
import Testing

@Suite struct ResizeNearestNeighborTests {
    typealias T = PointwiseOpTesting
    static let q = T.q(0.1, 0)
    static let input: [Int8] = [0, 1, 2, 3, 4, 5]   // [1, 2, 3, 1]

    static func resize(_ attrs: ResizeNearestNeighbor, _ x: [Int8], from: [Int], to size: [Int32]) throws(CompileError) -> [Int8] {
        try T.int8(.resizeNearestNeighbor(attrs), x, shape: from, in: q, out: q,
                   outShape: [from[0], Int(size[0]), Int(size[1]), from[3]], constants: [size])
    }

    /// Rows: floor(y * 2/3) = 0, 0, 1; columns: floor(x * 0.6) = 0, 0, 1, 1, 2.
    @Test func defaultFloorsTheScaledIndex() throws {
        let y = try Self.resize(ResizeNearestNeighbor(alignCorners: false, halfPixelCenters: false), Self.input, from: [1, 2, 3, 1], to: [3, 5])
        #expect(y == [0, 0, 1, 1, 2, 0, 0, 1, 1, 2, 3, 3, 4, 4, 5])
    }

    /// Rows: round(y * 1/2) = 0, 1 (0.5 rounds away from zero), 1; columns round(x * 2/4).
    @Test func alignCornersRoundsHalfAwayFromZero() throws {
        let y = try Self.resize(ResizeNearestNeighbor(alignCorners: true, halfPixelCenters: false), Self.input, from: [1, 2, 3, 1], to: [3, 5])
        #expect(y == [0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 3, 4, 4, 5, 5])
    }

    /// floor((y + 0.5) * scale), clamped to the last index.
    @Test func halfPixelCenters() throws {
        let y = try Self.resize(ResizeNearestNeighbor(alignCorners: false, halfPixelCenters: true), Self.input, from: [1, 2, 3, 1], to: [3, 5])
        #expect(y == [0, 0, 1, 2, 2, 3, 3, 4, 5, 5, 3, 3, 4, 5, 5])
    }

    /// Both flags: TFLM rounds (y + 0.5) * (in - 1) / (out - 1), clamps to the last index.
    @Test func alignCornersWithHalfPixelCenters() throws {
        let y = try Self.resize(ResizeNearestNeighbor(alignCorners: true, halfPixelCenters: true), Self.input, from: [1, 2, 3, 1], to: [3, 5])
        #expect(y == [0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 3, 4, 4, 5, 5])
    }

    @Test func downscale() throws {
        let y = try Self.resize(ResizeNearestNeighbor(alignCorners: false, halfPixelCenters: false), [0, 1, 2, 3, 4], from: [1, 1, 5, 1], to: [1, 2])
        #expect(y == [0, 2])
    }

    @Test func copiesWholePixelsAcrossBatchesAndChannels() throws {
        let x: [Int8] = [1, 2, 3, 4, 5, 6, 7, 8]   // [2, 1, 2, 2]
        let y = try Self.resize(ResizeNearestNeighbor(alignCorners: false, halfPixelCenters: false), x, from: [2, 1, 2, 2], to: [1, 4])
        #expect(y == [1, 2, 1, 2, 3, 4, 3, 4, 5, 6, 5, 6, 7, 8, 7, 8])
    }
}
