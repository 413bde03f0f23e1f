import IR
import Testing
import TestSupport

/// EXPAND_DIMS, SLICE, DEPTH_TO_SPACE, SPACE_TO_DEPTH and PACK: what TFLM accepts passes, the
/// rest is a located one-line error; `prepare` gives the walk the kernels run.
@Suite struct DataMovementOpChecksTests {
    static let q: (Float, Int32) = (0.05, 3)

    static func problem(_ op: Op, _ input: [Int], _ output: [Int], _ constants: [[Int32]] = [],
                        outQ: (Float, Int32) = q) -> CompileError? {
        PointwiseOpChecksTests.problem(PointwiseOpChecksTests.graph(op, input: input, q, output: output, outQ,
                                                                    constants: constants))
    }

    @Test func expandDims() {
        let op = Op.expandDims(ExpandDims())
        #expect(Self.problem(op, [4, 5], [1, 4, 5], [[0]]) == nil)
        #expect(Self.problem(op, [4, 5], [4, 5, 1], [[-1]]) == nil)
        #expect(Self.problem(op, [4, 5], [4, 1, 5], [[-2]]) == nil)
        #expect(Self.problem(op, [4, 5], [1, 4, 5], [[3]])?.kind == .malformed)
        #expect(Self.problem(op, [4, 5], [4, 1, 5], [[0]])?.kind == .malformed)
        #expect(Self.problem(op, [4, 5], [1, 4, 5], [[0]], outQ: (0.1, 3))?.kind == .unsupported)
    }

