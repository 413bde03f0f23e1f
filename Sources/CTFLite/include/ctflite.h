/*
 * ctflite.h — a plain C view of a verified TFLite FlatBuffer.
 *
 * ctfl_open copies the bytes into an owned, 16-byte aligned allocation, checks the "TFL3"
 * identifier and runs the FlatBuffers verifier over our reduced schema (schema/tflite_reduced.fbs).
 * Every accessor afterwards is bounds-checked against the verified tables: an out-of-range index
 * returns a negative count or CTFL_ERR_RANGE, never reads outside the buffer. Only subgraph 0 is
 * exposed (the main graph); ctfl_model_info reports how many subgraphs exist.
 *
 * Semantic checks (index ranges across tables, shapes against buffer sizes, ...) are the caller's
 * job: the verifier proves memory safety only.
 */
#ifndef CTFLITE_H
#define CTFLITE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ctfl_model ctfl_model;

enum {
    CTFL_OK = 0,
    CTFL_ERR_TOO_SMALL = -1,      /* fewer bytes than a FlatBuffer header */
    CTFL_ERR_TOO_LARGE = -2,      /* 2 GiB or more */
    CTFL_ERR_IDENTIFIER = -3,     /* no "TFL3" file identifier */
    CTFL_ERR_VERIFY = -4,         /* the FlatBuffers verifier rejected the buffer */
    CTFL_ERR_NO_MEMORY = -5,
    CTFL_ERR_RANGE = -6,          /* an index outside the table */
    CTFL_ERR_MISSING = -7,        /* a required table (subgraphs, ...) is absent */
};

/* Upstream BuiltinOptions union ordinals that ctfl_operator_options understands (others: 0 = NONE). */
typedef struct {
    int32_t options_type;          /* BuiltinOptions ordinal as stored (0 = none) */
    /* Conv2D / DepthwiseConv2D / Pool2D */
    int32_t padding;               /* 0 SAME, 1 VALID */
    int32_t stride_w, stride_h;
    int32_t dilation_w_factor, dilation_h_factor;
    int32_t filter_width, filter_height;
    int32_t depth_multiplier;
    int32_t fused_activation_function; /* 0 NONE, 1 RELU, 2 RELU_N1_TO_1, 3 RELU6, 4 TANH, 5 SIGN_BIT */
    /* FullyConnected */
    int32_t weights_format;        /* 0 DEFAULT */
    int32_t keep_num_dims;
    int32_t asymmetric_quantize_inputs;
    /* Add / Sub */
    int32_t pot_scale_int16;
    /* Concatenation, Gather-like axis */
    int32_t axis;
    /* Reducer (MEAN, ...) */
    int32_t keep_dims;
    /* Softmax */
    float beta;
    /* LeakyRelu */
    float alpha;
    /* ResizeNearestNeighbor / ResizeBilinear */
    int32_t align_corners;
    int32_t half_pixel_centers;
    /* StridedSlice */
    int32_t begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask;
    int32_t offset;
    /* Reshape: new_shape is read with ctfl_operator_int_list(CTFL_LIST_NEW_SHAPE) */
    int32_t has_new_shape;
    /* Squeeze: squeeze_dims with ctfl_operator_int_list(CTFL_LIST_SQUEEZE_DIMS) */
    int32_t has_squeeze_dims;
    /* Conv2D / FullyConnected / TransposeConv: TensorType ordinal of the bias and accumulator when
       the bias is absent (0 = FLOAT32 = not set) */
    int32_t quantized_bias_type;
    /* Gather (axis is the shared `axis` field) */
    int32_t batch_dims;
    /* SVDF */
    int32_t rank;
    /* SpaceToDepth / DepthToSpace */
    int32_t block_size;
    /* Split / SplitV */
    int32_t num_splits;
    /* ArgMax / ArgMin: TensorType ordinal of the output */
    int32_t output_type;
    /* Pack: values_count; Unpack: num (axis is the shared `axis` field) */
    int32_t values_count;
    int32_t num;
    /* UnidirectionalSequenceLSTM (fused_activation_function and asymmetric_quantize_inputs are the
       shared fields) */
    float cell_clip;
    float proj_clip;
    int32_t time_major;
    int32_t diagonal_recurrent_tensors;
    /* MirrorPad: 0 REFLECT, 1 SYMMETRIC */
    int32_t mirror_pad_mode;
    /* BatchMatMul */
    int32_t adj_x, adj_y;
} ctfl_options;

enum {
    CTFL_LIST_INPUTS = 0,
    CTFL_LIST_OUTPUTS = 1,
    CTFL_LIST_INTERMEDIATES = 2,
    CTFL_LIST_NEW_SHAPE = 3,       /* ReshapeOptions.new_shape */
    CTFL_LIST_SQUEEZE_DIMS = 4,    /* SqueezeOptions.squeeze_dims */
};

