/// Writes one JSON value straight to UTF-8 bytes, as the protocol's lines need it.
///
/// Foundation's `JSONSerialization` took more time per line than the whole conversation
/// turn, and building a tree of values first took more than writing them; the output shapes
/// are few and fixed, so this small writer writes as it goes. Object keys are written in
/// the order given (the responses give them sorted).
struct JSONLine {
    private(set) var bytes: [UInt8] = []
    /// Whether the next key of the object being written needs a comma before it.
    private var needsComma = false

    init() {
        bytes.reserveCapacity(512)
    }

    /// An object: `fields` writes its keys and values (``key(_:)`` before each value).
    mutating func object(_ fields: (inout JSONLine) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        fields(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// The next key of the object being written.
    mutating func key(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// An array of `items`, each written by `write`.
    mutating func array<Item>(_ items: some Sequence<Item>, _ write: (inout JSONLine, Item) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// A value already written as JSON, copied as it is (an `id` as the bridge sent it).
    mutating func raw(_ token: [UInt8]) {
        bytes.append(contentsOf: token)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped; all else as UTF-8,
    /// copied in runs between the characters that need escaping.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    bytes.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hexDigits[Int(byte >> 4)],
                        Self.hexDigits[Int(byte & 0x0F)],
                    ])
                default: bytes.append(byte)  // a quote or a backslash
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }
}
