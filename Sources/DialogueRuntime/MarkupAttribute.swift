/// A span of a line marked up with `[name]...[/name]` or a self-closing `[name/]`.
public struct MarkupAttribute: Hashable, Sendable, Codable {
    /// The tag name, for example `b` or `character`.
    public var name: String
    /// Where the span starts in the plain text, in characters.
    public var position: Int
    /// How many characters it covers (0 for self-closing tags).
    public var length: Int
    /// The tag's properties (`[wave size=2]` has `size`; `[mood=sad]` has `mood`).
    public var properties: [String: MarkupValue]

    public init(name: String, position: Int, length: Int, properties: [String: MarkupValue] = [:]) {
        self.name = name
        self.position = position
        self.length = length
        self.properties = properties
    }
}

/// A markup property value.
public enum MarkupValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case integer(Int)
    case float(Float)
    case string(String)
    case bool(Bool)

    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .float(let value): Value.number(value).text
        case .string(let value): value
        case .bool(let value): value ? "true" : "false"
        }
    }
}

/// A line after markup processing: the text to show and its marked-up spans.
public struct MarkedUpText: Hashable, Sendable, Codable {
    /// The text with every tag removed and replacement markers filled in.
    public var text: String
    /// The spans, in the order their tags opened.
    public var attributes: [MarkupAttribute]

    public init(text: String, attributes: [MarkupAttribute] = []) {
        self.text = text
        self.attributes = attributes
    }

    /// The `character` attribute's name, when the line starts with `Name: `.
    public var characterName: String? {
        attributes.first { $0.name == "character" }.flatMap {
            if case .string(let name)? = $0.properties["name"] { return name }
            return nil
        }
    }

    /// The text without the leading `Name: ` of a character line.
    public var textWithoutCharacterName: String {
        guard let character = attributes.first(where: { $0.name == "character" }) else { return text }
        return String(text.dropFirst(character.position + character.length))
    }
}
