/// Parses the inside of one markup tag: `name`, `name=value`, `name p=v q="w" /`.
struct TagParser {
    struct Tag {
        var name: String
        var properties: [String: MarkupValue]
        var selfClosing: Bool
    }

    private let characters: [Character]
    private var index = 0

    init(_ body: String) {
        characters = Array(body)
    }

    mutating func parse() throws -> Tag {
        var selfClosing = false
        var body = characters
        if body.last == "/" {
            selfClosing = true
            body.removeLast()
        }
        var parser = TagParser(String(body))
        let name = parser.identifier()
        guard let first = name.first, first.isLetter || first.isNumber else { throw MarkupParseError() }
        var properties: [String: MarkupValue] = [:]
        parser.skipSpaces()
        if parser.peek == "=" {
            parser.index += 1
            properties[name] = try parser.value()
        }
        while true {
            parser.skipSpaces()
            guard parser.index < parser.characters.count else { break }
            let key = parser.identifier()
            guard !key.isEmpty else { throw MarkupParseError() }
            parser.skipSpaces()
            guard parser.peek == "=" else { throw MarkupParseError() }
            parser.index += 1
            parser.skipSpaces()
            properties[key] = try parser.value()
        }
        return Tag(name: name, properties: properties, selfClosing: selfClosing)
    }

    private var peek: Character? { index < characters.count ? characters[index] : nil }

    private mutating func skipSpaces() {
        while let character = peek, character.isWhitespace { index += 1 }
    }

    private mutating func identifier() -> String {
        var result = ""
        while let character = peek, character.isLetter || character.isNumber || character == "_" || character == "|" {
            result.append(character)
            index += 1
        }
        return result
    }

    private mutating func value() throws -> MarkupValue {
        guard let first = peek else { throw MarkupParseError() }
        if first == "\"" {
            index += 1
            var text = ""
            while let character = peek, character != "\"" {
                if character == "\\" {
                    index += 1
                    if let escaped = peek { text.append(escaped) }
                } else {
                    text.append(character)
                }
                index += 1
            }
            guard peek == "\"" else { throw MarkupParseError() }
            index += 1
            return .string(text)
        }
        var word = ""
        while let character = peek, !character.isWhitespace, character != "/" || word.isEmpty {
            word.append(character)
            index += 1
        }
        if let integer = Int(word) { return .integer(integer) }
        if word.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true, let float = Float(word) {
            return .float(float)
        }
        switch word {
        case "true", "True": return .bool(true)
        case "false", "False": return .bool(false)
        default:
            guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw MarkupParseError()
            }
            return .string(word)
        }
    }
}

struct MarkupParseError: Error {}
