import Foundation

/// Finds the members of a JSON object line as they were written: the exact tokens, so that a
/// bridge's `id` comes back byte for byte (`2.50`, `1e3`, `"\u00e9"` as sent), and every key,
/// so that a key written twice is found. Only ever run on a line the JSON parser has accepted,
/// so it need not check what it skips.
enum JSONMemberScanner {
    /// The top-level members of an object line, in order: each key as the JSON parser reads it
    /// (escapes such as `"\u0069d"` decoded) with its value exactly as written. Empty when the
    /// line is not an object.
    static func members(in line: ArraySlice<UInt8>) -> [(key: String, value: ArraySlice<UInt8>)] {
        var index = skipSpace(line, from: line.startIndex)
        guard index < line.endIndex, line[index] == UInt8(ascii: "{") else { return [] }
        index += 1
        var members: [(key: String, value: ArraySlice<UInt8>)] = []
        while true {
            index = skipSpace(line, from: index)
            guard index < line.endIndex, line[index] == UInt8(ascii: "\"") else { return members }
            let keyEnd = endOfValue(line, from: index)
            let key = self.key(line[index..<keyEnd])
            index = skipSpace(line, from: keyEnd)
            guard index < line.endIndex, line[index] == UInt8(ascii: ":") else { return members }
            let valueStart = skipSpace(line, from: index + 1)
            let valueEnd = endOfValue(line, from: valueStart)
            members.append((key, line[valueStart..<valueEnd]))
            index = skipSpace(line, from: valueEnd)
            guard index < line.endIndex, line[index] == UInt8(ascii: ",") else { return members }
            index += 1
        }
    }

    /// A key's text from its JSON string token: as written between the quotes, or decoded by
    /// the JSON parser when it holds escapes.
    private static func key(_ token: ArraySlice<UInt8>) -> String {
        guard token.contains(UInt8(ascii: "\\")) else {
            return String(decoding: token.dropFirst().dropLast(), as: UTF8.self)
        }
        return (try? JSONSerialization.jsonObject(with: Data(token), options: [.fragmentsAllowed])) as? String ?? ""
    }

    private static func skipSpace(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(line[index]) { index += 1 }
        return index
    }

    /// Where the value (a string, number, literal, object or array) starting at `start` ends.
    private static func endOfValue(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        var depth = 0
        var inString = false
        while index < line.endIndex {
            let byte = line[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return index }
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                    if depth == 0 { return index }
                default: break
                }
            }
            index += 1
        }
        return index
    }
}
