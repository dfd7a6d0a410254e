/// A position in one physical line of a dialogue file, shared by the statement,
/// line-text and expression parsers.
struct LineCursor {
    let characters: [Character]
    let file: String
    let lineNumber: Int
    var index = 0

    init(_ text: Substring, file: String, lineNumber: Int) {
        characters = Array(text)
        self.file = file
        self.lineNumber = lineNumber
    }

    var location: SourceLocation { location(at: index) }

    func location(at index: Int) -> SourceLocation {
        SourceLocation(file: file, line: lineNumber, column: index + 1)
    }

    var isAtEnd: Bool { index >= characters.count }
    var peek: Character? { index < characters.count ? characters[index] : nil }

    func peek(_ offset: Int) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    func hasPrefix(_ text: String) -> Bool {
        var offset = 0
        for character in text {
            guard peek(offset) == character else { return false }
            offset += 1
        }
        return true
    }

    mutating func skipWhitespace() {
        while let character = peek, character == " " || character == "\t" { index += 1 }
    }

    /// Reads an identifier (letters, digits, `_`, starting with a letter or `_`).
    mutating func identifier() -> String? {
        guard let first = peek, first.isLetter || first == "_" else { return nil }
        var result = ""
        while let character = peek, character.isLetter || character.isNumber || character == "_" {
            result.append(character)
            index += 1
        }
        return result
    }

    /// Whether the rest of the line is empty or a `//` comment.
    func restIsEmptyOrComment() -> Bool {
        var copy = self
        copy.skipWhitespace()
        return copy.isAtEnd || copy.hasPrefix("//")
    }

    func error(_ message: String, at index: Int? = nil) -> Diagnostic {
        Diagnostic(.error, at: location(at: index ?? self.index), message)
    }
}
