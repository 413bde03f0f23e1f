import CTFLite
import IR

/// Turns a TFLite builtin code and its options table into a typed `Op`.
///
/// The options are taken only from a table of the type the opcode expects; a missing or
/// mismatched table gives the schema defaults (the support check then rejects invalid values
/// such as a zero stride).
enum OperatorDecoding {
    /// The `BuiltinOptions` union ordinal each supported builtin reads its options from.
    static let expectedOptionsType: [String: Int32] = [
        "CONV_2D": 1, "DEPTHWISE_CONV_2D": 2, "AVERAGE_POOL_2D": 5, "MAX_POOL_2D": 5,
        "FULLY_CONNECTED": 8, "SOFTMAX": 9, "CONCATENATION": 10, "ADD": 11, "RESHAPE": 17,
        "MUL": 21, "PAD": 22, "TRANSPOSE": 26, "MEAN": 27, "SUB": 28, "SQUEEZE": 30,
        "STRIDED_SLICE": 32, "DEQUANTIZE": 38, "PADV2": 43, "RESIZE_NEAREST_NEIGHBOR": 74,
        "LEAKY_RELU": 75, "QUANTIZE": 89, "HARD_SWISH": 91,
        "SPACE_TO_DEPTH": 19, "LOG_SOFTMAX": 36, "SLICE": 48, "EXPAND_DIMS": 52, "PACK": 59, "DEPTH_TO_SPACE": 94,
        "MAXIMUM": 39, "MINIMUM": 39, "ABS": 78, "GATHER": 23, "MIRROR_PAD": 77,
        "SPLIT": 35, "SPLIT_V": 79, "UNPACK": 64, "SQUARED_DIFFERENCE": 76,
        "SUM": 27, "REDUCE_MAX": 27, "UNIDIRECTIONAL_SEQUENCE_LSTM": 71,
        "ARG_MAX": 40, "ARG_MIN": 57,
        "TRANSPOSE_CONV": 49, "RESIZE_BILINEAR": 15,
        "SPACE_TO_BATCH_ND": 25, "BATCH_TO_SPACE_ND": 24, "L2_NORMALIZATION": 12,
        "BATCH_MATMUL": 101, "SVDF": 6,
    ]

