import IR

/// A small valid graph (CONV_2D then ADD) whose tensor names and description try to break out of
/// C comments and strings: `*/`, quotes, backslashes, newlines, trigraphs, `#include`, NUL.
public enum HostileGraph {
    public static let names = ["in */ #include <stdio.h> /*", "w \"quoted\" \\ back\nslash", "b ??/ trigraph\r\n#define X",
                               "*/ int evil(void) { return 1; } /*", "out\u{0}nul é"]

    public static func make() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 4, 4, 2], scale: 0.5, zeroPoint: -3, name: names[0])
        let w = b.constInt8([3, 1, 1, 2], [1, -2, 3, -4, 5, -6],
                            quant: QuantParams(scale: [0.1, 0.2, 0.3], zeroPoint: [0, 0, 0], axis: 0), name: names[1])
        let bias = b.constInt32([3], [10, -20, 30], name: names[2])
        let mid = b.activation([1, 4, 4, 3], scale: 0.25, zeroPoint: 1, name: names[3])
        b.node(.conv2d(Conv2D(padding: .same, strideH: 1, strideW: 1, dilationH: 1, dilationW: 1, activation: .relu)),
               inputs: [x, w, bias], output: mid)
        let y = b.activation([1, 4, 4, 3], scale: 0.25, zeroPoint: 1, name: names[4])
        b.node(.add(Add(activation: .none)), inputs: [mid, mid], output: y)
        var graph = b.build()
        graph.description = "*/ #include \"evil.h\"\n"
        return graph
    }
}
