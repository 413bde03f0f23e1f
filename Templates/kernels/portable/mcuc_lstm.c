/* mcuc runtime: int8 UNIDIRECTIONAL_SEQUENCE_LSTM. Portable C99; see mcuc_lstm.h. */
#include <string.h>
#include "mcuc_lstm.h"
#include "mcuc_fixedpoint.h"

/* TFLM's int16 sigmoid table (0.16 fixed point), measured from the oracle by
 * scripts/tflm/derive_sigmoid_table.py; equal to Int16Sigmoid.table on the Swift side. */
static const uint16_t mcuc_sigmoid_table[256] = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149,
    40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369,
    47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169,
    53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
    57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
    60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302,
    62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536,
    63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
    64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786,
    64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
    65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258,
    65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
    65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
    65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474,
    65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
    65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
    65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522,
    65523, 65523, 65524, 65524, 65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528,
    65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531,
    65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
    65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
    65534, 65534, 65534, 65535
};

static int16_t mcuc_sat16(int32_t v) { return (int16_t)(v < -32768 ? -32768 : (v > 32767 ? 32767 : v)); }

/* (x * mult + round) >> shift, the int16 LOGISTIC / TANH input rescale. */
static int32_t mcuc_sigmoid_input(int16_t x, int32_t mult, int32_t shift)
{
    const int32_t round = shift > 0 ? (int32_t)1 << (shift - 1) : 0;
    return ((int32_t)x * mult + round) >> shift;
}

/* TFLM's int16 logistic: Q3.12 (scaled) in, Q0.15 out. */
static int16_t mcuc_logistic16(int16_t x, int32_t mult, int32_t shift)
{
    const int32_t v = mcuc_sigmoid_input(x, mult, shift);
    const int32_t a = v < 0 ? -v : v;
    const int32_t index = a >> 9;
    int32_t r;
    if (index >= 255) {
        r = (int32_t)0x7FFF << 10;
    } else {
        const int32_t lo = mcuc_sigmoid_table[index], hi = mcuc_sigmoid_table[index + 1];
        r = (lo << 9) + (a & 0x1FF) * (hi - lo);
    }
    r = v >= 0 ? r + (1 << 9) : (1 << 25) - r + (1 << 9) - 1;
    return (int16_t)(r >> 10);
}

/* TFLM's int16 tanh: Q3.12 (scaled) in, Q0.15 out. */
static int16_t mcuc_tanh16(int16_t x, int32_t mult, int32_t shift)
{
    const int32_t v = mcuc_sigmoid_input(x, mult, shift);
    const int32_t a = v < 0 ? -v : v;
    const int32_t index = a >> 8;
    int32_t r;
    if (index >= 255) {
        r = (int32_t)0xFFFF << 8;
    } else {
        const int32_t lo = mcuc_sigmoid_table[index], hi = mcuc_sigmoid_table[index + 1];
        r = (lo << 8) + (a & 0xFF) * (hi - lo);
    }
    r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
    return (int16_t)(r >> 8);
}

/* clamp_i16(MBQM(bias + sum_d w[d] (v[d] - zp), mult, shift)), int32 wrapping. */
static int16_t mcuc_lstm_fc(const int8_t *w, const int8_t *v, int32_t depth, int32_t zp, int32_t bias, int32_t mult,
                            int32_t shift)
{
    uint32_t acc = (uint32_t)bias;
    int32_t d;
    for (d = 0; d < depth; ++d) {
        acc += (uint32_t)((int32_t)w[d] * ((int32_t)v[d] - zp));
    }
    return mcuc_sat16(mcuc_mbqm(mcuc_u2i(acc), mult, shift));
}

/* Gate g of unit u before its activation: sat16(FC(x) + FC(h)). */
static int16_t mcuc_lstm_gate(const mcuc_lstm_params *p, int32_t g, int32_t u, const int8_t *x, const int8_t *h)
{
    const int32_t per_gate = p->units * (p->input_size + p->units);
    const int8_t *w_in = p->weights + g * per_gate + u * p->input_size;
    const int8_t *w_rec = p->weights + g * per_gate + p->units * p->input_size + u * p->units;
    const int32_t *m = p->gate_mult + 4 * g;
    const int16_t a = mcuc_lstm_fc(w_in, x, p->input_size, p->input_zp, p->bias[g * p->units + u], m[0], m[1]);
    const int16_t b = mcuc_lstm_fc(w_rec, h, p->units, p->hidden_zp, 0, m[2], m[3]);
    return mcuc_sat16((int32_t)a + (int32_t)b);
}

mcuc_status mcuc_lstm_s8(const mcuc_lstm_params *p, const int8_t *input, int8_t *output, int8_t *hidden,
                         int16_t *cell)
{
    int32_t b, t, u;
    for (b = 0; b < p->batches; ++b) {
        int8_t *h = hidden + b * p->units;
        int16_t *c = cell + b * p->units;
        for (t = 0; t < p->steps; ++t) {
            const int32_t row = p->time_major ? t * p->batches + b : b * p->steps + t;
            const int8_t *x = input + row * p->input_size;
            int8_t *out = output + row * p->units;
            for (u = 0; u < p->units; ++u) {
                const int16_t f = mcuc_logistic16(mcuc_lstm_gate(p, 1, u, x, h), 3, 0);
                const int16_t i = mcuc_logistic16(mcuc_lstm_gate(p, 0, u, x, h), 3, 0);
                const int16_t g = mcuc_tanh16(mcuc_lstm_gate(p, 2, u, x, h), 3, 0);
                const int16_t o = mcuc_logistic16(mcuc_lstm_gate(p, 3, u, x, h), 3, 0);
                const int16_t kept = mcuc_sat16(mcuc_mbqm((int32_t)f * c[u], p->forget_cell_mult, p->forget_cell_shift));
                const int16_t added = mcuc_sat16(mcuc_mbqm((int32_t)i * g, p->input_cell_mult, p->input_cell_shift));
                int32_t updated = (int32_t)mcuc_sat16((int32_t)kept + (int32_t)added);
                int16_t tc;
                if (p->cell_clip >= 0) {
                    updated = updated < -p->cell_clip ? -p->cell_clip : (updated > p->cell_clip ? p->cell_clip : updated);
                }
                c[u] = (int16_t)updated;
                tc = mcuc_tanh16(c[u], p->cell_tanh_mult, p->cell_tanh_shift);
                out[u] = mcuc_clamp_s8(mcuc_wadd(mcuc_mbqm((int32_t)o * tc, p->output_hidden_mult, p->output_hidden_shift),
                                                 p->hidden_zp), -128, 127);
            }
            memcpy(h, out, (size_t)p->units);
        }
    }
    return MCUC_OK;
}
