/// The fixed output quantizations of SOFTMAX, LOGISTIC and TANH, and the input-scale rule of the
/// sigmoid-like ops.
enum OutputGrid {
    /// SOFTMAX and LOGISTIC write scale 1/256, zero point -128.
    static let probabilityScale: Float = 1.0 / 256.0
    /// TANH writes scale 1/128, zero point 0.
    static let tanhScale: Float = 1.0 / 128.0
}

extension OpOperands {
    /// The output quantization the kernel hard-codes (TFLM checks the zero point, and for
    /// SOFTMAX the scale; its LOGISTIC and TANH kernels assume the scale without checking, so
    /// mcuc requires it rather than compute values on a different grid).
    func requireOutputGrid(scale: Float, zeroPoint: Int32, scaleText: String) throws(CompileError) {
        let q = quant(output)
        guard q.scale[0] == scale, q.zeroPoint[0] == zeroPoint else {
            throw error(.unsupported, "output quantization is scale \(q.scale[0]), zero point \(q.zeroPoint[0]); "
                        + "int8 \(node.op.name) writes scale \(scaleText), zero point \(zeroPoint)", output)
        }
    }

    /// LOGISTIC and TANH: the input scale must give TFLM a defined radius computation.
    func requireSigmoidInput() throws(CompileError) {
        let x = input(0)
        guard SigmoidParams(input: quant(x)) != nil else {
            throw error(.unsupported, "input scale \(scale(x)) is outside the range TFLM's \(node.op.name) "
                        + "handles (2^-28 to 2^35): its input-radius shift would be undefined", x)
        }
    }
}
