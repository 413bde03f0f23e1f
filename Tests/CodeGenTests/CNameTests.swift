@testable import CodeGen
import Testing

@Suite struct CNameTests {
    @Test(arguments: ["digits_cnn", "m", "Model_2", "a1_b2"])
    func validPrefixes(_ text: String) { #expect(CName.isValidPrefix(text)) }

    @Test(arguments: ["", "2model", "_x", "int", "mcuc_conv", "has space", "semi;colon", "x*/y", "é", String(repeating: "a", count: 41)])
    func invalidPrefixes(_ text: String) { #expect(!CName.isValidPrefix(text)) }

    @Test func identifiersAreDerivedSafely() {
        #expect(CName.identifier(from: "mlperf_vww_mbv1_96") == "mlperf_vww_mbv1_96")
        #expect(CName.identifier(from: "My Model (v2)") == "my_model_v2")
        #expect(CName.identifier(from: "123") == "m_123")
        #expect(CName.identifier(from: "*/\n#include") == "include")
        #expect(CName.identifier(from: "") == "model")
        #expect(CName.identifier(from: "int") == "m_int")
        #expect(CName.identifier(from: "mcuc_x") == "m_mcuc_x")
        for text in ["*/", "a\"b", "\n", "ü", "??/", "x.tflite"] {
            #expect(CName.isValidPrefix(CName.identifier(from: text)), "\(text)")
        }
    }

    @Test func commentsCannotEscape() {
        let hostile = "a */ b /* c \"d\" \\ e\nf\r#include <stdio.h> ??/ `g` é"
        let safe = CName.comment(hostile, limit: 200)
        for forbidden in ["*/", "/*", "\"", "\\", "\n", "\r", "??/", "`", "é", "#include", "<"] {
            #expect(!safe.contains(forbidden), "\(forbidden) survived in \(safe)")
        }
        #expect(CName.comment(String(repeating: "x", count: 100), limit: 10) == "xxxxxxxxxx...")
    }

    @Test func floatLiteralsRoundTrip() {
        for v: Float in [0.5, 1, 1e-5, 0.003921569, 3.4e38, 1.0 / 3.0, -2.5e-7] {
            let literal = CWriter.floatLiteral(v)
            #expect(literal.hasSuffix("f"))
            #expect(Float(String(literal.dropLast())) == v, "\(literal)")
        }
        #expect(CWriter.int32Literal(Int32.min) == "(-2147483647 - 1)")
    }
}
