import IR
import Scheduling

/// What lowering a patch-stage step needs: the stage's plan and the op's receptive field.
struct PatchContext {
    let plan: PatchPlan
    let field: ReceptiveField
}

extension OpLowering {
    /// The binding of a patch-stage call: the layer kernel's patch form (`PatchKernels`), its
    /// params adapted, the call's patch tables, and the arguments `rows, cols, operands...`.
    func patchBinding(_ patch: PatchContext, _ symbol: String, _ params: any KernelParams,
                      _ arguments: [KernelBinding.Argument], tables: [ConstantTable]) -> KernelBinding {
        guard let rule = PatchKernels.rule(replacing: symbol) else {
            preconditionFailure("\(symbol) has no patch kernel, but ReceptiveFieldRules let \(node.id) run per patch")
        }
        let operands = arguments.flatMap { argument -> [TensorID] in
            switch argument {
            case .tensor(let t): [t]
            case .tensors(let ts), .outputs(let ts): ts
            case .scratch, .patchRows, .patchCols: preconditionFailure("a patch call has no scratch")
            }
        }
        let geometry = PatchGeometry(graph: graph, plan: patch.plan)
        let (rows, cols) = geometry.tables(node: node.id, operands: operands, output: output,
                                           windows: patchWindows(patch.field))
        let adapted = patchParams(rule.params, params, operands: operands)
        let function = KernelVariants.choose(rule.function, params: adapted, features: options.features(for: node.id))
        let entry = PatchGeometry.fields * operands.count
        return KernelBinding(callee: .kernel(function), params: adapted,
                             arguments: [.patchRows(rows.id, entry: entry), .patchCols(cols.id, entry: entry)] + arguments,
                             tables: tables + [rows, cols])
    }

    /// The window through which the call reads each activation operand: the op's receptive
    /// field, composed with a folded PAD's shift when the call reads the PAD's input.
    func patchWindows(_ field: ReceptiveField) -> [TensorID: InputWindow] {
        var windows: [TensorID: InputWindow] = [:]
        for window in field.inputs { windows[window.tensor] = window }
        if let fold = views.foldedPads[node.id], let padded = windows[operand(0)] {
            let shape = graph[fold.input].shape
            func shifted(_ w: AxisWindow, by before: Int, size: Int) -> AxisWindow {
                AxisWindow(filter: w.filter, stride: w.stride, dilation: w.dilation, padBefore: w.padBefore + before,
                           inputSize: size)
            }
            windows[fold.input] = InputWindow(tensor: fold.input, rows: shifted(padded.rows, by: fold.top, size: shape[1]),
                                              cols: shifted(padded.cols, by: fold.left, size: shape[2]))
        }
        return windows
    }

    /// `params` as the patch kernel takes them.
    func patchParams(_ rule: PatchParamsRule, _ params: any KernelParams, operands: [TensorID]) -> any KernelParams {
        let channels = graph[output].shape[3]
        switch rule {
        case .same:
            return params
        case .countPerPixel:
            guard var counted = params as? any ElementCountParams else { preconditionFailure("\(params) has no count") }
            counted.count = Int32(channels)
            return counted
        case .binaryPerPixel:
            guard var binary = params as? BinaryKernelParams else { preconditionFailure("\(params) is not binary") }
            func strides(_ t: TensorID) -> [Int] {
                let c = graph[t].shape.rank == 0 ? 1 : graph[t].shape[-1]
                let channelStride = c == 1 && channels > 1 ? 0 : 1
                return graph[t].isConstant ? [0, channelStride] : [c, channelStride]
            }
            binary.rank = 2
            binary.count = Int32(channels)
            binary.dims = RankArray([1, channels])
            binary.stride1 = RankArray(strides(operands[0]))
            binary.stride2 = RankArray(strides(operands[1]))
            return binary
        case .pad:
            guard let pad = params as? PadKernelParams else { preconditionFailure("\(params) is not a PAD's") }
            return PadPatchKernelParams(channels: Int32(channels), fill: pad.fill)
        }
    }
}
