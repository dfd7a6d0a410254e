import Foundation

/// A line of a session that was answered, kept so that the same line sent again gets the same
/// reply: its key (the bridge's `id` with the keyed hash of what it said, never the text) and
/// the reply as the line protocol keeps it, to write it again exactly as the first time.
///
/// A session keeps its last ``keptPerSession`` such lines: a bridge may have that many lines of
/// one person in flight, and after a crash send all of them again; each gets its own reply,
/// and none moves the conversation twice.
public struct AnsweredLine: Sendable, Hashable {
    /// How many answered lines a session keeps, newest last.
    public static let keptPerSession = 8

    /// The line's key: its `id` and what it said (see `SessionResponder`).
    public var line: String
    /// The reply, in the line protocol's form (opaque to the store).
    public var reply: Data

    public init(line: String, reply: Data) {
        self.line = line
        self.reply = reply
    }

    /// The lines as one value to seal and store: for each, the length and bytes of its key,
    /// then of its reply (lengths as 4 bytes, most significant first).
    static func encoded(_ lines: [AnsweredLine]) -> Data {
        var data = Data()
        for answered in lines {
            for part in [Data(answered.line.utf8), answered.reply] {
                withUnsafeBytes(of: UInt32(part.count).bigEndian) { data.append(contentsOf: $0) }
                data.append(part)
            }
        }
        return data
    }

    /// The lines of ``encoded(_:)``, or nil when the bytes are not such a list.
    static func decoded(_ data: Data) -> [AnsweredLine]? {
        var bytes = [UInt8](data)[...]
        func part() -> [UInt8]? {
            guard bytes.count >= 4 else { return nil }
            let length = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
            bytes = bytes.dropFirst(4)
            guard bytes.count >= length else { return nil }
            defer { bytes = bytes.dropFirst(length) }
            return Array(bytes.prefix(length))
        }
        var lines: [AnsweredLine] = []
        while !bytes.isEmpty {
            guard let line = part(), let reply = part(), let key = String(validating: line, as: UTF8.self) else {
                return nil
            }
            lines.append(AnsweredLine(line: key, reply: Data(reply)))
        }
        return lines
    }
}
