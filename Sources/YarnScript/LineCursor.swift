/// A position in one physical line of a dialogue file, shared by the statement,
/// line-text and expression parsers. It walks Unicode scalars rather than characters
/// (grapheme clusters): the syntax is all ASCII, and scalars are several times cheaper.
/// Columns in diagnostics count scalars.
struct LineCursor {
    let characters: [Unicode.Scalar]
    let file: String
    let lineNumber: Int
    var index = 0

    init(_ text: Substring, file: String, lineNumber: Int) {
        characters = Array(text.unicodeScalars)
        self.file = file
        self.lineNumber = lineNumber
    }

    var location: SourceLocation { location(at: index) }

    func location(at index: Int) -> SourceLocation {
        SourceLocation(file: file, line: lineNumber, column: index + 1)
    }

    var isAtEnd: Bool { index >= characters.count }
    var peek: Unicode.Scalar? { index < characters.count ? characters[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    func hasPrefix(_ text: String) -> Bool {
        var offset = 0
        for character in text.unicodeScalars {
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
        while let character = peek, character.isLetter || character.isDigit || character == "_" {
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

extension LineCursor {
    /// The text of a range of the line.
    func text(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: characters[range])
        return String(result)
    }
}

extension Unicode.Scalar {
    /// A letter in any script (identifiers may use them).
    var isLetter: Bool { properties.isAlphabetic }
    /// A decimal digit in any script.
    var isDigit: Bool { properties.numericType == .decimal }
}

extension String {
    /// Appends one scalar of a line being parsed.
    mutating func append(_ scalar: Unicode.Scalar) {
        unicodeScalars.append(scalar)
    }
}
