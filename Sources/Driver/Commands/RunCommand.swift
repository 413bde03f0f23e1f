import Foundation
import IR
import Reference
import Simulator

/// Which executor `mcuc run` uses.
public enum Engine: String, CaseIterable, Sendable {
    /// The Swift reference interpreter (TFLite Micro reference-kernel semantics).
    case reference
    /// The emitted C, built with the host C compiler (`$CC` or `cc`) and run natively.
    case host
    /// The emitted C, built with arm-none-eabi-gcc for a Cortex-M core and run under QEMU.
    case qemu
}

extension Commands {
    /// `mcuc run MODEL --input IN.npy ... --output OUT.npy ... [--engine E] [--dump-tensors DIR]
    /// [--core C | --target NAME]` (the core, or the target's, is the qemu engine's core); a single
    /// `.npz` may stand for all inputs (`in0`, ...) or all outputs (`out0`, ...).
    /// With `io == .int8` the inputs and outputs are those of the rewritten graph (int8).
    public static func run(model: String, inputs: [String], outputs: [String], engine: Engine,
                           dumpTensors: String?, io: IOMode = .model,
                           patching: PatchingOptions = PatchingOptions(), core: CortexMCore? = nil,
                           target targetName: String? = nil) -> CommandOutput {
        if let twice = FileOutput.firstRepeated(outputs) {
            return usageFailure(UsageError("--output '\(DisplayText.escaped(twice))' is given twice; each output needs a file of its own"))
        }
        let target: Target, platform: QemuPlatform
        do throws(UsageError) {
            let named = try TargetCatalog.resolve(targetName)
            guard engine == .qemu || core == nil else { throw UsageError("--core needs --engine qemu") }
            platform = try QemuTargeting.platform(core: core, target: named, targetGiven: targetName != nil)
            target = engine == .qemu ? QemuTargeting.planningTarget(named, on: platform) : named
        } catch {
            return usageFailure(error)
        }
        return CommandOutput.capturing(file: model) { () throws(CompileError) in
            let original = try ModelFile.load(path: model)
            let options = PipelineOptions(target: target, io: io).with(patching).placing(in: target)
            let graph = try Pipeline.rewrite(original, options: options).graph
            guard outputs.count == graph.outputs.count || isArchive(outputs) else {
                throw CompileError(.badInput, "the model has \(graph.outputs.count) outputs but \(outputs.count) --output files were given")
            }
            let values = try loadInputs(inputs, for: graph)
            let computed: [TensorID: TensorValue], results: [TensorValue]
            var instructions: Int?
            switch engine {
            case .reference:
                computed = try Reference.run(graph, inputs: values)
                results = Reference.outputs(of: graph, in: computed)
            case .host:
                (results, computed) = try runHost(original, model: model, inputs: values, trace: dumpTensors != nil,
                                                  options: options)
            case .qemu:
                (results, computed, instructions) = try runQemu(original, model: model, inputs: values,
                                                                trace: dumpTensors != nil, options: options,
                                                                platform: platform)
            }
            try writeOutputs(results, to: outputs)
            var message = "ran \(engine.rawValue) engine"
                + (engine == .qemu ? " (\(platform.core.displayName), -mcpu=\(platform.cpu))" : "")
                + ": wrote \(results.count) output(s)"
            if let instructions { message += ", \(Grouped.text(instructions)) instructions" }
            if let dir = dumpTensors {
                let count = try dump(computed, of: graph, to: dir)
                message += ", dumped \(count) tensors to \(dir)"
            }
            return CommandOutput(stdout: message + "\n")
        }
    }

    /// Reads one `.npy` per graph input (or one `.npz` holding them all) and checks dtype and
    /// shape against the model.
    static func loadInputs(_ paths: [String], for graph: Graph) throws(CompileError) -> [TensorValue] {
        if isArchive(paths) { return try loadArchive(paths[0], for: graph) }
        guard paths.count == graph.inputs.count else {
            throw CompileError(.badInput, "the model has \(graph.inputs.count) inputs but \(paths.count) --input files were given")
        }
        var values: [TensorValue] = []
        for (position, (path, id)) in zip(paths, graph.inputs).enumerated() {
            let array: NumPyArray
            do {
                array = try NumPyFormat.decode(ModelFile.readBytes(path: path))
            } catch {
                throw CompileError(.badInput, "input \(position) '\(path)': \(error.message)")
            }
            let tensor = graph[id]
            values.append(try NumPyFormat.value(array, expecting: tensor.type, shape: tensor.shape,
                                                what: "input \(position) '\(path)'"))
        }
        return values
    }

    /// Writes `t<index>.npy` for every activation (non-constant tensor) that was computed.
    static func dump(_ values: [TensorID: TensorValue], of graph: Graph, to dir: String) throws(CompileError) -> Int {
        try FileOutput.makeDirectory(dir)
        var count = 0
        for tensor in graph.tensors where !tensor.isConstant {
            guard let value = values[tensor.id] else { continue }
            try FileOutput.write(NumPyFormat.encode(value), to: dir + "/t\(tensor.id.index).npy")
            count += 1
        }
        return count
    }
}
