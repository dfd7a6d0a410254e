/// A JSON value as the protocol writes it, serialised straight to UTF-8 bytes.
///
/// Foundation's `JSONSerialization` took more time per line than the whole conversation
/// turn; the output shapes are few and fixed, so this small writer does it directly. Object
/// keys are written in the order given (the responses give them sorted).
enum JSONLine {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case array([JSONLine])
    case object([JSONField])

    /// The value as UTF-8 JSON.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(into: &output)
        return output
    }

    func write(into output: inout [UInt8]) {
        switch self {
        case .string(let text): Self.write(text, into: &output)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value): output.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            output.append(UInt8(ascii: "{"))
            for (index, field) in fields.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.write(field.key, into: &output)
                output.append(UInt8(ascii: ":"))
                field.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped; all else as UTF-8,
    /// copied in runs between the characters that need escaping.
    static func write(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                output.append(contentsOf: utf8[runStart..<index])
                runStart = index + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\n"): output.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): output.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): output.append(UInt8(ascii: "t"))
                case 0..<0x20: output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
                default: output.append(byte)  // a quote or a backslash
                }
            }
            output.append(contentsOf: utf8[runStart...])
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// One `"key": value` of a JSON object.
struct JSONField {
    var key: String
    var value: JSONLine

    init(_ key: String, _ value: JSONLine) {
        self.key = key
        self.value = value
    }
}
