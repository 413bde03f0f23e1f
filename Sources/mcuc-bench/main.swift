import Driver
import Foundation
import IR
import Reference
import TFLiteFrontend

/// `swift run -c release mcuc-bench [MODELS_DIR]`: wall-clock timings of the pipeline stages on
/// every model of the shared corpus (never asserted in tests; reported in notes and the README).

let directory = CommandLine.arguments.dropFirst().first ?? "../shared/models"
let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
    .filter { $0.hasSuffix(".tflite") }.sorted()
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("mcuc-bench: no .tflite files in \(directory)\n".utf8))
    exit(2)
}

/// Median seconds of `repeats` runs of `body`.
func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

func milliseconds(_ seconds: Double) -> String { String(format: "%9.2f ms", seconds * 1000) }

print("model                              import       reference (1 inference)")
for name in names {
    let path = directory + "/" + name
    guard let bytes = try? ModelFile.readBytes(path: path) else { continue }
    var graph: Graph?
    let importTime = median(5) { graph = try? TFLiteFrontend.importModel(bytes: bytes) }
    guard let graph else { continue }
    var referenceText = "unsupported"
    if SupportCheck.problems(in: graph).isEmpty {
        let inputs = graph.inputs.map { id -> TensorValue in
            let t = graph[id]
            return t.type == .float32 ? .float32(t.shape, [Float](repeating: 0.5, count: t.shape.elementCount))
                : .int8(t.shape, (0..<t.shape.elementCount).map { Int8(truncatingIfNeeded: $0 &* 37) })
        }
        let time = median(3) { _ = try? Reference.run(graph, inputs: inputs) }
        referenceText = milliseconds(time)
    }
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0), milliseconds(importTime), "  ", referenceText)
}
