import CTFLite
import IR

extension ModelReader {
    /// Every tensor of subgraph 0, with constant bytes and quantization checked.
    func tensors() throws(CompileError) -> [Tensor] {
        var result: [Tensor] = []
        result.reserveCapacity(Int(info.tensor_count))
        for index in 0..<max(info.tensor_count, 0) {
            result.append(try tensor(index))
        }
        return result
    }

    private func tensor(_ index: Int32) throws(CompileError) -> Tensor {
        var raw = ctfl_tensor()
        guard ctfl_tensor_get(model, index, &raw) == CTFL_OK else {
            throw CompileError(.malformed, "tensor \(index) cannot be read")
        }
        let id = TensorID(Int(index))
        let name = tensorName(index, length: raw.name_length)
        let place = ErrorLocation(tensor: id, tensorName: name)
        func fail(_ kind: CompileError.Kind, _ message: String) -> CompileError {
            CompileError(kind, message, at: place)
        }
        guard raw.has_sparsity == 0 else { throw fail(.unsupported, "sparse tensors are not supported") }
        guard raw.has_external_buffer == 0 else {
            throw fail(.unsupported, "tensor data lives in an external buffer (not supported)")
        }
        let packed = raw.type == Int4Packing.tfliteOrdinal
        let type = packed ? DataType.int8 : DataType(tfliteOrdinal: raw.type)
        let shape = try readShape(index, rank: raw.shape_rank, fail: fail)
        let quant = try readQuant(index, raw: raw, shape: shape, fail: fail)
        var data = try readData(raw.buffer, fail: fail)
        if packed {
            guard let bytes = data else { throw fail(.unsupported, "int4 tensors are supported only as constant weights") }
            let count = shape.elementCount
            let needed = Int4Packing.packedByteCount(count)
            guard bytes.count == needed else {
                throw fail(.malformed, "buffer holds \(bytes.count) bytes but shape \(shape) of int4 needs \(needed)")
            }
            data = Int4Packing.unpack(bytes, count: count).map { UInt8(bitPattern: $0) }
        }
        let tensor = Tensor(id: id, name: name, type: type, shape: shape, quant: quant,
                            data: data, isVariable: raw.is_variable != 0, packedInt4: packed)
        if tensor.data != nil {
            guard let bytes = tensor.byteCount else {
                throw fail(.unsupported, "constant of type \(type) is not supported")
            }
            guard bytes == tensor.data?.count else {
                throw fail(.malformed, "buffer holds \(tensor.data?.count ?? 0) bytes but shape \(shape) of \(type) needs \(bytes)")
            }
        }
        return tensor
    }

    private func tensorName(_ index: Int32, length: Int32) -> String {
        guard length > 0 else { return "" }
        var bytes = [CChar](repeating: 0, count: Int(length))
        _ = ctfl_tensor_name(model, index, &bytes, length)
        return String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func readShape(_ index: Int32, rank: Int32,
                           fail: (CompileError.Kind, String) -> CompileError) throws(CompileError) -> Shape {
        guard rank > 0 else { return Shape([]) }
        var dims = [Int32](repeating: 0, count: Int(rank))
        _ = ctfl_tensor_shape(model, index, &dims, rank)
        guard dims.allSatisfy({ $0 >= 0 }) else {
            throw fail(.unsupported, "shape \(dims) has a negative (dynamic) dimension")
        }
        let shape = Shape(dims.map(Int.init))
        guard shape.checkedElementCount != nil else { throw fail(.malformed, "shape \(shape) overflows") }
        return shape
    }

    private func readQuant(_ index: Int32, raw: ctfl_tensor, shape: Shape,
                           fail: (CompileError.Kind, String) -> CompileError) throws(CompileError) -> QuantParams? {
        guard raw.has_quantization != 0 else { return nil }
        guard raw.has_custom_quantization == 0 else { throw fail(.unsupported, "custom quantization is not supported") }
        guard raw.scale_count > 0 else { return nil }
        guard raw.zero_point_count == raw.scale_count else {
            throw fail(.malformed, "\(raw.scale_count) scales but \(raw.zero_point_count) zero points")
        }
        var scales = [Float](repeating: 0, count: Int(raw.scale_count))
        _ = ctfl_tensor_scales(model, index, &scales, raw.scale_count)
        var zeroPoints = [Int64](repeating: 0, count: Int(raw.zero_point_count))
        _ = ctfl_tensor_zero_points(model, index, &zeroPoints, raw.zero_point_count)
        guard scales.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw fail(.malformed, "quantization scale is negative or not finite")
        }
        guard zeroPoints.allSatisfy({ $0 >= Int64(Int32.min) && $0 <= Int64(Int32.max) }) else {
            throw fail(.malformed, "zero point outside the 32-bit range")
        }
        let zps = zeroPoints.map { Int32($0) }
        if scales.count == 1 { return QuantParams(scale: scales, zeroPoint: zps) }
        let axis = try channelAxis(Int(raw.quantized_dimension), count: scales.count, shape: shape, fail: fail)
        return QuantParams(scale: scales, zeroPoint: zps, axis: axis)
    }

    /// The per-channel axis. A 1-D tensor whose `quantized_dimension` is out of range but whose
    /// length matches the count takes axis 0, as TFLM does (tflm_person_detect's biases).
    private func channelAxis(_ dimension: Int, count: Int, shape: Shape,
                             fail: (CompileError.Kind, String) -> CompileError) throws(CompileError) -> Int {
        if dimension >= 0, dimension < shape.rank, shape[dimension] == count { return dimension }
        if shape.rank == 1, shape[0] == count { return 0 }
        throw fail(.malformed, "\(count) per-channel scales do not match dimension \(dimension) of shape \(shape)")
    }

    private func readData(_ buffer: Int32,
                          fail: (CompileError.Kind, String) -> CompileError) throws(CompileError) -> [UInt8]? {
        guard buffer >= 0, buffer < info.buffer_count else {
            throw fail(.malformed, "buffer index \(buffer) is outside 0..<\(info.buffer_count)")
        }
        var raw = ctfl_buffer()
        guard ctfl_buffer_get(model, buffer, &raw) == CTFL_OK else { throw fail(.malformed, "buffer \(buffer) cannot be read") }
        guard raw.is_external == 0 else {
            throw fail(.unsupported, "buffer \(buffer) lives outside the FlatBuffer (external buffers are not supported)")
        }
        guard raw.size > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(raw.size))
        _ = ctfl_buffer_copy(model, buffer, &bytes, raw.size)
        return bytes
    }
}
