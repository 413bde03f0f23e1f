import IR

/// A kernel's C parameter struct, field for field: a Swift struct whose stored properties, in
/// declaration order, are the typedef's fields (`inH` for `in_h`). Swift's memberwise initializer
/// makes every field explicit, and `CBindingTests` checks every conforming type against its C
/// typedef in `Templates/` (names, order, types), so a missing or misnamed field is an error, not
/// a silent zero.
///
/// Field types and their C types: `Int32` (`int32_t`), `Float` (`float`), `RankArray`
/// (`int32_t name[MCUC_MAX_RANK]`), `TableRef` (`const int8_t *` / `const int32_t *`).
public protocol KernelParams: Sendable, Hashable {
    /// The C typedef (`mcuc_conv2d_params`).
    static var cType: String { get }
}

/// The value of one field of a kernel's C parameter struct.
public enum CFieldValue: Sendable, Hashable {
    case int32(Int32)
    case float(Float)
    /// A fixed-size `int32_t [MCUC_MAX_RANK]` array; missing elements are zero.
    case array([Int32])
    /// A pointer to a constant table.
    case table(TableRef)
}

extension KernelParams {
    /// The fields in declaration order with their C names (`in_h`) and values.
    public var cFields: [(name: String, value: CFieldValue)] {
        Mirror(reflecting: self).children.map { child in
            guard let label = child.label else { preconditionFailure("\(Self.cType) has an unnamed field") }
            return (Self.cName(label), Self.fieldValue(child.value, label))
        }
    }

    /// `inH` -> `in_h`, `zp1` -> `zp1`.
    public static func cName(_ swiftName: String) -> String {
        var result = ""
        for character in swiftName {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func fieldValue(_ value: Any, _ label: String) -> CFieldValue {
        switch value {
        case let v as Int32: .int32(v)
        case let v as Float: .float(v)
        case let v as RankArray: .array(v.values)
        case let v as TableRef: .table(v)
        default: preconditionFailure("\(Self.cType).\(label) has a type with no C field mapping")
        }
    }
}

/// An `int32_t [MCUC_MAX_RANK]` field: up to `RuntimeLimits.maxRank` values, the rest zero.
public struct RankArray: Sendable, Hashable {
    public var values: [Int32]

    public init(_ values: [Int]) {
        precondition(values.count <= RuntimeLimits.maxRank, "more than MCUC_MAX_RANK values (checked by the op)")
        self.values = values.map { Int32($0) }
    }
}

/// A `const T *` field pointing at a constant table of the call.
public struct TableRef: Sendable, Hashable {
    /// The element type the pointer has.
    public enum Element: String, Sendable, Hashable {
        case int8 = "int8_t", int16 = "int16_t", int32 = "int32_t", int64 = "int64_t", uint8 = "uint8_t"
    }

    public var table: ConstantTable.ID
    public var element: Element
}
