/*
 * ctflite_internal.h — shared definitions of the CTFLite shim (not part of the public C API).
 *
 * Everything here runs on a buffer the FlatBuffers verifier has accepted, so table and vector
 * pointers obtained through the generated accessors are in bounds. What the verifier does not do
 * is bounds-check indices into vectors or guarantee 8-byte alignment of 8-byte vector elements;
 * the helpers below take care of both.
 */
#ifndef CTFLITE_INTERNAL_H
#define CTFLITE_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "ctflite.h"
#include "tflite_reduced_generated.h"

/// The opaque handle behind `ctfl_model *`.
struct ctfl_model {
    void *allocation;                 ///< what malloc returned (freed by ctfl_close)
    const uint8_t *bytes;             ///< 16-byte aligned copy of the model inside `allocation`
    size_t size;                      ///< model size in bytes
    const tflite::Model *root;        ///< verified root table
    const tflite::SubGraph *main;     ///< subgraph 0 (non-null once ctfl_open succeeded)
};

namespace ctfl {

/// Element count of an optional vector (a null vector counts as empty).
template <typename T>
inline uint32_t count(const flatbuffers::Vector<T> *v) {
    return v ? v->size() : 0u;
}

/// Clamps an unsigned count or index to int32 (counts never exceed it for buffers under 2 GiB;
/// a clamped index is simply out of range for the caller's checks).
inline int32_t clamp_i32(uint64_t v) {
    return v > static_cast<uint64_t>(INT32_MAX) ? INT32_MAX : static_cast<int32_t>(v);
}

/// True when `index` addresses an element of a vector with `n` elements.
inline bool in_range(int32_t index, uint32_t n) {
    return index >= 0 && static_cast<uint32_t>(index) < n;
}

/// Element `index` of an optional vector of tables, or null when out of range.
template <typename T>
inline const T *table_at(const flatbuffers::Vector<flatbuffers::Offset<T>> *v, int32_t index) {
    if (!in_range(index, count(v))) return nullptr;
    return v->Get(static_cast<flatbuffers::uoffset_t>(index));
}

/// Copies up to `capacity` elements of an int32 vector into `out` (which may be null when
/// `capacity` is 0) and returns the full element count, or CTFL_ERR_RANGE for a negative capacity.
int32_t copy_ints(const flatbuffers::Vector<int32_t> *v, int32_t *out, int32_t capacity);

/// Copies up to `capacity` bytes of a string; NUL-terminates when there is room left over.
/// Returns the full length in bytes (0 when absent), or CTFL_ERR_RANGE for a negative capacity.
int32_t copy_string(const flatbuffers::String *s, char *out, int32_t capacity);

/// Tensor `index` of subgraph 0, or null.
inline const tflite::Tensor *tensor_at(const ctfl_model *m, int32_t index) {
    return m ? table_at(m->main->tensors(), index) : nullptr;
}

/// Operator `index` of subgraph 0, or null.
inline const tflite::Operator *operator_at(const ctfl_model *m, int32_t index) {
    return m ? table_at(m->main->operators(), index) : nullptr;
}

}  // namespace ctfl

#endif /* CTFLITE_INTERNAL_H */
