import IR

/// How a patch kernel's params differ from its layer kernel's.
enum PatchParamsRule: Sendable {
    /// The layer's params, unchanged (the kernel takes its rows and columns from the patch tables).
    case same
    /// `count` is the elements of one pixel (the kernel runs once per row of the rectangle).
    case countPerPixel
    /// `BinaryKernelParams` in rank-2 form: `dims[1]` channels, per-operand pixel and channel strides.
    case binaryPerPixel
    /// `PadPatchKernelParams`: the channels and the fill value.
    case pad
}

/// One row of the patch-kernel table: the portable kernel a patch-stage call of the layer kernel
/// `replaces` runs, and how its params change. Variants for a core extension replace these patch
/// kernels through `KernelVariants` like any other kernel.
struct PatchKernelRule: Sendable {
    var replaces: String
    var function: KernelFunction
    var params: PatchParamsRule

    init(_ replaces: String, _ family: KernelFamily, _ symbol: String, _ params: PatchParamsRule) {
        self.replaces = replaces
        function = .portable(family, symbol)
        self.params = params
    }
}

/// The patch kernels: every layer kernel an op of a patch stage lowers to has a row
/// (`ReceptiveFieldRules` admits only such ops, with the types these kernels take).
enum PatchKernels {
    static let rules: [PatchKernelRule] = [
        PatchKernelRule("mcuc_conv2d_s8", .conv2d, "mcuc_conv2d_patch_s8", .same),
        PatchKernelRule("mcuc_conv2d_1x1_s8", .conv2d, "mcuc_conv2d_patch_s8", .same),
        PatchKernelRule("mcuc_depthwise_s8", .depthwise, "mcuc_depthwise_patch_s8", .same),
        PatchKernelRule("mcuc_avg_pool_s8", .pool, "mcuc_avg_pool_patch_s8", .same),
        PatchKernelRule("mcuc_max_pool_s8", .pool, "mcuc_max_pool_patch_s8", .same),
        PatchKernelRule("mcuc_concat_s8", .concat, "mcuc_concat_patch_s8", .same),
        PatchKernelRule("mcuc_pad_s8", .pad, "mcuc_pad_patch_s8", .pad),
        PatchKernelRule("mcuc_add_s8", .elementwise, "mcuc_add_patch_s8", .binaryPerPixel),
        PatchKernelRule("mcuc_sub_s8", .elementwise, "mcuc_sub_patch_s8", .binaryPerPixel),
        PatchKernelRule("mcuc_mul_s8", .elementwise, "mcuc_mul_patch_s8", .binaryPerPixel),
        PatchKernelRule("mcuc_maximum_s8", .elementwise, "mcuc_maximum_patch_s8", .binaryPerPixel),
        PatchKernelRule("mcuc_minimum_s8", .elementwise, "mcuc_minimum_patch_s8", .binaryPerPixel),
        PatchKernelRule("mcuc_relu_s8", .activations, "mcuc_relu_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_relu6_s8", .activations, "mcuc_relu6_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_abs_s8", .activations, "mcuc_abs_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_leaky_relu_s8", .activations, "mcuc_leaky_relu_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_logistic_s8", .activations, "mcuc_logistic_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_tanh_s8", .activations, "mcuc_tanh_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_hard_swish_s8", .activations, "mcuc_hard_swish_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_quantize_f32_s8", .quantize, "mcuc_quantize_patch_f32_s8", .countPerPixel),
        PatchKernelRule("mcuc_requantize_s8", .quantize, "mcuc_requantize_patch_s8", .countPerPixel),
        PatchKernelRule("mcuc_dequantize_s8_f32", .quantize, "mcuc_dequantize_patch_s8_f32", .countPerPixel),
    ]

    /// The row for the portable layer kernel `symbol`, if it has a patch form.
    static func rule(replacing symbol: String) -> PatchKernelRule? { rules.first { $0.replaces == symbol } }
}

/// `mcuc_pad_patch_params` (`Templates/kernels/common/mcuc_pad.h`): PAD of one patch.
struct PadPatchKernelParams: KernelParams {
    static let cType = "mcuc_pad_patch_params"
    var channels: Int32
    var fill: Int32
}

/// Params whose `count` field is the elements the kernel visits (element-wise unary kernels).
protocol ElementCountParams: KernelParams {
    var count: Int32 { get set }
}

extension ReluKernelParams: ElementCountParams {}
extension LeakyReluKernelParams: ElementCountParams {}
extension SigmoidKernelParams: ElementCountParams {}
extension HardSwishKernelParams: ElementCountParams {}
extension QuantizeKernelParams: ElementCountParams {}
