import Foundation

/// Cleaning and folding of what a person types.
public enum TextNormalizer {
    /// The text with control characters and terminal escape sequences removed, and
    /// runs of whitespace collapsed: safe to show, store or echo.
    public static func sanitized(_ text: String) -> String {
        // Nearly every message is printable ASCII: only its spaces need collapsing.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return mappingASCII(text) { $0 } }
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        var lastWasSpace = true
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                skipEscapeSequence(&scalars)
                continue
            }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar == "\u{FFFD}"
            {
                if scalar == "\t" || scalar == "\n" || scalar == "\r", !lastWasSpace {
                    result.append(" ")
                    lastWasSpace = true
                }
                continue
            }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
                continue
            }
            result.unicodeScalars.append(scalar)
            lastWasSpace = false
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Skips the rest of an ANSI escape sequence (CSI `ESC [ ... final`, OSC `ESC ] ... BEL`, or one character).
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        case "]":
            while let next = scalars.next(), next != "\u{07}", next != "\u{1B}" {}
        default:
            break
        }
    }

    /// Lower case, without accents, punctuation as spaces: `Ik wíl  NIET meer!` becomes `ik wil niet meer`.
    public static func folded(_ text: String) -> String {
        // ASCII, what nearly every message is, byte by byte: letters lowered, digits kept, the rest a space.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return mappingASCII(text) { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                default: UInt8(ascii: " ")
                }
            }
        }
        var result = ""
        var lastWasSpace = true
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                let scalars = character.unicodeScalars
                result.append(
                    scalars.count == 1
                        ? accentless[scalars[scalars.startIndex]].map(Character.init) ?? character : character)
                lastWasSpace = false
            } else if !lastWasSpace {
                result.append(" ")
                lastWasSpace = true
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// The fast path of ``sanitized(_:)`` and ``folded(_:)``: each byte of ASCII `text` mapped,
    /// with the spaces collapsed into one between words and none at either end.
    private static func mappingASCII(_ text: String, _ map: (UInt8) -> UInt8) -> String {
        let space = UInt8(ascii: " ")
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let mapped = map(byte)
            if mapped != space || (result.last ?? space) != space { result.append(mapped) }
        }
        if result.last == space { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }

    /// Latin letters with accents and their plain letter: what Dutch, Flemish and English
    /// text uses (the table keeps folding free of the ICU data Foundation's folding loads).
    static let accentless: [Unicode.Scalar: Unicode.Scalar] = {
        let groups = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"),
            ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"),
            ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = ["ß": "s", "æ": "a", "œ": "o", "ĳ": "i"]
        for (plain, accented) in groups {
            for scalar in accented.unicodeScalars { table[scalar] = plain.unicodeScalars.first }
        }
        return table
    }()

    /// The folded words of a text.
    public static func words(_ text: String) -> [String] {
        folded(text).split(separator: " ").map(String.init)
    }
}