typedef struct {
    uint32_t version;              /* Model.version */
    int32_t subgraph_count;
    int32_t operator_code_count;
    int32_t buffer_count;
    int32_t tensor_count;          /* subgraph 0 */
    int32_t operator_count;        /* subgraph 0 */
    int32_t input_count;           /* subgraph 0 */
    int32_t output_count;          /* subgraph 0 */
    int32_t has_description;
} ctfl_model_info;

typedef struct {
    int32_t deprecated_builtin_code; /* int8 in the schema, widened */
    int32_t builtin_code;            /* 0 when absent */
    int32_t version;
    int32_t has_custom_code;
} ctfl_operator_code;

typedef struct {
    int32_t type;                  /* TensorType ordinal */
    int32_t buffer;
    int32_t shape_rank;            /* -1 when the shape vector is absent */
    int32_t has_shape_signature;
    int32_t is_variable;
    int32_t has_sparsity;
    int32_t has_quantization;
    int32_t scale_count;
    int32_t zero_point_count;
    int32_t min_count, max_count;
    int32_t quantized_dimension;
    int32_t has_custom_quantization; /* QuantizationDetails present */
    int32_t name_length;           /* bytes, 0 when absent */
    int32_t has_external_buffer;   /* Tensor.external_buffer != 0: data lives outside `buffers` (newer
                                      upstream, Model.external_buffers); reject such tensors */
} ctfl_tensor;

typedef struct {
    int32_t opcode_index;
    int32_t input_count;
    int32_t output_count;
    int32_t intermediate_count;
    int32_t has_custom_options;
    int32_t builtin_options_type;
    int32_t has_large_custom_options;
} ctfl_operator;

typedef struct {
    int64_t size;                  /* bytes of inline data (0 when empty) */
    int32_t is_external;           /* offset/size fields set (data outside the FlatBuffer) */
} ctfl_buffer;

/* Opens a model. On failure returns a CTFL_ERR_* code, *out is NULL, and err (if given) holds a
 * short NUL-terminated reason. The bytes are copied; the caller may free its own copy. */
int ctfl_open(const uint8_t *bytes, size_t size, ctfl_model **out, char *err, size_t err_capacity);
void ctfl_close(ctfl_model *model);

int ctfl_model_info_get(const ctfl_model *model, ctfl_model_info *out);
/* Copies at most capacity bytes of the description; returns its full length (or < 0). */
int32_t ctfl_description(const ctfl_model *model, char *out, int32_t capacity);

int ctfl_operator_code_get(const ctfl_model *model, int32_t index, ctfl_operator_code *out);
/* Custom code of an operator code (for reporting CUSTOM ops); returns the full length. */
int32_t ctfl_operator_code_custom(const ctfl_model *model, int32_t index, char *out, int32_t capacity);

int ctfl_tensor_get(const ctfl_model *model, int32_t index, ctfl_tensor *out);
int32_t ctfl_tensor_name(const ctfl_model *model, int32_t index, char *out, int32_t capacity);
int32_t ctfl_tensor_shape(const ctfl_model *model, int32_t index, int32_t *out, int32_t capacity);
int32_t ctfl_tensor_scales(const ctfl_model *model, int32_t index, float *out, int32_t capacity);
/* Zero points are int64 in the schema; copied with memcpy (the verifier does not check alignment). */
int32_t ctfl_tensor_zero_points(const ctfl_model *model, int32_t index, int64_t *out, int32_t capacity);

int ctfl_buffer_get(const ctfl_model *model, int32_t index, ctfl_buffer *out);
/* Copies at most capacity bytes of buffer data; returns the full size (or < 0). */
int64_t ctfl_buffer_copy(const ctfl_model *model, int32_t index, uint8_t *out, int64_t capacity);

/* Graph inputs (which = CTFL_LIST_INPUTS) or outputs (CTFL_LIST_OUTPUTS) of subgraph 0. */
int32_t ctfl_graph_list(const ctfl_model *model, int32_t which, int32_t *out, int32_t capacity);

int ctfl_operator_get(const ctfl_model *model, int32_t index, ctfl_operator *out);
/* An operator's inputs, outputs, intermediates, or an int vector of its options (see CTFL_LIST_*). */
int32_t ctfl_operator_int_list(const ctfl_model *model, int32_t index, int32_t which, int32_t *out, int32_t capacity);
/* Fills every field with the schema default, then reads whichever options table the operator has. */
int ctfl_operator_options(const ctfl_model *model, int32_t index, ctfl_options *out);
/* Fills every field with the schema default and options_type with 0 (used when an operator's
 * options table has the wrong type for its opcode). */
void ctfl_options_defaults(ctfl_options *out);

#ifdef __cplusplus
}
#endif

#endif /* CTFLITE_H */
