/*
 * ctflite_graph.cpp — tensor and operator accessors of the CTFLite shim (subgraph 0 only).
 * See include/ctflite.h for the contract and ctflite_internal.h for the helpers.
 */
#include "ctflite_internal.h"

namespace {

/// Copies up to `capacity` int64 elements. The verifier only guarantees 4-byte alignment for
/// vectors, so each element is read with memcpy from the raw bytes rather than through an
/// `int64_t *` (UBSan flags the misaligned load otherwise).
int32_t copy_int64s(const flatbuffers::Vector<int64_t> *v, int64_t *out, int32_t capacity) {
    if (capacity < 0) return CTFL_ERR_RANGE;
    const uint32_t n = ctfl::count(v);
    if (out != nullptr) {
        const uint32_t k = n < static_cast<uint32_t>(capacity) ? n : static_cast<uint32_t>(capacity);
        const uint8_t *raw = k > 0 ? v->Data() : nullptr;
        for (uint32_t i = 0; i < k; ++i) {
            int64_t value;
            memcpy(&value, raw + static_cast<size_t>(i) * sizeof(int64_t), sizeof(int64_t));
            out[i] = flatbuffers::EndianScalar(value);
        }
    }
    return ctfl::clamp_i32(n);
}

/// Copies up to `capacity` floats (4-byte aligned by the verifier, so plain reads are fine).
int32_t copy_floats(const flatbuffers::Vector<float> *v, float *out, int32_t capacity) {
    if (capacity < 0) return CTFL_ERR_RANGE;
    const uint32_t n = ctfl::count(v);
    if (out != nullptr) {
        const uint32_t k = n < static_cast<uint32_t>(capacity) ? n : static_cast<uint32_t>(capacity);
        for (uint32_t i = 0; i < k; ++i) out[i] = v->Get(i);
    }
    return ctfl::clamp_i32(n);
}

}  // namespace

extern "C" {

int ctfl_tensor_get(const ctfl_model *model, int32_t index, ctfl_tensor *out) {
    if (out == nullptr) return CTFL_ERR_RANGE;
    const tflite::Tensor *t = ctfl::tensor_at(model, index);
    if (t == nullptr) return CTFL_ERR_RANGE;
    const tflite::QuantizationParameters *q = t->quantization();

    out->type = static_cast<int32_t>(t->type());
    out->buffer = ctfl::clamp_i32(t->buffer());
    out->shape_rank = t->shape() != nullptr ? ctfl::clamp_i32(t->shape()->size()) : -1;
    out->has_shape_signature = t->shape_signature() != nullptr ? 1 : 0;
    out->is_variable = t->is_variable() ? 1 : 0;
    out->has_sparsity = t->sparsity() != nullptr ? 1 : 0;
    out->has_quantization = q != nullptr ? 1 : 0;
    out->scale_count = q ? ctfl::clamp_i32(ctfl::count(q->scale())) : 0;
    out->zero_point_count = q ? ctfl::clamp_i32(ctfl::count(q->zero_point())) : 0;
    out->min_count = q ? ctfl::clamp_i32(ctfl::count(q->min())) : 0;
    out->max_count = q ? ctfl::clamp_i32(ctfl::count(q->max())) : 0;
    out->quantized_dimension = q ? q->quantized_dimension() : 0;
    // Any details type (CustomQuantization, or newer upstream members we do not declare) counts.
    out->has_custom_quantization = (q != nullptr && q->details_type() != tflite::QuantizationDetails_NONE) ? 1 : 0;
    out->name_length = t->name() != nullptr ? ctfl::clamp_i32(t->name()->size()) : 0;
    out->has_external_buffer = t->external_buffer() != 0 ? 1 : 0;
    return CTFL_OK;
}

int32_t ctfl_tensor_name(const ctfl_model *model, int32_t index, char *out, int32_t capacity) {
    const tflite::Tensor *t = ctfl::tensor_at(model, index);
    if (t == nullptr) return CTFL_ERR_RANGE;
    return ctfl::copy_string(t->name(), out, capacity);
}

int32_t ctfl_tensor_shape(const ctfl_model *model, int32_t index, int32_t *out, int32_t capacity) {
    const tflite::Tensor *t = ctfl::tensor_at(model, index);
    if (t == nullptr) return CTFL_ERR_RANGE;
    return ctfl::copy_ints(t->shape(), out, capacity);
}

int32_t ctfl_tensor_scales(const ctfl_model *model, int32_t index, float *out, int32_t capacity) {
    const tflite::Tensor *t = ctfl::tensor_at(model, index);
    if (t == nullptr) return CTFL_ERR_RANGE;
    const tflite::QuantizationParameters *q = t->quantization();
    return copy_floats(q ? q->scale() : nullptr, out, capacity);
}

int32_t ctfl_tensor_zero_points(const ctfl_model *model, int32_t index, int64_t *out, int32_t capacity) {
    const tflite::Tensor *t = ctfl::tensor_at(model, index);
    if (t == nullptr) return CTFL_ERR_RANGE;
    const tflite::QuantizationParameters *q = t->quantization();
    return copy_int64s(q ? q->zero_point() : nullptr, out, capacity);
}

int ctfl_operator_get(const ctfl_model *model, int32_t index, ctfl_operator *out) {
    if (out == nullptr) return CTFL_ERR_RANGE;
    const tflite::Operator *op = ctfl::operator_at(model, index);
    if (op == nullptr) return CTFL_ERR_RANGE;
    out->opcode_index = ctfl::clamp_i32(op->opcode_index());
    out->input_count = ctfl::clamp_i32(ctfl::count(op->inputs()));
    out->output_count = ctfl::clamp_i32(ctfl::count(op->outputs()));
    out->intermediate_count = ctfl::clamp_i32(ctfl::count(op->intermediates()));
    out->has_custom_options = op->custom_options() != nullptr ? 1 : 0;
    out->builtin_options_type = static_cast<int32_t>(op->builtin_options_type());
    out->has_large_custom_options =
        (op->large_custom_options_offset() != 0 || op->large_custom_options_size() != 0) ? 1 : 0;
    return CTFL_OK;
}

int32_t ctfl_operator_int_list(const ctfl_model *model, int32_t index, int32_t which, int32_t *out,
                               int32_t capacity) {
    const tflite::Operator *op = ctfl::operator_at(model, index);
    if (op == nullptr) return CTFL_ERR_RANGE;
    switch (which) {
    case CTFL_LIST_INPUTS: return ctfl::copy_ints(op->inputs(), out, capacity);
    case CTFL_LIST_OUTPUTS: return ctfl::copy_ints(op->outputs(), out, capacity);
    case CTFL_LIST_INTERMEDIATES: return ctfl::copy_ints(op->intermediates(), out, capacity);
    case CTFL_LIST_NEW_SHAPE: {
        // Absent (count 0) unless the options table really is a ReshapeOptions.
        const tflite::ReshapeOptions *o = op->builtin_options_as_ReshapeOptions();
        return ctfl::copy_ints(o ? o->new_shape() : nullptr, out, capacity);
    }
    case CTFL_LIST_SQUEEZE_DIMS: {
        const tflite::SqueezeOptions *o = op->builtin_options_as_SqueezeOptions();
        return ctfl::copy_ints(o ? o->squeeze_dims() : nullptr, out, capacity);
    }
    default: return CTFL_ERR_RANGE;
    }
}

}  // extern "C"
