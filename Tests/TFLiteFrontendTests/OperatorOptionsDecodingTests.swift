import CTFLite
import Foundation
import Testing
import TestSupport

/// The C API decodes the builtin options of the issue-12 operators (fixtures in
/// `Tests/Fixtures/ops-pending`, made by `scripts/tflm/make_pending_op_models.py`, or in
/// `Tests/Fixtures/ops` once the operator is supported): every field an operator's options table
/// carries reaches `ctfl_options`, read from the slot upstream uses.
@Suite struct OperatorOptionsDecodingTests {
    static let folders = ["Tests/Fixtures/ops-pending", "Tests/Fixtures/ops"].map {
        SharedModels.repositoryRoot.appendingPathComponent($0)
    }

    /// Options of the first operator whose builtin code is `code` in fixture `file`.
    static func options(_ file: String, code: Int32) throws -> ctfl_options {
        let url = folders.map { $0.appendingPathComponent(file) }.first { FileManager.default.fileExists(atPath: $0.path) }
        let bytes = [UInt8](try Data(contentsOf: try #require(url, "fixture \(file) not found")))
        var model: OpaquePointer?
        try #require(ctfl_open(bytes, bytes.count, &model, nil, 0) == CTFL_OK)
        defer { ctfl_close(model) }
        var info = ctfl_model_info()
        _ = ctfl_model_info_get(model, &info)
        for index in 0..<info.operator_count {
            var op = ctfl_operator()
            var opcode = ctfl_operator_code()
            _ = ctfl_operator_get(model, index, &op)
            _ = ctfl_operator_code_get(model, op.opcode_index, &opcode)
            if max(opcode.builtin_code, opcode.deprecated_builtin_code) == code {
                var options = ctfl_options()
                try #require(ctfl_operator_options(model, index, &options) == CTFL_OK)
                return options
            }
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    @Test func transposeConvWindowActivationAndBiasType() throws {
        let o = try Self.options("transpose_conv_004_k4_s2_same_relu6.tflite", code: 67)
        #expect(o.options_type == 49)
        #expect((o.padding, o.stride_w, o.stride_h, o.fused_activation_function) == (0, 2, 2, 3))
        let valid = try Self.options("transpose_conv_005_k5_s3_valid_per_tensor.tflite", code: 67)
        #expect((valid.padding, valid.stride_w, valid.stride_h) == (1, 3, 3))
    }

    @Test func quantizedBiasTypeOfInt16Convolutions() throws {
        let int64 = try Self.options("conv_2d_063_i16_k1_no_bias_acc_int64.tflite", code: 3)
        #expect(int64.quantized_bias_type == 4)
        let int32 = try Self.options("conv_2d_064_i16_k3_no_bias_acc_int32_per_tensor.tflite", code: 3)
        #expect(int32.quantized_bias_type == 2)
        #expect(try Self.options("conv_2d_061_i16_k3_int64_bias.tflite", code: 3).quantized_bias_type == 0)
    }

    @Test func lstmOptions() throws {
        let o = try Self.options("unidirectional_sequence_lstm_001_i8_intermediates_clip10.tflite", code: 44)
        #expect(o.options_type == 71)
        #expect((o.fused_activation_function, o.cell_clip, o.proj_clip, o.time_major) == (4, 10, 0, 0))
        let major = try Self.options("unidirectional_sequence_lstm_002_i8_time_major_batch2.tflite", code: 44)
        #expect(major.time_major == 1)
        #expect(major.diagonal_recurrent_tensors == 0 && major.asymmetric_quantize_inputs == 0)
    }

    @Test func sequenceAndMatrixOptions() throws {
        #expect(try Self.options("svdf_001_int16_state_rank2_batch2.tflite", code: 27).rank == 2)
        let adjX = try Self.options("batch_matmul_004_adj_x.tflite", code: 126)
        #expect((adjX.options_type, adjX.adj_x, adjX.adj_y) == (101, 1, 0))
        let both = try Self.options("batch_matmul_006_adj_xy_const_rhs.tflite", code: 126)
        #expect((both.adj_x, both.adj_y, both.asymmetric_quantize_inputs) == (1, 1, 0))
        let asymmetric = try Self.options("batch_matmul_017_asym_flag_ignored.tflite", code: 126)
        #expect((asymmetric.adj_x, asymmetric.adj_y, asymmetric.asymmetric_quantize_inputs) == (0, 0, 1))
    }

    @Test func layoutOptions() throws {
        let pack = try Self.options("pack_001_axis1_three.tflite", code: 83)
        #expect((pack.values_count, pack.axis) == (3, 1))
        let unpack = try Self.options("unpack_002_axis_neg1.tflite", code: 88)
        #expect((unpack.num, unpack.axis) == (4, -1))
        #expect(try Self.options("split_001_axis1_three.tflite", code: 49).num_splits == 3)
        #expect(try Self.options("split_v_000_axis3_1_3_2.tflite", code: 102).num_splits == 3)
        let gather = try Self.options("gather_003_batch_dims1.tflite", code: 36)
        #expect((gather.axis, gather.batch_dims) == (1, 1))
        #expect(try Self.options("gather_002_axis_neg1.tflite", code: 36).axis == -1)
    }

    @Test func resampleOptions() throws {
        #expect(try Self.options("depth_to_space_001_block3.tflite", code: 5).block_size == 3)
        #expect(try Self.options("space_to_depth_000_block2.tflite", code: 26).block_size == 2)
        #expect(try Self.options("mirror_pad_000_reflect_hw.tflite", code: 100).mirror_pad_mode == 0)
        #expect(try Self.options("mirror_pad_001_symmetric_hw.tflite", code: 100).mirror_pad_mode == 1)
        let bilinear = try Self.options("resize_bilinear_002_x2_half_pixel.tflite", code: 23)
        #expect((bilinear.align_corners, bilinear.half_pixel_centers) == (0, 1))
    }

    @Test func reductionAndArgOptions() throws {
        let argMax = try Self.options("arg_max_001_axis3_4d.tflite", code: 56)
        #expect((argMax.options_type, argMax.output_type) == (40, 2))
        let argMin = try Self.options("arg_min_001_axis3_4d.tflite", code: 79)
        #expect((argMin.options_type, argMin.output_type) == (57, 2))
        #expect(try Self.options("reduce_max_001_axis3_nokeep.tflite", code: 82).keep_dims == 0)
        #expect(try Self.options("sum_000_axes12_keep.tflite", code: 74).keep_dims == 1)
    }

    @Test func defaultsForAbsentFields() {
        var o = ctfl_options()
        ctfl_options_defaults(&o)
        #expect((o.quantized_bias_type, o.output_type, o.mirror_pad_mode, o.rank) == (0, 0, 0, 0))
        #expect((o.cell_clip, o.proj_clip, o.time_major, o.adj_x, o.adj_y) == (0, 0, 0, 0, 0))
        #expect(o.pot_scale_int16 == 1)
    }
}