    /// Decodes operator `index` whose builtin name is `name`.
    static func decode(name: String, code: Int32, model: OpaquePointer, index: Int32) throws(CompileError) -> Op {
        var raw = ctfl_options()
        ctfl_operator_options(model, index, &raw)
        if let expected = expectedOptionsType[name], raw.options_type != expected {
            ctfl_options_defaults(&raw)
        }
        let o = raw
        let act = FusedActivation(tfliteOrdinal: o.fused_activation_function)
        switch name {
        case "CONV_2D":
            return .conv2d(Conv2D(padding: try padding(o), strideH: Int(o.stride_h), strideW: Int(o.stride_w),
                                       dilationH: Int(o.dilation_h_factor), dilationW: Int(o.dilation_w_factor),
                                       activation: act,
                                       quantizedBiasType: DataType(tfliteOrdinal: o.quantized_bias_type)))
        case "DEPTHWISE_CONV_2D":
            return .depthwiseConv2d(DepthwiseConv2D(
                padding: try padding(o), strideH: Int(o.stride_h), strideW: Int(o.stride_w),
                dilationH: Int(o.dilation_h_factor), dilationW: Int(o.dilation_w_factor),
                depthMultiplier: Int(o.depth_multiplier), activation: act))
        case "FULLY_CONNECTED":
            return .fullyConnected(FullyConnected(activation: act, keepNumDims: o.keep_num_dims != 0,
                                                  quantizedBiasType: DataType(tfliteOrdinal: o.quantized_bias_type)))
        case "ADD": return .add(Add(activation: act))
        case "SUB": return .sub(Sub(activation: act))
        case "MUL": return .mul(Mul(activation: act))
        case "AVERAGE_POOL_2D":
            return .averagePool2d(AveragePool2D(padding: try padding(o), strideH: Int(o.stride_h), strideW: Int(o.stride_w),
                                                filterH: Int(o.filter_height), filterW: Int(o.filter_width), activation: act))
        case "MAX_POOL_2D":
            return .maxPool2d(MaxPool2D(padding: try padding(o), strideH: Int(o.stride_h), strideW: Int(o.stride_w),
                                        filterH: Int(o.filter_height), filterW: Int(o.filter_width), activation: act))
        case "MEAN": return .mean(Mean(keepDims: o.keep_dims != 0))
        case "PAD": return .pad(Pad())
        case "PADV2": return .padV2(PadV2())
        case "RESHAPE":
            let shape = o.has_new_shape != 0 ? intList(model, index, Int32(CTFL_LIST_NEW_SHAPE)) : nil
            return .reshape(Reshape(newShape: shape))
        case "SQUEEZE":
            return .squeeze(Squeeze(squeezeDims: intList(model, index, Int32(CTFL_LIST_SQUEEZE_DIMS))))
        case "SOFTMAX": return .softmax(Softmax(beta: o.beta))
        case "CONCATENATION": return .concatenation(Concatenation(axis: Int(o.axis), activation: act))
        case "LOGISTIC": return .logistic(Logistic())
        case "TANH": return .tanh(Tanh())
        case "HARD_SWISH": return .hardSwish(HardSwish())
        case "RELU": return .relu(Relu())
        case "RELU6": return .relu6(Relu6())
        case "LEAKY_RELU": return .leakyRelu(LeakyRelu(alpha: o.alpha))
        case "QUANTIZE": return .quantize(Quantize())
        case "DEQUANTIZE": return .dequantize(Dequantize())
        case "RESIZE_NEAREST_NEIGHBOR":
            return .resizeNearestNeighbor(ResizeNearestNeighbor(alignCorners: o.align_corners != 0,
                                                      halfPixelCenters: o.half_pixel_centers != 0))
        case "TRANSPOSE": return .transpose(Transpose())
        case "LOG_SOFTMAX": return .logSoftmax(LogSoftmax())
        case "EXPAND_DIMS": return .expandDims(ExpandDims())
        case "SLICE": return .slice(Slice())
        case "DEPTH_TO_SPACE": return .depthToSpace(DepthToSpace(blockSize: Int(o.block_size)))
        case "SPACE_TO_DEPTH": return .spaceToDepth(SpaceToDepth(blockSize: Int(o.block_size)))
        case "MAXIMUM": return .maximum(Maximum())
        case "MINIMUM": return .minimum(Minimum())
        case "ABS": return .abs(Abs())
        case "MIRROR_PAD": return .mirrorPad(MirrorPad(reflect: o.mirror_pad_mode == 0))
        case "GATHER": return .gather(Gather(axis: Int(o.axis), batchDims: Int(o.batch_dims)))
        case "SPLIT": return .split(Split(numSplits: Int(o.num_splits)))
        case "SPLIT_V": return .splitV(SplitV(numSplits: Int(o.num_splits)))
        case "UNPACK": return .unpack(Unpack(num: Int(o.num), axis: Int(o.axis)))
        case "SQUARED_DIFFERENCE": return .squaredDifference(SquaredDifference())
        case "PRELU": return .prelu(Prelu())
        case "ELU": return .elu(Elu())
        case "RSQRT": return .rsqrt(Rsqrt())
        case "L2_NORMALIZATION": return .l2Normalization(L2Normalization(activation: act))
        case "BATCH_MATMUL": return .batchMatMul(BatchMatMul(adjX: o.adj_x != 0, adjY: o.adj_y != 0))
        case "RESIZE_BILINEAR":
            return .resizeBilinear(ResizeBilinear(alignCorners: o.align_corners != 0, halfPixelCenters: o.half_pixel_centers != 0))
        case "TRANSPOSE_CONV":
            return .transposeConv(TransposeConv(padding: try padding(o), strideH: Int(o.stride_h), strideW: Int(o.stride_w),
                                                activation: act))
        case "SUM": return .sum(Sum(keepDims: o.keep_dims != 0))
        case "REDUCE_MAX": return .reduceMax(ReduceMax(keepDims: o.keep_dims != 0))
        case "UNIDIRECTIONAL_SEQUENCE_LSTM":
            return .unidirectionalSequenceLSTM(UnidirectionalSequenceLSTM(cellActivation: act, cellClip: o.cell_clip,
                                                                          timeMajor: o.time_major != 0))
        case "SVDF": return .svdf(Svdf(rank: Int(o.rank), activation: act))
        case "ARG_MAX": return .argMax(ArgMax())
        case "ARG_MIN": return .argMin(ArgMin())
        case "SPACE_TO_BATCH_ND": return .spaceToBatchNd(SpaceToBatchNd())
        case "BATCH_TO_SPACE_ND": return .batchToSpaceNd(BatchToSpaceNd())
        case "PACK": return .pack(Pack(valuesCount: Int(o.values_count), axis: Int(o.axis)))
        case "STRIDED_SLICE":
            return .stridedSlice(StridedSlice(beginMask: o.begin_mask, endMask: o.end_mask,
                                                   ellipsisMask: o.ellipsis_mask, newAxisMask: o.new_axis_mask,
                                                   shrinkAxisMask: o.shrink_axis_mask, offset: o.offset != 0))
        default:
            return .unsupported(UnsupportedOpInfo(builtinCode: code, name: name))
        }
    }

    private static func padding(_ o: ctfl_options) throws(CompileError) -> Padding {
        guard let padding = Padding(tfliteOrdinal: o.padding) else {
            throw CompileError(.malformed, "unknown padding mode \(o.padding)")
        }
        return padding
    }

    static func intList(_ model: OpaquePointer, _ index: Int32, _ which: Int32) -> [Int] {
        let count = ctfl_operator_int_list(model, index, which, nil, 0)
        guard count > 0 else { return [] }
        var values = [Int32](repeating: 0, count: Int(count))
        _ = ctfl_operator_int_list(model, index, which, &values, count)
        return values.map(Int.init)
    }
}
