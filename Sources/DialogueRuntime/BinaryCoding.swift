/// The building blocks of gids's compact binary storage forms (``DialogueState`` and the
/// guide's conversation state): integers as LEB128 varints, strings as a varint length plus
/// UTF-8, collections as a varint count plus their elements, optionals as a 0/1 byte first.
/// Several times cheaper to write and read than JSON, which matters once per turn.
///
/// The methods are `@inlinable` so that other modules' calls to the generic ones are
/// specialised, not dispatched through run-time type metadata on every call.
public struct BinaryWriter {
    /// What has been written so far.
    public var bytes: [UInt8] { written }
    @usableFromInline var written: [UInt8] = []

    @inlinable public init() { written.reserveCapacity(256) }

    @inlinable public mutating func byte(_ value: UInt8) { written.append(value) }

    @inlinable public mutating func bool(_ value: Bool) { written.append(value ? 1 : 0) }

    @inlinable public mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            written.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        written.append(UInt8(rest))
    }

    /// A count, index or other non-negative integer (negative ones are written as 0).
    @inlinable public mutating func count(_ value: Int) { unsigned(UInt64(max(0, value))) }

    /// Any integer, zigzag-encoded so small negative numbers stay small.
    @inlinable public mutating func integer(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    @inlinable public mutating func float(_ value: Float) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { written.append(contentsOf: $0) }
    }

    @inlinable public mutating func string(_ text: String) {
        count(text.utf8.count)
        written.append(contentsOf: text.utf8)
    }

    /// Bytes written by another form (a length, then the bytes).
    @inlinable public mutating func blob(_ data: [UInt8]) {
        count(data.count)
        verbatim(data)
    }

    /// Bytes another writer wrote, as they are (no length first): a part already encoded.
    @inlinable public mutating func verbatim(_ data: [UInt8]) {
        written.append(contentsOf: data)
    }

    /// Writes a 0 for nil, or a 1 followed by what `write` writes.
    @inlinable public mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else { return written.append(0) }
        written.append(1)
        write(&self, value)
    }

    /// Writes the count, then each element with `write`.
    @inlinable public mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    /// Writes the count, then each key and its value (with `write`), sorted by key so that
    /// equal dictionaries give equal bytes.
    @inlinable public mutating func dictionary<T>(_ values: [String: T], _ write: (inout BinaryWriter, T) -> Void) {
        count(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            string(key)
            write(&self, value)
        }
    }
}

/// Reads what a ``BinaryWriter`` wrote; every read checks its bounds and throws
/// ``BinaryStateError/malformed`` on truncated or damaged bytes.
public struct BinaryReader {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline var index = 0

    @inlinable public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { index == bytes.count }

    /// What `read` reads, with the bytes it read (for ``BinaryWriter/verbatim(_:)``).
    @inlinable public mutating func withBytes<T>(
        _ read: (inout BinaryReader) throws(BinaryStateError) -> T
    ) throws(BinaryStateError) -> (value: T, bytes: [UInt8]) {
        let start = index
        let value = try read(&self)
        return (value, Array(bytes[start..<index]))
    }

    @inlinable public mutating func byte() throws(BinaryStateError) -> UInt8 {
        guard index < bytes.count else { throw .malformed }
        defer { index += 1 }
        return bytes[index]
    }

    @inlinable public mutating func bool() throws(BinaryStateError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw .malformed
        }
    }

    @inlinable public mutating func unsigned() throws(BinaryStateError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw .malformed }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    /// A count or index; refuses values no real state could hold.
    @inlinable public mutating func count() throws(BinaryStateError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count) * 1024 + 1_000_000 else { throw .malformed }
        return Int(value)
    }

    @inlinable public mutating func integer() throws(BinaryStateError) -> Int {
        let raw = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    @inlinable public mutating func float() throws(BinaryStateError) -> Float {
        guard index + 4 <= bytes.count else { throw .malformed }
        var bits: UInt32 = 0
        for offset in 0..<4 { bits |= UInt32(bytes[index + offset]) << (8 * offset) }
        index += 4
        return Float(bitPattern: bits)
    }

    @inlinable public mutating func string() throws(BinaryStateError) -> String {
        let length = try count()
        guard length <= bytes.count - index else { throw .malformed }
        defer { index += length }
        // Decoding repairs invalid UTF-8, so a repaired string is not the bytes written. (This is
        // several times faster than `String(validating:)`, which is not specialised for arrays.)
        // ASCII needs no repair, and most strings here are names: comparing the bytes again
        // took a thousand instructions a string.
        let utf8 = bytes[index..<(index + length)]
        let text = String(decoding: utf8, as: UTF8.self)
        guard utf8.allSatisfy({ $0 < 0x80 }) || text.utf8.elementsEqual(utf8) else { throw .malformed }
        return text
    }

    /// Reads what ``BinaryWriter/blob(_:)`` wrote.
    @inlinable public mutating func blob() throws(BinaryStateError) -> [UInt8] {
        let length = try count()
        guard length <= bytes.count - index else { throw .malformed }
        defer { index += length }
        return Array(bytes[index..<(index + length)])
    }

    /// Reads what ``BinaryWriter/optional(_:_:)`` wrote.
    @inlinable public mutating func optional<T>(_ read: (inout BinaryReader) throws(BinaryStateError) -> T)
        throws(BinaryStateError) -> T?
    {
        try bool() ? try read(&self) : nil
    }

    /// Reads what ``BinaryWriter/array(_:_:)`` wrote.
    @inlinable public mutating func array<T>(_ read: (inout BinaryReader) throws(BinaryStateError) -> T)
        throws(BinaryStateError) -> [T]
    {
        let count = try count()
        var result: [T] = []
        result.reserveCapacity(min(count, 1024))
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }

    /// Reads what ``BinaryWriter/dictionary(_:_:)`` wrote.
    @inlinable public mutating func dictionary<T>(_ read: (inout BinaryReader) throws(BinaryStateError) -> T)
        throws(BinaryStateError) -> [String: T]
    {
        let count = try count()
        var result = [String: T](minimumCapacity: min(count, 1024))  // no growing while filling
        for _ in 0..<count {
            let key = try string()
            result[key] = try read(&self)
        }
        return result
    }

    /// A value of a `String`-backed enum.
    @inlinable public mutating func raw<T: RawRepresentable<String>>(_: T.Type) throws(BinaryStateError) -> T {
        guard let value = T(rawValue: try string()) else { throw .malformed }
        return value
    }
}

/// Why bytes could not be read as a stored state.
public enum BinaryStateError: Error, Hashable, Sendable {
    /// Written by another version of gids that this one cannot read.
    case unknownVersion
    /// Truncated or damaged.
    case malformed
}
