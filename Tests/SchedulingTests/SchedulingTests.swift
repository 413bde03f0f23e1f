import IR
import Scheduling
import Testing
import TestSupport

@Suite struct SchedulingTests {
    static func chain() -> Graph {
        var b = GraphBuilder()
        let x = b.input([1, 4])
        let y = b.op(.relu(Relu()), [x], [1, 4])
        let z = b.op(.relu6(Relu6()), [y], [1, 4])
        return b.build(outputs: [z])
    }

    @Test func runsEveryNodeInGraphOrder() {
        let graph = Self.chain()
        let schedule = Scheduling.schedule(graph)
        #expect(schedule.steps == [.run(NodeID(0)), .run(NodeID(1))])
        #expect(Scheduling.problems(in: schedule, for: graph).isEmpty)
        #expect(schedule.stepIndices() == [NodeID(0): 0, NodeID(1): 1])
        #expect(ScheduleText.render(schedule, graph: graph) == """
            schedule steps=2
            step 0: run op0 RELU reads=(t0) writes=(t1)
            step 1: run op1 RELU6 reads=(t1) writes=(t2)

            """)
    }

    @Test func findsBrokenSchedules() {
        let graph = Self.chain()
        #expect(Scheduling.problems(in: Schedule(steps: [.run(NodeID(1)), .run(NodeID(0))]), for: graph)
            == ["step 0 (op1) reads t1 before it is written"])
        #expect(Scheduling.problems(in: Schedule(steps: [.run(NodeID(0))]), for: graph) == ["op1 is never run"])
        #expect(Scheduling.problems(in: Schedule(steps: [.run(NodeID(0)), .run(NodeID(0)), .run(NodeID(1))]), for: graph)
            == ["step 1 runs op0 a second time"])
    }
}
