/*
 * ctflite_model.cpp — opening a model and the model-level accessors (model info, operator codes,
 * buffers, graph inputs/outputs) of the CTFLite shim. See include/ctflite.h for the contract.
 *
 * Exception-free by construction: memory comes from malloc (checked), nothing here throws, and
 * every index is bounds-checked before it reaches a flatbuffers accessor.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ctflite_internal.h"

namespace {

/// Limits handed to the verifier. TFLite nests at most ~5 tables deep (Model > SubGraph > Tensor >
/// QuantizationParameters > CustomQuantization); 32 leaves slack without letting hostile input
/// recurse deeply. The table limit bounds verification work when tables are shared (a DAG).
constexpr flatbuffers::uoffset_t kMaxDepth = 32;
constexpr flatbuffers::uoffset_t kMaxTables = 1000000;

/// Bytes needed for the root offset and the file identifier.
constexpr size_t kMinSize = 8;

/// Alignment of our copy; matches the `force_align: 16` of Buffer.data.
constexpr size_t kAlignment = 16;

/// Writes a NUL-terminated reason into `err` when the caller gave room for one.
void set_error(char *err, size_t capacity, const char *message) {
    if (err == nullptr || capacity == 0) return;
    snprintf(err, capacity, "%s", message);
}

int fail(char *err, size_t capacity, int code, const char *message) {
    set_error(err, capacity, message);
    return code;
}

}  // namespace

namespace ctfl {

int32_t copy_ints(const flatbuffers::Vector<int32_t> *v, int32_t *out, int32_t capacity) {
    if (capacity < 0) return CTFL_ERR_RANGE;
    const uint32_t n = count(v);
    if (out != nullptr) {
        const uint32_t k = n < static_cast<uint32_t>(capacity) ? n : static_cast<uint32_t>(capacity);
        for (uint32_t i = 0; i < k; ++i) out[i] = v->Get(i);
    }
    return clamp_i32(n);
}

int32_t copy_string(const flatbuffers::String *s, char *out, int32_t capacity) {
    if (capacity < 0) return CTFL_ERR_RANGE;
    const uint32_t n = s ? s->size() : 0u;
    if (out != nullptr && capacity > 0) {
        const uint32_t cap = static_cast<uint32_t>(capacity);
        const uint32_t k = n < cap ? n : cap;
        if (k > 0) memcpy(out, s->c_str(), k);
        if (k < cap) out[k] = '\0';
    }
    return clamp_i32(n);
}

}  // namespace ctfl

extern "C" {

int ctfl_open(const uint8_t *bytes, size_t size, ctfl_model **out, char *err, size_t err_capacity) {
    set_error(err, err_capacity, "");
    if (out == nullptr) return fail(err, err_capacity, CTFL_ERR_RANGE, "no output handle given");
    *out = nullptr;
    if (bytes == nullptr && size > 0) {
        return fail(err, err_capacity, CTFL_ERR_RANGE, "null model bytes with a non-zero size");
    }
    if (size < kMinSize) {
        return fail(err, err_capacity, CTFL_ERR_TOO_SMALL,
                    "file too small to be a TFLite model (fewer than 8 bytes)");
    }
    // The verifier asserts size < FLATBUFFERS_MAX_BUFFER_SIZE (2^31 - 1); reject before that.
    if (size >= static_cast<size_t>(FLATBUFFERS_MAX_BUFFER_SIZE)) {
        return fail(err, err_capacity, CTFL_ERR_TOO_LARGE, "model is 2 GiB or larger");
    }
    if (!flatbuffers::BufferHasIdentifier(bytes, tflite::ModelIdentifier())) {
        return fail(err, err_capacity, CTFL_ERR_IDENTIFIER,
                    "missing \"TFL3\" file identifier (not a TFLite FlatBuffer)");
    }

    ctfl_model *model = static_cast<ctfl_model *>(malloc(sizeof(ctfl_model)));
    void *allocation = malloc(size + kAlignment - 1);  // size < 2^31: no overflow
    if (model == nullptr || allocation == nullptr) {
        free(model);
        free(allocation);
        return fail(err, err_capacity, CTFL_ERR_NO_MEMORY, "out of memory copying the model");
    }
    const uintptr_t raw = reinterpret_cast<uintptr_t>(allocation);
    uint8_t *aligned = static_cast<uint8_t *>(allocation) + ((kAlignment - raw % kAlignment) % kAlignment);
    memcpy(aligned, bytes, size);

    model->allocation = allocation;
    model->bytes = aligned;
    model->size = size;
    model->root = nullptr;
    model->main = nullptr;

    flatbuffers::Verifier::Options options;
    options.max_depth = kMaxDepth;
    options.max_tables = kMaxTables;
    options.check_alignment = true;
    options.check_nested_flatbuffers = true;
    flatbuffers::Verifier verifier(aligned, size, options);
    if (!tflite::VerifyModelBuffer(verifier)) {
        ctfl_close(model);
        return fail(err, err_capacity, CTFL_ERR_VERIFY,
                    "FlatBuffers verifier rejected the model (corrupt or truncated)");
    }

    model->root = tflite::GetModel(aligned);
    const auto *subgraphs = model->root->subgraphs();
    if (ctfl::count(subgraphs) == 0) {
        ctfl_close(model);
        return fail(err, err_capacity, CTFL_ERR_MISSING, "model has no subgraphs");
    }
    model->main = subgraphs->Get(0);
    *out = model;
    return CTFL_OK;
}

void ctfl_close(ctfl_model *model) {
    if (model == nullptr) return;
    free(model->allocation);
    free(model);
}

int ctfl_model_info_get(const ctfl_model *model, ctfl_model_info *out) {
    if (model == nullptr || out == nullptr) return CTFL_ERR_RANGE;
    const tflite::Model *root = model->root;
    const tflite::SubGraph *g = model->main;
    out->version = root->version();
    out->subgraph_count = ctfl::clamp_i32(ctfl::count(root->subgraphs()));
    out->operator_code_count = ctfl::clamp_i32(ctfl::count(root->operator_codes()));
    out->buffer_count = ctfl::clamp_i32(ctfl::count(root->buffers()));
    out->tensor_count = ctfl::clamp_i32(ctfl::count(g->tensors()));
    out->operator_count = ctfl::clamp_i32(ctfl::count(g->operators()));
    out->input_count = ctfl::clamp_i32(ctfl::count(g->inputs()));
    out->output_count = ctfl::clamp_i32(ctfl::count(g->outputs()));
    out->has_description = root->description() != nullptr ? 1 : 0;
    return CTFL_OK;
}

int32_t ctfl_description(const ctfl_model *model, char *out, int32_t capacity) {
    if (model == nullptr) return CTFL_ERR_RANGE;
    return ctfl::copy_string(model->root->description(), out, capacity);
}

int ctfl_operator_code_get(const ctfl_model *model, int32_t index, ctfl_operator_code *out) {
    if (model == nullptr || out == nullptr) return CTFL_ERR_RANGE;
    const tflite::OperatorCode *code = ctfl::table_at(model->root->operator_codes(), index);
    if (code == nullptr) return CTFL_ERR_RANGE;
    out->deprecated_builtin_code = code->deprecated_builtin_code();
    out->builtin_code = code->builtin_code();
    out->version = code->version();
    out->has_custom_code = code->custom_code() != nullptr ? 1 : 0;
    return CTFL_OK;
}

int32_t ctfl_operator_code_custom(const ctfl_model *model, int32_t index, char *out, int32_t capacity) {
    if (model == nullptr) return CTFL_ERR_RANGE;
    const tflite::OperatorCode *code = ctfl::table_at(model->root->operator_codes(), index);
    if (code == nullptr) return CTFL_ERR_RANGE;
    return ctfl::copy_string(code->custom_code(), out, capacity);
}

int ctfl_buffer_get(const ctfl_model *model, int32_t index, ctfl_buffer *out) {
    if (model == nullptr || out == nullptr) return CTFL_ERR_RANGE;
    const tflite::Buffer *buffer = ctfl::table_at(model->root->buffers(), index);
    if (buffer == nullptr) return CTFL_ERR_RANGE;
    out->size = static_cast<int64_t>(ctfl::count(buffer->data()));
    // Upstream only treats offset > 1 as valid, but any non-zero offset/size means the writer
    // meant the data to live outside the FlatBuffer: report it so the caller can reject it.
    out->is_external = (buffer->offset() != 0 || buffer->size() != 0) ? 1 : 0;
    return CTFL_OK;
}

int64_t ctfl_buffer_copy(const ctfl_model *model, int32_t index, uint8_t *out, int64_t capacity) {
    if (model == nullptr || capacity < 0) return CTFL_ERR_RANGE;
    const tflite::Buffer *buffer = ctfl::table_at(model->root->buffers(), index);
    if (buffer == nullptr) return CTFL_ERR_RANGE;
    const flatbuffers::Vector<uint8_t> *data = buffer->data();
    const int64_t n = static_cast<int64_t>(ctfl::count(data));
    if (out != nullptr && n > 0) {
        const int64_t k = n < capacity ? n : capacity;
        if (k > 0) memcpy(out, data->Data(), static_cast<size_t>(k));
    }
    return n;
}

int32_t ctfl_graph_list(const ctfl_model *model, int32_t which, int32_t *out, int32_t capacity) {
    if (model == nullptr) return CTFL_ERR_RANGE;
    switch (which) {
    case CTFL_LIST_INPUTS: return ctfl::copy_ints(model->main->inputs(), out, capacity);
    case CTFL_LIST_OUTPUTS: return ctfl::copy_ints(model->main->outputs(), out, capacity);
    default: return CTFL_ERR_RANGE;
    }
}

}  // extern "C"
