/// What a non-zero status of `<prefix>_invoke` means (`mcuc_status`, `mcuc_common.h`), for the
/// one-line errors of `mcuc run`.
enum KernelStatusText {
    static func describe(_ status: Int32) -> String {
        let meaning: String
        switch status {
        case 1: meaning = "MCUC_ERROR_SOFTMAX_RANGE: a SOFTMAX row TFLM rejects too"
        case 2: meaning = "MCUC_ERROR_READ_INPUT: the application's read_input failed"
        case 3: meaning = "MCUC_ERROR_INPUT_DOMAIN: an input outside an op's domain, such as RSQRT of a negative value "
            + "or a GATHER coordinate outside its params"
        default: meaning = "not an mcuc status"
        }
        return "the emitted C returned status \(status) (\(meaning))"
    }
}
