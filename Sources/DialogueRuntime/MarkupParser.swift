import Foundation

/// Turns a line's text with markup (`[b]bold[/b]`, `[wave/]`, `[plural value=2 one="% pie" other="% pies"/]`)
/// into plain text and attributes, following the Yarn Spinner markup rules.
///
/// A line whose markup is broken (an unclosed tag, a missing `value`, a missing case)
/// comes back unprocessed, so the person still reads something.
public struct MarkupParser: Sendable {
    /// The locale whose plural rules `[plural]` and `[ordinal]` use.
    public var locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// Processes the markup in `text`.
    public func parse(_ text: String) -> MarkedUpText {
        let characterSpan = Self.characterPrefix(of: text)
        var attributes: [MarkupAttribute] = []
        var plain = text
        // Most lines hold no markup at all: no tag to parse and no escape to undo.
        if text.containsUTF8(UInt8(ascii: "[")) || text.containsUTF8(UInt8(ascii: "\\")) {
            var scanner = Scanner(characters: Array(text.replacingOccurrences(of: "\\:", with: ":")), locale: locale)
            guard let result = try? scanner.run() else { return MarkedUpText(text: text) }
            attributes = result.attributes
            plain = result.text
        }
        if let (name, length) = characterSpan {
            attributes.insert(
                MarkupAttribute(name: "character", position: 0, length: length, properties: ["name": .string(name)]),
                at: 0)
        }
        return MarkedUpText(text: plain, attributes: attributes)
    }

    /// `Name: ` at the start of a line: the name and the length of the prefix (name, colon, spaces).
    static func characterPrefix(of text: String) -> (String, Int)? {
        // Most lines have no colon at all: no need to look at their characters.
        guard text.containsUTF8(UInt8(ascii: ":")), !text.hasPrefix("[character") else { return nil }
        var name = ""
        var iterator = text.makeIterator()
        var consumed = 0
        while let character = iterator.next() {
            consumed += 1
            if character == "\\" {
                guard iterator.next() != nil else { return nil }
                return nil  // an escaped character (such as `\:`) means this is not a speaker prefix
            }
            if character == ":" {
                let length = consumed + text.dropFirst(consumed).prefix(while: \.isWhitespace).count
                guard !name.isEmpty, length > consumed || consumed == text.count else { return nil }
                return (name, length)
            }
            if character == "[" { return nil }
            name.append(character)
        }
        return nil
    }
}

/// The state of one markup parse.
private struct Scanner {
    let characters: [Character]
    let locale: String
    var index = 0
    var output: [Character] = []
    var attributes: [MarkupAttribute] = []
    /// Open tags: index into `attributes`.
    var open: [Int] = []
    var trimNextWhitespace = false

    init(characters: [Character], locale: String) {
        self.characters = characters
        self.locale = locale
    }

    mutating func run() throws -> (text: String, attributes: [MarkupAttribute]) {
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count,
                characters[index + 1] == "[" || characters[index + 1] == "]"
            {
                append(characters[index + 1])
                index += 2
            } else if character == "[" {
                try tag()
            } else {
                if trimNextWhitespace, character.isWhitespace {
                    trimNextWhitespace = false
                    index += 1
                    continue
                }
                append(character)
                index += 1
            }
        }
        guard open.isEmpty else { throw MarkupParseError() }
        return (String(output), attributes)
    }

    mutating func append(_ character: Character) {
        trimNextWhitespace = false
        output.append(character)
    }

    mutating func tag() throws {
        guard let close = characters[index...].firstIndex(of: "]") else { throw MarkupParseError() }
        let body = String(characters[(index + 1)..<close]).trimmingCharacters(in: .whitespaces)
        index = close + 1
        trimNextWhitespace = false
        if body == "/" {
            while let last = open.popLast() { finish(last) }
            return
        }
        if body.hasPrefix("/") {
            try closeTag(named: String(body.dropFirst()).trimmingCharacters(in: .whitespaces))
            return
        }
        var tagParser = TagParser(body)
        var parsed = try tagParser.parse()
        if parsed.name == "nomarkup", !parsed.selfClosing {
            try copyVerbatimUntilNomarkupCloses()
            return
        }
        if ["select", "plural", "ordinal"].contains(parsed.name) {
            guard parsed.selfClosing else { throw MarkupParseError() }
            for character in try replacement(for: parsed) { output.append(character) }
            return
        }
        if parsed.selfClosing {
            if parsed.properties["trimwhitespace"] == nil {
                parsed.properties["trimwhitespace"] = MarkupValue.bool(true)
            }
            attributes.append(
                MarkupAttribute(name: parsed.name, position: output.count, length: 0, properties: parsed.properties))
            if parsed.properties["trimwhitespace"] == MarkupValue.bool(true) { trimNextWhitespace = true }
        } else {
            attributes.append(
                MarkupAttribute(name: parsed.name, position: output.count, length: 0, properties: parsed.properties))
            open.append(attributes.count - 1)
        }
    }

    mutating func finish(_ attributeIndex: Int) {
        attributes[attributeIndex].length = output.count - attributes[attributeIndex].position
    }

    /// Closes `name`; tags opened inside it and still open are split around the close.
    mutating func closeTag(named name: String) throws {
        guard let depth = open.lastIndex(where: { attributes[$0].name == name }) else { throw MarkupParseError() }
        let inner = open[(depth + 1)...].map { $0 }
        for index in inner.reversed() { finish(index) }
        finish(open[depth])
        open.removeSubrange(depth...)
        for index in inner {
            var reopened = attributes[index]
            reopened.position = output.count
            reopened.length = 0
            attributes.append(reopened)
            open.append(attributes.count - 1)
        }
    }

    mutating func copyVerbatimUntilNomarkupCloses() throws {
        let closing = Array("[/nomarkup]")
        var cursor = index
        while cursor + closing.count <= characters.count {
            if Array(characters[cursor..<(cursor + closing.count)]) == closing {
                let start = output.count
                output.append(contentsOf: characters[index..<cursor])
                attributes.append(MarkupAttribute(name: "nomarkup", position: start, length: output.count - start))
                index = cursor + closing.count
                return
            }
            cursor += 1
        }
        throw MarkupParseError()
    }

    func replacement(for tag: TagParser.Tag) throws -> String {
        guard let value = tag.properties["value"] else { throw MarkupParseError() }
        let valueText = value.description
        let key: String
        switch tag.name {
        case "select":
            key = valueText
        default:
            guard let category = PluralRules.category(for: valueText, locale: locale, ordinal: tag.name == "ordinal")
            else {
                throw MarkupParseError()
            }
            key = category
        }
        guard
            let chosen = tag.properties.first(where: { $0.key.lowercased() == key.lowercased() && $0.key != "value" })?
                .value
        else { throw MarkupParseError() }
        var result = ""
        var previous: Character?
        for character in chosen.description {
            if character == "%", previous != "\\" {
                result += valueText
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }
}
