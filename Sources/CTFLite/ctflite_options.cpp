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

void read_options(const tflite::Operator *op, ctfl_options *o) {
    switch (op->builtin_options_type()) {
    case tflite::BuiltinOptions_Conv2DOptions:
        if (const auto *t = op->builtin_options_as_Conv2DOptions()) {
            read_window(t, o);
            read_dilation(t, o);
        }
        break;
    case tflite::BuiltinOptions_DepthwiseConv2DOptions:
        if (const auto *t = op->builtin_options_as_DepthwiseConv2DOptions()) {
            read_window(t, o);
            read_dilation(t, o);
            o->depth_multiplier = t->depth_multiplier();
        }
        break;
    case tflite::BuiltinOptions_Pool2DOptions:
        if (const auto *t = op->builtin_options_as_Pool2DOptions()) {
            read_window(t, o);
            o->filter_width = t->filter_width();
            o->filter_height = t->filter_height();
        }
        break;
    case tflite::BuiltinOptions_FullyConnectedOptions:
        if (const auto *t = op->builtin_options_as_FullyConnectedOptions()) {
            o->fused_activation_function = t->fused_activation_function();
            o->weights_format = t->weights_format();
            o->keep_num_dims = flag(t->keep_num_dims());
            o->asymmetric_quantize_inputs = flag(t->asymmetric_quantize_inputs());
        }
        break;
    case tflite::BuiltinOptions_SoftmaxOptions:
        if (const auto *t = op->builtin_options_as_SoftmaxOptions()) o->beta = t->beta();
        break;
    case tflite::BuiltinOptions_ConcatenationOptions:
        if (const auto *t = op->builtin_options_as_ConcatenationOptions()) {
            o->axis = t->axis();
            o->fused_activation_function = t->fused_activation_function();
        }
        break;
    case tflite::BuiltinOptions_AddOptions:
        if (const auto *t = op->builtin_options_as_AddOptions()) read_add_sub(t, o);
        break;
    case tflite::BuiltinOptions_SubOptions:
        if (const auto *t = op->builtin_options_as_SubOptions()) read_add_sub(t, o);
        break;
    case tflite::BuiltinOptions_MulOptions:
        if (const auto *t = op->builtin_options_as_MulOptions()) {
            o->fused_activation_function = t->fused_activation_function();
        }
        break;
    case tflite::BuiltinOptions_ResizeBilinearOptions:
        if (const auto *t = op->builtin_options_as_ResizeBilinearOptions()) read_resize(t, o);
        break;
    case tflite::BuiltinOptions_ResizeNearestNeighborOptions:
        if (const auto *t = op->builtin_options_as_ResizeNearestNeighborOptions()) read_resize(t, o);
        break;
    case tflite::BuiltinOptions_ReshapeOptions:
        if (const auto *t = op->builtin_options_as_ReshapeOptions()) {
            o->has_new_shape = flag(t->new_shape() != nullptr);
        }
        break;
    case tflite::BuiltinOptions_SqueezeOptions:
        if (const auto *t = op->builtin_options_as_SqueezeOptions()) {
            o->has_squeeze_dims = flag(t->squeeze_dims() != nullptr);
        }
        break;
    case tflite::BuiltinOptions_GatherOptions:
        if (const auto *t = op->builtin_options_as_GatherOptions()) o->axis = t->axis();
        break;
    case tflite::BuiltinOptions_ReducerOptions:
        if (const auto *t = op->builtin_options_as_ReducerOptions()) o->keep_dims = flag(t->keep_dims());
        break;
    case tflite::BuiltinOptions_StridedSliceOptions:
        if (const auto *t = op->builtin_options_as_StridedSliceOptions()) {
            o->begin_mask = t->begin_mask();
            o->end_mask = t->end_mask();
            o->ellipsis_mask = t->ellipsis_mask();
            o->new_axis_mask = t->new_axis_mask();
            o->shrink_axis_mask = t->shrink_axis_mask();
            o->offset = flag(t->offset());
        }
        break;
    case tflite::BuiltinOptions_LeakyReluOptions:
        if (const auto *t = op->builtin_options_as_LeakyReluOptions()) o->alpha = t->alpha();
        break;
    default:
        // Option tables without fields (Pad, PadV2, Transpose, Quantize, Dequantize, HardSwish)
        // and ordinals we do not declare: the defaults stand.
        break;
    }
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
