/// Finds a member's value in a JSON object line as it was written: the exact token, so that
/// a bridge's `id` comes back byte for byte (`2.50`, `1e3`, `"\u00e9"` as sent). Only ever
/// run on a line the JSON parser has accepted, so it need not check what it skips.
enum JSONMemberScanner {
    /// The raw value of the last top-level member whose key is written exactly `"name"`, or
    /// nil when there is none (or its key is written with escapes).
    static func rawValue(of name: String, in line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let key = Array("\"\(name)\"".utf8)
        var index = skipSpace(line, from: line.startIndex)
        guard index < line.endIndex, line[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var found: ArraySlice<UInt8>?
        while true {
            index = skipSpace(line, from: index)
            guard index < line.endIndex, line[index] == UInt8(ascii: "\"") else { return found }
            let keyEnd = endOfValue(line, from: index)
            let isWanted = line[index..<keyEnd].elementsEqual(key)
            index = skipSpace(line, from: keyEnd)
            guard index < line.endIndex, line[index] == UInt8(ascii: ":") else { return found }
            let valueStart = skipSpace(line, from: index + 1)
            let valueEnd = endOfValue(line, from: valueStart)
            if isWanted { found = line[valueStart..<valueEnd] }
            index = skipSpace(line, from: valueEnd)
            guard index < line.endIndex, line[index] == UInt8(ascii: ",") else { return found }
            index += 1
        }
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
