import IR
import Testing

@Suite struct GraphTextTests {
    @Test func rendersStableText() {
        let text = GraphText.render(GraphFixtures.reluAdd())
        #expect(text == """
            graph inputs=(t0) outputs=(t2)
            t0 int8 [1, 4] q(s=0.5 zp=-1) "t0"
            t1 int8 [1, 4] q(s=0.5 zp=-1) "t1"
            t2 int8 [1, 4] q(s=0.5 zp=-1) "t2"
            op0 RELU() (t0) -> (t1)
            op1 ADD(act=NONE) (t1, t0) -> (t2)

            """)
    }

    @Test func escapesHostileNames() {
        var graph = GraphFixtures.reluAdd()
        graph.tensors[0].name = "a\n*/\"#include"
        let text = GraphText.render(graph)
        #expect(text.split(separator: "\n").count == 6)
        #expect(text.contains("a\\n*/\"#include"))
    }
}