    @Test func slice() {
        let op = Op.slice(Slice())
        #expect(Self.problem(op, [6, 9], [3, 5], [[2, 3], [3, 5]]) == nil)
        #expect(Self.problem(op, [6, 9], [4, 5], [[2, 3], [-1, 5]]) == nil)
        let out = Self.problem(op, [6, 9], [5, 5], [[2, 3], [5, 5]])
        #expect(out?.kind == .malformed && out?.message.contains("dimension 0") == true)
        #expect(Self.problem(op, [6, 9], [3, 5], [[2, 3], [3, 6]])?.kind == .malformed)
        #expect(Self.problem(op, [6, 9], [3, 5], [[2, 3, 0], [3, 5, 1]])?.kind == .malformed)
        #expect(Self.problem(op, [1, 2, 2, 2, 2, 2], [1, 1, 1, 1, 1, 1],
                             [[0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]])?.kind == .unsupported)
    }

    @Test func sliceRunsAsAUnitStrideStridedSlice() {
        let g = PointwiseOpChecksTests.graph(.slice(Slice()), input: [6, 9], Self.q, output: [4, 5], Self.q,
                                             constants: [[2, 3], [-1, 5]])
        guard case .slice(let op) = g.nodes[0].op else { Issue.record("not a slice"); return }
        let plan = op.prepare(OpOperands(node: g.nodes[0], graph: g))
        #expect(plan.axes.map(\.start) == [2, 3] && plan.axes.map(\.count) == [4, 5])
        #expect(plan.axes.allSatisfy { $0.stride == 1 && !$0.shrink })
    }

    @Test func depthToSpaceAndSpaceToDepth() {
        let d2s = Op.depthToSpace(DepthToSpace(blockSize: 2)), s2d = Op.spaceToDepth(SpaceToDepth(blockSize: 2))
        #expect(Self.problem(d2s, [1, 3, 4, 8], [1, 6, 8, 2]) == nil)
        #expect(Self.problem(d2s, [1, 3, 4, 6], [1, 6, 8, 1])?.kind == .malformed)
        #expect(Self.problem(d2s, [1, 3, 4, 8], [1, 6, 8, 1])?.kind == .malformed)
        #expect(Self.problem(.depthToSpace(DepthToSpace(blockSize: 0)), [1, 3, 4, 8], [1, 3, 4, 8])?.kind == .malformed)
        #expect(Self.problem(s2d, [1, 4, 6, 3], [1, 2, 3, 12]) == nil)
        #expect(Self.problem(s2d, [1, 5, 6, 3], [1, 2, 3, 12])?.kind == .malformed)
        #expect(Self.problem(s2d, [4, 6, 3], [2, 3, 12])?.kind == .malformed)
    }

    /// The walks, element by element: SPACE_TO_DEPTH then DEPTH_TO_SPACE by the same block is
    /// the identity, and output channel `(i*b + j)*c + k` of SPACE_TO_DEPTH is pixel `(i, j)`.
    @Test func rearrangementWalks() {
        let shape = Shape([2, 4, 6, 3])
        let s2d = StridedCopy.spaceToDepth(input: shape, block: 2)
        let d2s = StridedCopy.depthToSpace(input: Shape([2, 2, 3, 12]), block: 2)
        func walk(_ p: StridedCopy) -> [Int] {
            var out: [Int] = []
            func go(_ d: Int, _ offset: Int) {
                if d == p.dims.count { out.append(offset); return }
                for i in 0..<p.dims[d] { go(d + 1, offset + i * p.steps[d]) }
            }
            go(0, p.start)
            return out
        }
        let a = walk(s2d), b = walk(d2s)
        #expect(Set(a).count == shape.elementCount)
        #expect(b.map { a[$0] } == Array(0..<shape.elementCount))
        // output [0, 0, 0, (1*2 + 1)*3 + 2] is input [0, 1, 1, 2]
        #expect(a[(1 * 2 + 1) * 3 + 2] == (1 * 6 + 1) * 3 + 2)
    }

    @Test func pack() {
        func graph(_ pack: Pack, inputs: [[Int]], output: [Int]) -> CompileError? {
            var b = GraphBuilder()
            let xs = inputs.enumerated().map { b.input($1, scale: Self.q.0, zeroPoint: Self.q.1, name: "x\($0)") }
            let y = b.activation(output, scale: Self.q.0, zeroPoint: Self.q.1, name: "y")
            b.node(.pack(pack), inputs: xs, output: y)
            let g = b.build(outputs: [y])
            return SupportCheck.problem(with: g.nodes[0], in: g)
        }
        #expect(graph(Pack(valuesCount: 2, axis: 0), inputs: [[3, 4], [3, 4]], output: [2, 3, 4]) == nil)
        #expect(graph(Pack(valuesCount: 3, axis: -1), inputs: [[2, 5], [2, 5], [2, 5]], output: [2, 5, 3]) == nil)
        #expect(graph(Pack(valuesCount: 3, axis: 0), inputs: [[3, 4], [3, 4]], output: [2, 3, 4])?.kind == .malformed)
        #expect(graph(Pack(valuesCount: 2, axis: 0), inputs: [[3, 4], [3, 5]], output: [2, 3, 4])?.kind == .malformed)
        #expect(graph(Pack(valuesCount: 2, axis: 3), inputs: [[3, 4], [3, 4]], output: [2, 3, 4])?.kind == .malformed)
        #expect(graph(Pack(valuesCount: 2, axis: 1), inputs: [[3, 4], [3, 4]], output: [2, 3, 4])?.kind == .malformed)
    }
}

/// MIRROR_PAD (paddings that fit the mode) and GATHER (constant coordinates, batch_dims shared by both).
@Suite struct MirrorPadGatherChecksTests {
    static let q = DataMovementOpChecksTests.q

