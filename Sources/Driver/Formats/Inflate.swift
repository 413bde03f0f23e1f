import IR

/// Raw DEFLATE decompression (RFC 1951), as ZIP's method 8 stores members (`np.savez_compressed`):
/// stored, fixed-Huffman and dynamic-Huffman blocks. Never writes more than the size the archive
/// declares, so a corrupt or hostile member cannot grow memory; every malformed stream is a
/// `badInput` error, never a crash.
enum Inflate {
    /// The `size` bytes `data` decompresses to; `what` names the member in errors.
    static func decompress(_ data: [UInt8], size: Int, what: String) throws(CompileError) -> [UInt8] {
        var state = InflateState(reader: BitReader(bytes: data), limit: size, what: what)
        do {
            try blocks(&state)
        } catch where error.message == BitReader.endMessage {
            throw state.error("it ends early")
        }
        guard state.out.count == size else {
            throw state.error("\(state.out.count) bytes where the archive declares \(size)")
        }
        return state.out
    }

    /// Every block up to the one marked last.
    static func blocks(_ state: inout InflateState) throws(CompileError) {
        var last = false
        while !last {
            last = try state.reader.bits(1) == 1
            switch try state.reader.bits(2) {
            case 0: try state.stored()
            case 1: try state.codes(literals: FixedCodes.literals, distances: FixedCodes.distances)
            case 2:
                let (literals, distances) = try state.dynamicCodes()
                try state.codes(literals: literals, distances: distances)
            default: throw state.error("a block of reserved type 3")
            }
        }
    }
}

/// Bits of a byte array, least significant first (DEFLATE's order).
struct BitReader {
    let bytes: [UInt8]
    var bit = 0

    /// The next `count` (0...16) bits as a number, the first bit lowest; nil past the end.
    mutating func next(_ count: Int) -> Int? {
        guard (bit + count + 7) / 8 <= bytes.count else { return nil }
        var value = 0
        for k in 0..<count {
            value |= Int(bytes[(bit + k) >> 3] >> UInt8((bit + k) & 7) & 1) << k
        }
        bit += count
        return value
    }

    static let endMessage = "the DEFLATE stream ends early"

    mutating func bits(_ count: Int) throws(CompileError) -> Int {
        guard let value = next(count) else { throw CompileError(.badInput, Self.endMessage) }
        return value
    }

    /// Skips to the next byte boundary (before a stored block's lengths).
    mutating func align() { bit = (bit + 7) & ~7 }
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct HuffmanCode {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    /// The code whose symbol `s` has length `lengths[s]` (0: unused); nil when over-subscribed.
    init?(lengths: [Int]) {
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1..<16 {
            left = left << 1 - counts[length]
            if left < 0 { return nil }
        }
        for length in 1..<16 {
            for (symbol, l) in lengths.enumerated() where l == length { symbols.append(symbol) }
        }
    }

    /// The next symbol read from `reader`, one bit at a time; nil for a code the table lacks.
    func decode(_ reader: inout BitReader) throws(CompileError) -> Int? {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try reader.bits(1)
            let count = counts[length]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        return nil
    }
}

/// The fixed codes of block type 1.
enum FixedCodes {
    static let literals = HuffmanCode(lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
        + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8))!
    static let distances = HuffmanCode(lengths: Array(repeating: 5, count: 30))!
}

/// The decoder's progress through one stream.
struct InflateState {
    var reader: BitReader
    let limit: Int
    let what: String
    var out: [UInt8] = []

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                             131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                               1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                12, 12, 13, 13]
    /// The order in which a dynamic block lists its code-length code's lengths.
    static let lengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    func error(_ problem: String) -> CompileError {
        CompileError(.badInput, "member '\(DisplayText.escaped(what))' is not valid DEFLATE data (\(problem))")
    }

    mutating func room(_ count: Int) throws(CompileError) {
        guard out.count + count <= limit else { throw error("more than the \(limit) bytes the archive declares") }
    }

    /// Block type 0: a byte-aligned length, its complement, and the bytes.
    mutating func stored() throws(CompileError) {
        reader.align()
        let length = try reader.bits(16), complement = try reader.bits(16)
        guard length == ~complement & 0xFFFF else { throw error("a stored block's length fails its check") }
        try room(length)
        let start = reader.bit / 8
        guard start + length <= reader.bytes.count else { throw error("a stored block runs past the data") }
        out += reader.bytes[start..<(start + length)]
        reader.bit += 8 * length
    }

    /// Literals and (length, distance) copies until the end-of-block symbol.
    mutating func codes(literals: HuffmanCode, distances: HuffmanCode) throws(CompileError) {
        while true {
            guard let symbol = try literals.decode(&reader) else { throw error("a literal/length code the block lacks") }
            if symbol < 256 {
                try room(1)
                out.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            guard symbol - 257 < Self.lengthBase.count else { throw error("length symbol \(symbol)") }
            let length = Self.lengthBase[symbol - 257] + (try reader.bits(Self.lengthExtra[symbol - 257]))
            guard let d = try distances.decode(&reader), d < Self.distanceBase.count else { throw error("a bad distance code") }
            let distance = Self.distanceBase[d] + (try reader.bits(Self.distanceExtra[d]))
            guard distance <= out.count else { throw error("a copy from before the start") }
            try room(length)
            for _ in 0..<length { out.append(out[out.count - distance]) }
        }
    }

    /// Block type 2's header: the code-length code, then the literal/length and distance codes.
    mutating func dynamicCodes() throws(CompileError) -> (HuffmanCode, HuffmanCode) {
        let literalCount = try reader.bits(5) + 257, distanceCount = try reader.bits(5) + 1
        let lengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw error("too many codes in a dynamic block") }
        var order = [Int](repeating: 0, count: 19)
        for k in 0..<lengthCount { order[Self.lengthOrder[k]] = try reader.bits(3) }
        guard let lengthCode = HuffmanCode(lengths: order) else { throw error("an over-subscribed code-length code") }
        let lengths = try codeLengths(literalCount + distanceCount, code: lengthCode)
        guard lengths[256] > 0 else { throw error("a dynamic block without an end-of-block code") }
        guard let literals = HuffmanCode(lengths: Array(lengths[..<literalCount])),
              let distances = HuffmanCode(lengths: Array(lengths[literalCount...])) else {
            throw error("an over-subscribed literal or distance code")
        }
        return (literals, distances)
    }

    /// `count` code lengths, run-length coded with `code` (16: repeat the last, 17 and 18: zeros).
    mutating func codeLengths(_ count: Int, code: HuffmanCode) throws(CompileError) -> [Int] {
        var lengths: [Int] = []
        while lengths.count < count {
            guard let symbol = try code.decode(&reader) else { throw error("a code-length code the block lacks") }
            let (value, repeats): (Int, Int)
            switch symbol {
            case 0..<16: (value, repeats) = (symbol, 1)
            case 16:
                guard let previous = lengths.last else { throw error("a repeat with nothing to repeat") }
                (value, repeats) = (previous, 3 + (try reader.bits(2)))
            case 17: (value, repeats) = (0, 3 + (try reader.bits(3)))
            default: (value, repeats) = (0, 11 + (try reader.bits(7)))
            }
            guard lengths.count + repeats <= count else { throw error("code lengths run past their count") }
            lengths += Array(repeating: value, count: repeats)
        }
        return lengths
    }
}
