import Driver
import Testing

@Suite struct InspectCommandTests {
    @Test func missingFileIsOneErrorLine() {
        let output = Commands.inspect(model: "/nonexistent/model.tflite", json: false)
        #expect(output.exitCode == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("error: /nonexistent/model.tflite: "))
        #expect(output.stderr.filter { $0 == "\n" }.count == 1)
    }
}
