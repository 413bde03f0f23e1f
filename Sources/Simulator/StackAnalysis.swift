import Foundation

/// The deepest stack a function can use, from the call graph of the linked program: each
/// function's frame (from GCC's `-fstack-usage` files where the function is named there, else
/// the pushes and stack-pointer subtractions in its code, an upper bound) plus the deepest of the
/// functions it calls or branches to. C library and libgcc helpers are included through their code.
struct StackAnalysis: Sendable {
    /// The bound in bytes, and the call chain that reaches it (outermost first).
    struct Bound: Sendable, Hashable {
        var bytes: Int
        var path: [String]
        /// False when an indirect call or a recursion was reached (the bound covers only what is known).
        var complete: Bool
    }

    let code: Disassembly
    /// Frame bytes by function name, from `.su` files (names that two files define differently omitted).
    let declared: [String: Int]

    /// Frames of `name file:line:col:function  bytes  static` lines; `dynamic` frames are left to the code scan.
    static func stackUsage(_ texts: [String]) -> [String: Int] {
        var frames: [String: Int] = [:]
        var ambiguous = Set<String>()
        for line in texts.flatMap({ $0.split(separator: "\n") }) {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, fields[2] == "static", let bytes = Int(fields[1]),
                  let name = fields[0].split(separator: ":").last.map(String.init) else { continue }
            if let known = frames[name], known != bytes { ambiguous.insert(name) }
            frames[name] = bytes
        }
        return frames.filter { !ambiguous.contains($0.key) }
    }

    /// The bound for `root` (nil when the program has no such function).
    func bound(from root: String) -> Bound? {
        var memo: [String: Bound] = [:]
        var active = Set<String>()
        func visit(_ name: String) -> Bound {
            if let known = memo[name] { return known }
            guard let function = code.functions[name], !active.contains(name) else {
                return Bound(bytes: 0, path: [name], complete: false)
            }
            active.insert(name)
            defer { active.remove(name) }
            var deepest = Bound(bytes: 0, path: [], complete: true)
            var complete = true
            for instruction in function.instructions {
                let call = Disassembly.isCall(instruction.mnemonic)
                guard call || Disassembly.isBranch(instruction.mnemonic) else { continue }
                guard let target = instruction.directTarget else {
                    if call { complete = false }
                    continue
                }
                guard target != name, code.functions[target] != nil || call else { continue }
                let callee = visit(target)
                complete = complete && callee.complete
                if callee.bytes > deepest.bytes || deepest.path.isEmpty { deepest = callee }
            }
            let result = Bound(bytes: frame(function) + deepest.bytes, path: [name] + deepest.path,
                               complete: complete && deepest.complete)
            memo[name] = result
            return result
        }
        guard code.functions[root] != nil else { return nil }
        return visit(root)
    }

    /// The function's frame: declared by GCC, else scanned from its code.
    func frame(_ function: Disassembly.Function) -> Int {
        // GCC's clones are `f.isra.0` in the code and `f.isra` in the .su file.
        let stripped = function.name.replacingOccurrences(of: #"\.[0-9]+$"#, with: "", options: .regularExpression)
        if let bytes = declared[function.name] ?? declared[stripped] { return bytes }
        return function.instructions.reduce(0) { $0 + Self.pushedBytes($1) }
    }

    /// Bytes one instruction moves the stack pointer down by (pushes, vpush, sub sp).
    static func pushedBytes(_ instruction: Disassembly.Instruction) -> Int {
        let m = instruction.mnemonic, operands = instruction.operands
        if m.hasPrefix("push") || (m.hasPrefix("stmdb") && operands.hasPrefix("sp!")) {
            return 4 * registerCount(operands)
        }
        if m.hasPrefix("vpush") || (m.hasPrefix("vstmdb") && operands.hasPrefix("sp!")) {
            return (operands.contains("{d") ? 8 : 4) * registerCount(operands)
        }
        if m.hasPrefix("sub"), operands.hasPrefix("sp, "), let hash = operands.firstIndex(of: "#") {
            let digits = operands[operands.index(after: hash)...].prefix { $0.isNumber }
            return Int(digits) ?? 0
        }
        return 0
    }

    /// Registers in a `{r4, r5, lr}` or `{d8-d15}` list.
    static func registerCount(_ operands: String) -> Int {
        guard let open = operands.firstIndex(of: "{"), let close = operands.firstIndex(of: "}") else { return 0 }
        return operands[operands.index(after: open)..<close].split(separator: ",").reduce(0) { count, item in
            let range = item.trimmingCharacters(in: .whitespaces).split(separator: "-")
            guard range.count == 2, let low = Int(range[0].dropFirst()), let high = Int(range[1].dropFirst()) else {
                return count + 1
            }
            return count + high - low + 1
        }
    }
}

extension StackAnalysis {
    /// Every function `root` can reach by direct calls and branches (itself included).
    func reachable(from root: String) -> Set<String> {
        var seen = Set<String>()
        var pending = [root]
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let function = code.functions[name] else { continue }
            for instruction in function.instructions
            where Disassembly.isCall(instruction.mnemonic) || Disassembly.isBranch(instruction.mnemonic) {
                if let target = instruction.directTarget, code.functions[target] != nil { pending.append(target) }
            }
        }
        return seen
    }
}
