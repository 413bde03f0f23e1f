/*
 * ctflite_options.cpp — ctfl_operator_options: builtin operator options with schema defaults.
 *
 * Every field first gets the upstream schema default (the same value the generated accessor
 * returns for an absent field), then the table named by `builtin_options_type` is read if it is
 * one we declare and is present. A type we do not declare (or a missing table) leaves the
 * defaults; `options_type` always reports the stored ordinal so the caller can check it matches
 * the operator.
 */
#include "ctflite_internal.h"

namespace {

/// Upstream schema defaults for every field of ctfl_options.
void fill_defaults(ctfl_options *o, int32_t options_type) {
    memset(o, 0, sizeof(*o));
    o->options_type = options_type;
    o->padding = 0;                   // Padding.SAME
    o->stride_w = 0;
    o->stride_h = 0;
    o->dilation_w_factor = 1;
    o->dilation_h_factor = 1;
    o->filter_width = 0;
    o->filter_height = 0;
    o->depth_multiplier = 0;
    o->fused_activation_function = 0; // ActivationFunctionType.NONE
    o->weights_format = 0;            // FullyConnectedOptionsWeightsFormat.DEFAULT
    o->keep_num_dims = 0;
    o->asymmetric_quantize_inputs = 0;
    o->pot_scale_int16 = 1;           // AddOptions / SubOptions: pot_scale_int16 = true
    o->axis = 0;
    o->keep_dims = 0;
    o->beta = 0.0f;
    o->alpha = 0.0f;
    o->align_corners = 0;
    o->half_pixel_centers = 0;
    o->begin_mask = 0;
    o->end_mask = 0;
    o->ellipsis_mask = 0;
    o->new_axis_mask = 0;
    o->shrink_axis_mask = 0;
    o->offset = 0;
    o->has_new_shape = 0;
    o->has_squeeze_dims = 0;
    o->quantized_bias_type = 0;       // TensorType.FLOAT32 (not set)
    o->batch_dims = 0;
    o->rank = 0;
    o->block_size = 0;
    o->num_splits = 0;
    o->output_type = 0;               // TensorType.FLOAT32 (as an absent ArgMax/ArgMin field reads)
    o->values_count = 0;
    o->num = 0;
    o->cell_clip = 0.0f;
    o->proj_clip = 0.0f;
    o->time_major = 0;
    o->diagonal_recurrent_tensors = 0;
    o->mirror_pad_mode = 0;           // MirrorPadMode.REFLECT
    o->adj_x = 0;
    o->adj_y = 0;
}

int32_t flag(bool b) { return b ? 1 : 0; }

/// Fields shared by Conv2DOptions, DepthwiseConv2DOptions and Pool2DOptions.
template <typename T>
void read_window(const T *t, ctfl_options *o) {
    o->padding = t->padding();
    o->stride_w = t->stride_w();
    o->stride_h = t->stride_h();
    o->fused_activation_function = t->fused_activation_function();
}

/// Dilation factors of Conv2DOptions and DepthwiseConv2DOptions.
template <typename T>
void read_dilation(const T *t, ctfl_options *o) {
    o->dilation_w_factor = t->dilation_w_factor();
    o->dilation_h_factor = t->dilation_h_factor();
}

/// AddOptions and SubOptions have the same two fields.
template <typename T>
void read_add_sub(const T *t, ctfl_options *o) {
    o->fused_activation_function = t->fused_activation_function();
    o->pot_scale_int16 = flag(t->pot_scale_int16());
}

/// ResizeBilinearOptions and ResizeNearestNeighborOptions share the two flags we read.
template <typename T>
void read_resize(const T *t, ctfl_options *o) {
    o->align_corners = flag(t->align_corners());
    o->half_pixel_centers = flag(t->half_pixel_centers());
}

/// StridedSliceOptions: the five masks and `offset`.
void read_strided_slice(const tflite::StridedSliceOptions *t, ctfl_options *o) {
    o->begin_mask = t->begin_mask();
    o->end_mask = t->end_mask();
    o->ellipsis_mask = t->ellipsis_mask();
    o->new_axis_mask = t->new_axis_mask();
    o->shrink_axis_mask = t->shrink_axis_mask();
    o->offset = flag(t->offset());
}

/// Split, SplitV, Pack and Unpack options.
bool read_split_pack_options(const tflite::Operator *op, ctfl_options *o) {
    switch (op->builtin_options_type()) {
    case tflite::BuiltinOptions_SplitOptions:
        if (const auto *t = op->builtin_options_as_SplitOptions()) o->num_splits = t->num_splits();
        return true;
    case tflite::BuiltinOptions_SplitVOptions:
        if (const auto *t = op->builtin_options_as_SplitVOptions()) o->num_splits = t->num_splits();
        return true;
    case tflite::BuiltinOptions_PackOptions:
        if (const auto *t = op->builtin_options_as_PackOptions()) {
            o->values_count = t->values_count();
            o->axis = t->axis();
        }
        return true;
    case tflite::BuiltinOptions_UnpackOptions:
        if (const auto *t = op->builtin_options_as_UnpackOptions()) {
            o->num = t->num();
            o->axis = t->axis();
        }
        return true;
    default:
        return false;
    }
}

/// Convolution-shaped options: Conv2D, DepthwiseConv2D, Pool2D, TransposeConv. Returns false
/// when the operator's options are of another family.
bool read_window_options(const tflite::Operator *op, ctfl_options *o) {
    switch (op->builtin_options_type()) {
    case tflite::BuiltinOptions_Conv2DOptions:
        if (const auto *t = op->builtin_options_as_Conv2DOptions()) {
            read_window(t, o);
            read_dilation(t, o);
            o->quantized_bias_type = t->quantized_bias_type();
        }
        return true;
    case tflite::BuiltinOptions_DepthwiseConv2DOptions:
        if (const auto *t = op->builtin_options_as_DepthwiseConv2DOptions()) {
            read_window(t, o);
            read_dilation(t, o);
            o->depth_multiplier = t->depth_multiplier();
        }
        return true;
    case tflite::BuiltinOptions_Pool2DOptions:
        if (const auto *t = op->builtin_options_as_Pool2DOptions()) {
            read_window(t, o);
            o->filter_width = t->filter_width();
            o->filter_height = t->filter_height();
        }
        return true;
    case tflite::BuiltinOptions_TransposeConvOptions:
        if (const auto *t = op->builtin_options_as_TransposeConvOptions()) {
            read_window(t, o);
            o->quantized_bias_type = t->quantized_bias_type();
        }
        return true;
    default:
        return false;
    }
}

/// Options of matrix and sequence operators: FullyConnected, BatchMatMul, SVDF, LSTM.
bool read_matrix_options(const tflite::Operator *op, ctfl_options *o) {
    switch (op->builtin_options_type()) {
    case tflite::BuiltinOptions_FullyConnectedOptions:
        if (const auto *t = op->builtin_options_as_FullyConnectedOptions()) {
            o->fused_activation_function = t->fused_activation_function();
            o->weights_format = t->weights_format();
            o->keep_num_dims = flag(t->keep_num_dims());
            o->asymmetric_quantize_inputs = flag(t->asymmetric_quantize_inputs());
            o->quantized_bias_type = t->quantized_bias_type();
        }
        return true;
    case tflite::BuiltinOptions_BatchMatMulOptions:
        if (const auto *t = op->builtin_options_as_BatchMatMulOptions()) {
            o->adj_x = flag(t->adj_x());
            o->adj_y = flag(t->adj_y());
            o->asymmetric_quantize_inputs = flag(t->asymmetric_quantize_inputs());
        }
        return true;
    case tflite::BuiltinOptions_SVDFOptions:
        if (const auto *t = op->builtin_options_as_SVDFOptions()) {
            o->rank = t->rank();
            o->fused_activation_function = t->fused_activation_function();
            o->asymmetric_quantize_inputs = flag(t->asymmetric_quantize_inputs());
        }
        return true;
    case tflite::BuiltinOptions_UnidirectionalSequenceLSTMOptions:
        if (const auto *t = op->builtin_options_as_UnidirectionalSequenceLSTMOptions()) {
            o->fused_activation_function = t->fused_activation_function();
            o->cell_clip = t->cell_clip();
            o->proj_clip = t->proj_clip();
            o->time_major = flag(t->time_major());
            o->asymmetric_quantize_inputs = flag(t->asymmetric_quantize_inputs());
            o->diagonal_recurrent_tensors = flag(t->diagonal_recurrent_tensors());
        }
        return true;
    default:
        return false;
    }
}

/// Options of element-wise and normalising operators.
bool read_elementwise_options(const tflite::Operator *op, ctfl_options *o) {
    switch (op->builtin_options_type()) {
    case tflite::BuiltinOptions_SoftmaxOptions:
        if (const auto *t = op->builtin_options_as_SoftmaxOptions()) o->beta = t->beta();
        return true;
    case tflite::BuiltinOptions_AddOptions:
        if (const auto *t = op->builtin_options_as_AddOptions()) read_add_sub(t, o);
        return true;
    case tflite::BuiltinOptions_SubOptions:
        if (const auto *t = op->builtin_options_as_SubOptions()) read_add_sub(t, o);
        return true;
    case tflite::BuiltinOptions_MulOptions:
        if (const auto *t = op->builtin_options_as_MulOptions()) {
            o->fused_activation_function = t->fused_activation_function();
        }
        return true;
    case tflite::BuiltinOptions_L2NormOptions:
        if (const auto *t = op->builtin_options_as_L2NormOptions()) {
            o->fused_activation_function = t->fused_activation_function();
        }
        return true;
    case tflite::BuiltinOptions_LeakyReluOptions:
        if (const auto *t = op->builtin_options_as_LeakyReluOptions()) o->alpha = t->alpha();
        return true;
    case tflite::BuiltinOptions_ReducerOptions:
        if (const auto *t = op->builtin_options_as_ReducerOptions()) o->keep_dims = flag(t->keep_dims());
        return true;
    case tflite::BuiltinOptions_ArgMaxOptions:
        if (const auto *t = op->builtin_options_as_ArgMaxOptions()) o->output_type = t->output_type();
        return true;
    case tflite::BuiltinOptions_ArgMinOptions:
        if (const auto *t = op->builtin_options_as_ArgMinOptions()) o->output_type = t->output_type();
        return true;
    default:
        return false;
    }
}

/// Options of operators that resize or resample: Resize*, SpaceToDepth, DepthToSpace, MirrorPad.
bool read_resample_options(const tflite::Operator *op, ctfl_options *o) {
    switch (op->builtin_options_type()) {
    case tflite::BuiltinOptions_ResizeBilinearOptions:
        if (const auto *t = op->builtin_options_as_ResizeBilinearOptions()) read_resize(t, o);
        return true;
    case tflite::BuiltinOptions_ResizeNearestNeighborOptions:
        if (const auto *t = op->builtin_options_as_ResizeNearestNeighborOptions()) read_resize(t, o);
        return true;
    case tflite::BuiltinOptions_SpaceToDepthOptions:
        if (const auto *t = op->builtin_options_as_SpaceToDepthOptions()) o->block_size = t->block_size();
        return true;
    case tflite::BuiltinOptions_DepthToSpaceOptions:
        if (const auto *t = op->builtin_options_as_DepthToSpaceOptions()) o->block_size = t->block_size();
        return true;
    case tflite::BuiltinOptions_MirrorPadOptions:
        if (const auto *t = op->builtin_options_as_MirrorPadOptions()) o->mirror_pad_mode = t->mode();
        return true;
    default:
        return false;
    }
}

/// Options of operators that only rearrange data: Reshape, Squeeze, Gather, StridedSlice,
/// Concatenation, Split, SplitV, Pack, Unpack.
bool read_layout_options(const tflite::Operator *op, ctfl_options *o) {
    switch (op->builtin_options_type()) {
    case tflite::BuiltinOptions_ConcatenationOptions:
        if (const auto *t = op->builtin_options_as_ConcatenationOptions()) {
            o->axis = t->axis();
            o->fused_activation_function = t->fused_activation_function();
        }
        return true;
    case tflite::BuiltinOptions_ReshapeOptions:
        if (const auto *t = op->builtin_options_as_ReshapeOptions()) {
            o->has_new_shape = flag(t->new_shape() != nullptr);
        }
        return true;
    case tflite::BuiltinOptions_SqueezeOptions:
        if (const auto *t = op->builtin_options_as_SqueezeOptions()) {
            o->has_squeeze_dims = flag(t->squeeze_dims() != nullptr);
        }
        return true;
    case tflite::BuiltinOptions_GatherOptions:
        if (const auto *t = op->builtin_options_as_GatherOptions()) {
            o->axis = t->axis();
            o->batch_dims = t->batch_dims();
        }
        return true;
    case tflite::BuiltinOptions_StridedSliceOptions:
        if (const auto *t = op->builtin_options_as_StridedSliceOptions()) read_strided_slice(t, o);
        return true;
    default:
        return read_split_pack_options(op, o);
    }
}

void read_options(const tflite::Operator *op, ctfl_options *o) {
    // Option tables without fields (Pad, PadV2, Transpose, Quantize, Dequantize, HardSwish,
    // LogSoftmax, Slice, ExpandDims, MaximumMinimum, Neg, Abs, SquaredDifference,
    // SpaceToBatchND, BatchToSpaceND) and ordinals we do not declare: the defaults stand.
    if (read_window_options(op, o)) return;
    if (read_matrix_options(op, o)) return;
    if (read_elementwise_options(op, o)) return;
    if (read_resample_options(op, o)) return;
    (void)read_layout_options(op, o);
}

}  // namespace

extern "C" int ctfl_operator_options(const ctfl_model *model, int32_t index, ctfl_options *out) {
    if (out == nullptr) return CTFL_ERR_RANGE;
    const tflite::Operator *op = ctfl::operator_at(model, index);
    if (op == nullptr) return CTFL_ERR_RANGE;
    fill_defaults(out, static_cast<int32_t>(op->builtin_options_type()));
    read_options(op, out);
    return CTFL_OK;
}

extern "C" void ctfl_options_defaults(ctfl_options *out) {
    if (out == nullptr) return;
    fill_defaults(out, 0);
}