    @Test func mirrorPadPaddingsMustFitTheMode() {
        let reflect = Op.mirrorPad(MirrorPad(reflect: true)), symmetric = Op.mirrorPad(MirrorPad(reflect: false))
        func problem(_ op: Op, _ pads: [Int32], _ out: [Int]) -> CompileError? {
            var b = GraphBuilder()
            let x = b.input([4, 3], scale: Self.q.0, zeroPoint: Self.q.1, name: "x")
            let p = b.constInt32([2, 2], pads, name: "pads")
            let y = b.activation(out, scale: Self.q.0, zeroPoint: Self.q.1, name: "y")
            b.node(op, inputs: [x, p], output: y)
            let g = b.build(outputs: [y])
            return SupportCheck.problem(with: g.nodes[0], in: g)
        }
        #expect(problem(reflect, [3, 3, 2, 2], [10, 7]) == nil)
        #expect(problem(symmetric, [4, 4, 3, 3], [12, 9]) == nil)
        let far = problem(reflect, [4, 0, 0, 0], [8, 3])
        #expect(far?.kind == .unsupported && far?.message.contains("reads outside") == true)
        #expect(problem(symmetric, [0, 0, 0, 4], [4, 7])?.kind == .unsupported)
        #expect(problem(reflect, [1, 1, 1, 1], [6, 6])?.kind == .malformed)
    }

    @Test func mirrorPadIndexMaps() {
        let r = AxisGather.mirrorPad(input: Shape([4]), pads: [(2, 3)], reflect: true)
        #expect(r.offsets[0] == [2, 1, 0, 1, 2, 3, 2, 1, 0])
        let s = AxisGather.mirrorPad(input: Shape([4]), pads: [(2, 3)], reflect: false)
        #expect(s.offsets[0] == [1, 0, 0, 1, 2, 3, 3, 2, 1])
    }

    /// Batch b of `[2, 3]` gathers its own coordinates `[[2, 0], [1, 1]]` along axis 1.
    @Test func gatherWithBatchDimsTakesEachBatchsCoordinates() {
        let g = AxisGather.gather(input: Shape([2, 3]), axis: 1, batchDims: 1, coordinates: [2, 0, 1, 1],
                                  coordinatesShape: Shape([2, 2]))
        #expect(g.dims == [4, 1] && g.offsets == [[2, 0, 4, 4], [0]])
        // params [2, 2, 3, 2] (batch, outer, axis, inner), coordinates [2, 1]: slices (b, o) step 6 and 12
        let o = AxisGather.gather(input: Shape([2, 2, 3, 2]), axis: 2, batchDims: 1, coordinates: [2, 0],
                                  coordinatesShape: Shape([2, 1]))
        #expect(o.dims == [4, 2] && o.offsets == [[4, 10, 12, 18], [0, 1]])
    }

    @Test func gatherNeedsInRangeConstantCoordinates() {
        func problem(_ gather: Gather, _ coords: [Int32], constant: Bool = true, out: [Int]) -> CompileError? {
            var b = GraphBuilder()
            let x = b.input([6, 4], scale: Self.q.0, zeroPoint: Self.q.1, name: "x")
            let c = constant ? b.constInt32([coords.count], coords, name: "coords")
                : b.add(Tensor(id: TensorID(0), name: "coords", type: .int32, shape: Shape([coords.count])))
            if !constant { b.inputs.append(c) }
            let y = b.activation(out, scale: Self.q.0, zeroPoint: Self.q.1, name: "y")
            b.node(.gather(gather), inputs: [x, c], output: y)
            let g = b.build(outputs: [y])
            return SupportCheck.problem(with: g.nodes[0], in: g)
        }
        #expect(problem(Gather(axis: 0, batchDims: 0), [5, 0, 2], out: [3, 4]) == nil)
        #expect(problem(Gather(axis: -1, batchDims: 0), [3, 3], out: [6, 2]) == nil)
        #expect(problem(Gather(axis: 0, batchDims: 0), [6], out: [1, 4])?.kind == .malformed)
        #expect(problem(Gather(axis: 0, batchDims: 0), [1], constant: false, out: [1, 4]) == nil)   // checked at run time
        #expect(problem(Gather(axis: 1, batchDims: 1), [1], out: [6, 1])?.kind == .malformed)   // batches 6 vs 1
        #expect(problem(Gather(axis: 0, batchDims: 1), [1], out: [4])?.kind == .malformed)      // batch_dims > axis
        #expect(problem(Gather(axis: 2, batchDims: 0), [1], out: [6, 4])?.kind == .malformed)
    }
}
