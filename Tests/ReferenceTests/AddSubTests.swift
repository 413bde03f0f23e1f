import IR
import Testing
import TestSupport

/// ADD and SUB against hand-computed outputs.
@Suite struct AddSubTests {
    typealias T = LinearOpTesting

    static func graph(_ op: (FusedActivation) -> Op, _ s1: [Int], _ q1: QuantParams, _ s2: [Int], _ q2: QuantParams,
                      out: [Int], _ qo: QuantParams, activation: FusedActivation = .none) -> Graph {
        var b = GraphBuilder()
        let x1 = b.input(s1, scale: q1.scale[0], zeroPoint: q1.zeroPoint[0])
        let x2 = b.input(s2, scale: q2.scale[0], zeroPoint: q2.zeroPoint[0])
        let y = b.activation(out, scale: qo.scale[0], zeroPoint: qo.zeroPoint[0])
        b.node(op(activation), inputs: [x1, x2], output: y)
        return b.build()
    }

    @Test func equalScalesAddExactly() throws {
        // All scales 1: every rescale is a power of two, so out = (x1 - 1) + (x2 + 2) + 3, clamped.
        let g = Self.graph({ .add(Add(activation: $0)) }, [1, 4], T.q(1, 1), [1, 4], T.q(1, -2), out: [1, 4], T.q(1, 3))
        let out = try T.run(g, [[1, 10, -50, 100], [0, -20, -60, 100]])
        #expect(out == [5, -6, -106, 127])
    }

    @Test func halfScaleRoundsHalfAwayFromZero() throws {
        // s2 = s1 / 2: out = x1 + x2 / 2, with exact halves rounded away from zero:
        // 0.5 -> 1, -0.5 -> -1, 11.5 -> 12, 8.5 -> 9.
        let g = Self.graph({ .add(Add(activation: $0)) }, [1, 4], T.q(1, 0), [1, 4], T.q(0.5, 0), out: [1, 4], T.q(1, 0))
        let out = try T.run(g, [[0, 0, 10, 10], [1, -1, 3, -3]])
        #expect(out == [1, -1, 12, 9])
    }

    @Test func broadcastsLikeNumPy() throws {
        // [2, 1, 3] + [2, 1] -> [2, 2, 3].
        let g = Self.graph({ .add(Add(activation: $0)) }, [2, 1, 3], T.q(1, 0), [2, 1], T.q(1, 0), out: [2, 2, 3], T.q(1, 0))
        #expect(try T.run(g, [[1, 2, 3, 4, 5, 6], [10, 20]])
                == [11, 12, 13, 21, 22, 23, 14, 15, 16, 24, 25, 26])
    }

    @Test func broadcastsAScalarFirstOperand() throws {
        let g = Self.graph({ .add(Add(activation: $0)) }, [1], T.q(1, 0), [2, 2], T.q(1, 0), out: [2, 2], T.q(1, 0))
        #expect(try T.run(g, [[100], [1, 2, 3, 4]]) == [101, 102, 103, 104])
    }

    @Test func fusedRelu() throws {
        let g = Self.graph({ .add(Add(activation: $0)) }, [3], T.q(1, 0), [3], T.q(1, 0), out: [3], T.q(1, -5), activation: .relu)
        #expect(try T.run(g, [[1, -3, -10], [1, -1, 2]]) == [-3, -5, -5])
    }

    @Test func subtractsScaledValues() throws {
        let g = Self.graph({ .sub(Sub(activation: $0)) }, [1, 3], T.q(1, 2), [1, 3], T.q(1, -1), out: [1, 3], T.q(1, 0))
        // (x1 - 2) - (x2 + 1)
        #expect(try T.run(g, [[2, 12, -100], [-1, 4, 100]]) == [0, 5, -128])
    }

    @Test func subtractHalvesRoundAwayFromZero() throws {
        // x1 - x2 / 2: 0 - 0.5 -> -1, 0 + 0.5 -> 1.
        let g = Self.graph({ .sub(Sub(activation: $0)) }, [2], T.q(1, 0), [2], T.q(0.5, 0), out: [2], T.q(1, 0))
        #expect(try T.run(g, [[0, 0], [1, -1]]) == [-1, 1])
    }

    @Test func subMatchesTFLMDoubleRecipe() throws {
        // Values from the tflite-micro wheel: [105] and [-105]. Float32-derived multipliers would
        // give -106 for the second.
        for (zp2, x1, x2, expected) in [(Int32(51), Int8(-10), Int8(-128), Int8(105)), (-52, 10, 127, -105)] {
            let g = Self.graph({ .sub(Sub(activation: $0)) }, [1], T.q(0.050156716257333755, 0), [1], T.q(0.010272251442074776, zp2),
                               out: [1], T.q(0.012674558907747269, 0))
            #expect(try T.run(g, [[x1], [x2]]) == [expected])
        }
    }

    @Test func subtractBroadcastsEitherSide() throws {
        let g = Self.graph({ .sub(Sub(activation: $0)) }, [2, 1], T.q(1, 0), [1, 3], T.q(1, 0), out: [2, 3], T.q(1, 0))
        #expect(try T.run(g, [[10, 20], [1, 2, 3]]) == [9, 8, 7, 19, 18, 17])
    }
}
