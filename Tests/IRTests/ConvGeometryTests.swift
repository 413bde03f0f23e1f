import IR
import Testing

/// Window output sizes and padding (TFLM `ComputeOutSize`, `ComputePaddingWithOffset`).
@Suite struct ConvGeometryTests {
    @Test func sameAndValidSizes() {
        #expect(ConvGeometry(inputSize: 5, filterSize: 3, stride: 2, padding: .same).outputSize == 3)
        #expect(ConvGeometry(inputSize: 5, filterSize: 3, stride: 2, padding: .valid).outputSize == 2)
        #expect(ConvGeometry(inputSize: 5, filterSize: 2, stride: 1, dilation: 3, padding: .valid).outputSize == 2)
        #expect(ConvGeometry(inputSize: 2, filterSize: 3, stride: 1, padding: .valid).outputSize == 0)
        #expect(ConvGeometry(inputSize: 96, filterSize: 3, stride: 2, padding: .same).outputSize == 48)
    }

    @Test func oddPaddingGoesAfter() {
        // total = (48 - 1) * 2 + 3 - 96 = 1: nothing before, one pixel after.
        #expect(ConvGeometry(inputSize: 96, filterSize: 3, stride: 2, padding: .same).paddingBefore == 0)
        #expect(ConvGeometry(inputSize: 5, filterSize: 3, stride: 1, padding: .same).paddingBefore == 1)
        #expect(ConvGeometry(inputSize: 5, filterSize: 3, stride: 1, dilation: 2, padding: .same).paddingBefore == 2)
        #expect(ConvGeometry(inputSize: 5, filterSize: 3, stride: 1, padding: .valid).paddingBefore == 0)
    }

    @Test func totalPaddingForAGivenOutputSize() {
        let g = ConvGeometry(inputSize: 96, filterSize: 3, stride: 2, padding: .same)
        #expect(g.totalPadding(outputSize: 48) == 1)
        #expect(g.totalPadding(outputSize: 47) == 0)
        #expect(ConvGeometry(inputSize: 5, filterSize: 3, stride: 1, dilation: 2, padding: .same)
                .totalPadding(outputSize: 5) == 4)
    }
}
