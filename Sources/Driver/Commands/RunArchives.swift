import IR

extension Commands {
    /// True when `paths` is one `.npz` file: then it holds every graph input (`in0`, `in1`, ...)
    /// or receives every output (`out0`, `out1`, ...).
    static func isArchive(_ paths: [String]) -> Bool {
        paths.count == 1 && paths[0].lowercased().hasSuffix(".npz")
    }

    /// The graph inputs from the `.npz` at `path`: arrays `in0` ... `in<N-1>`, nothing else.
    static func loadArchive(_ path: String, for graph: Graph) throws(CompileError) -> [TensorValue] {
        let what = "'\(DisplayText.escaped(path))'"
        let members: [String: [UInt8]]
        do {
            members = try NpzArchive.read(ModelFile.readBytes(path: path))
        } catch {
            throw CompileError(.badInput, "input \(what): \(error.message)")
        }
        let expected = graph.inputs.indices.map { "in\($0)" }
        guard Set(members.keys) == Set(expected) else {
            throw CompileError(.badInput, "input \(what) holds arrays " + members.keys.sorted().joined(separator: ", ")
                + "; the model needs exactly " + expected.joined(separator: ", "))
        }
        var values: [TensorValue] = []
        for (name, id) in zip(expected, graph.inputs) {
            let array: NumPyArray
            do {
                array = try NumPyFormat.decode(members[name]!)
            } catch {
                throw CompileError(.badInput, "input \(what) array \(name): \(error.message)")
            }
            let tensor = graph[id]
            values.append(try NumPyFormat.value(array, expecting: tensor.type, shape: tensor.shape,
                                                what: "input \(what) array \(name)"))
        }
        return values
    }

    /// Writes `results` to `paths`: one `.npy` per output, or all of them into one `.npz`
    /// (`out0`, `out1`, ...).
    static func writeOutputs(_ results: [TensorValue], to paths: [String]) throws(CompileError) {
        if isArchive(paths) {
            let members = results.enumerated().map { (name: "out\($0.offset)", bytes: NumPyFormat.encode($0.element)) }
            try FileOutput.write(NpzArchive.write(members), to: paths[0])
            return
        }
        for (path, value) in zip(paths, results) {
            try FileOutput.write(NumPyFormat.encode(value), to: path)
        }
    }
}
