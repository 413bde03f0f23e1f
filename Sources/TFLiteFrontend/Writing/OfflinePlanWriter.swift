import IR

/// Adds TFLM's `OfflineMemoryAllocation` metadata to a TFLite model: a buffer of int32
/// `[0 (format version), 0 (subgraph), N (tensor count), offset of tensor 0, ..., offset of tensor N-1]`
/// with -1 for "let TFLM place it" (see TFLM's `micro_allocation_info.cc`), referenced by a
/// `Metadata` entry of that name. The original bytes are kept as they are: a new root `Model` table
/// is written in front of them (FlatBuffer offsets are relative, and moving the old bytes by a
/// multiple of 16 keeps every buffer's alignment). Any previous entry of that name is dropped.
public enum OfflinePlanWriter {
    /// The metadata entry TFLM reads its offline plan from.
    public static let metadataName = "OfflineMemoryAllocation"

    /// `model` with `offsets` (one per tensor of subgraph 0) as its offline memory plan.
    public static func embed(offsets: [Int], into model: [UInt8]) throws(CompileError) -> [UInt8] {
        let reader = FlatBufferReader(bytes: model)
        let root = try reader.u32(0)
        guard try reader.fieldCount(ofTable: root) <= 8 else {
            throw CompileError(.unsupported, "the model's root table has fields this writer does not know")
        }
        let fields = try reader.fields(ofTable: root, count: 8)
        guard let buffersField = fields[4] else { throw CompileError(.malformed, "the model has no buffers") }
        let buffers = try reader.tableVector(buffersField)
        for buffer in buffers {
            if let offsetField = try reader.fields(ofTable: buffer, count: 2)[1], try reader.u64(offsetField) > 1 {
                throw CompileError(.unsupported, "the model keeps buffers outside the FlatBuffer; cannot add a plan")
            }
        }
        var metadata: [Int] = []
        if let field = fields[6] {
            for entry in try reader.tableVector(field) {
                if let name = try reader.fields(ofTable: entry, count: 1)[0], try reader.string(name) == metadataName {
                    continue
                }
                metadata.append(entry)
            }
        }
        let words = [0, 0, offsets.count] + offsets
        var out = FlatBufferAppender()
        out.offset(to: .new(0))  // root, patched below
        out.bytes += model.count >= 8 ? Array(model[4..<8]) : Array("TFL3".utf8)
        let modelTable = try writeModelTable(&out, fields: fields, reader: reader)
        out.patches[0].target = .new(modelTable.table)
        out.patches[modelTable.buffersSlot].target = .new(out.bytes.count)
        writeVector(&out, old: buffers, newIndex: 0)
        let newBufferSlot = out.patches.count - 1
        out.patches[modelTable.metadataSlot].target = .new(out.bytes.count)
        writeVector(&out, old: metadata, newIndex: 0)
        let newMetadataSlot = out.patches.count - 1
        out.patches[newBufferSlot].target = .new(writeBufferTable(&out, words: words))
        out.patches[newMetadataSlot].target = .new(writeMetadataTable(&out, bufferIndex: buffers.count))
        return out.finish(followedBy: model)
    }

    /// A new root table: every old field copied (offsets point into the old bytes), `buffers` and
    /// `metadata` replaced. Returns the table position and the patch indices of those two slots.
    static func writeModelTable(_ out: inout FlatBufferAppender, fields: [Int?],
                                reader: FlatBufferReader) throws(CompileError) -> (table: Int, buffersSlot: Int, metadataSlot: Int) {
        let present = (0..<8).filter { fields[$0] != nil || $0 == 4 || $0 == 6 }
        let vtable = out.bytes.count
        out.u16(4 + 2 * 8)
        out.u16(4 + 4 * present.count)
        for field in 0..<8 { out.u16(present.firstIndex(of: field).map { 4 + 4 * $0 } ?? 0) }
        out.align(4)
        let table = out.bytes.count
        out.u32(table - vtable)
        var buffersSlot = 0, metadataSlot = 0
        for field in present {
            switch field {
            case 0: out.u32(try reader.u32(fields[0]!))
            case 4: out.offset(to: .new(0)); buffersSlot = out.patches.count - 1
            case 6: out.offset(to: .new(0)); metadataSlot = out.patches.count - 1
            default: out.offset(to: .old(try reader.target(fields[field]!)))
            }
        }
        return (table, buffersSlot, metadataSlot)
    }

    /// A vector of table offsets: the old tables, then one new entry (patched by the caller).
    static func writeVector(_ out: inout FlatBufferAppender, old: [Int], newIndex: Int) {
        out.u32(old.count + 1)
        for table in old { out.offset(to: .old(table)) }
        out.offset(to: .new(0))
    }

    /// `Buffer { data: [ubyte] }` holding `words` as little-endian int32, data 16-byte aligned.
    static func writeBufferTable(_ out: inout FlatBufferAppender, words: [Int]) -> Int {
        out.align(4)
        let vtable = out.bytes.count
        out.u16(6); out.u16(8); out.u16(4)
        out.align(4)
        let table = out.bytes.count
        out.u32(table - vtable)
        out.offset(to: .new(0))
        let slot = out.patches.count - 1
        while (out.bytes.count + 4) % 16 != 0 { out.bytes.append(0) }
        out.patches[slot].target = .new(out.bytes.count)
        out.u32(4 * words.count)
        for word in words { out.u32(word) }
        return table
    }

    /// `Metadata { name: "OfflineMemoryAllocation", buffer: bufferIndex }`.
    static func writeMetadataTable(_ out: inout FlatBufferAppender, bufferIndex: Int) -> Int {
        out.align(4)
        let vtable = out.bytes.count
        out.u16(8); out.u16(12); out.u16(4); out.u16(8)
        let table = out.bytes.count
        out.u32(table - vtable)
        out.offset(to: .new(0))
        let slot = out.patches.count - 1
        out.u32(bufferIndex)
        out.patches[slot].target = .new(out.bytes.count)
        out.u32(metadataName.utf8.count)
        out.bytes += Array(metadataName.utf8) + [0]
        return table
    }
}
