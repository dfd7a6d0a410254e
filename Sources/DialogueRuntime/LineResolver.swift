/// Turns the lines the virtual machine delivers into text for one locale: the
/// translation from a string table when there is one, else the base text; then the
/// placeholders filled and the markup processed.
///
/// Lines without placeholders read the same every time: their markup is processed once,
/// when the resolver is made, so make one resolver per program and locale and keep it.
public struct LineResolver: Sendable {
    /// The program whose lines are resolved.
    public let program: Program
    /// Translations by line id; lines not in it fall back to the base text.
    public let translations: StringTable?
    /// The markup parser, set up for the locale.
    public let markup: MarkupParser
    /// The finished text of every line, as it reads without substitutions.
    private let finished: [String: MarkedUpText]

    public init(program: Program, locale: String, translations: StringTable? = nil) {
        self.program = program
        self.translations = translations
        let markup = MarkupParser(locale: locale)
        self.markup = markup
        finished = program.lines.mapValues { line in markup.parse(line.text) }.merging(
            (translations?.entries ?? [:]).mapValues { markup.parse($0.text) }, uniquingKeysWith: { $1 })
    }

    /// The text of a line before markup processing, with its placeholders filled.
    public func rawText(for line: DialogueLine) -> String {
        let template = translations?.text(for: line.id) ?? program.lines[line.id]?.text ?? line.id
        return Self.fill(template, with: line.substitutions)
    }

    /// The finished text of a line.
    public func text(for line: DialogueLine) -> MarkedUpText {
        if line.substitutions.isEmpty, let text = finished[line.id] { return text }
        return markup.parse(rawText(for: line))
    }

    /// Replaces `{0}`, `{1}`, ... with the substitutions (every occurrence), in one pass: a
    /// substituted value is never searched again, so text a person typed that looks like a
    /// placeholder stays as typed. Braces around anything else stay as they are.
    static func fill(_ template: String, with substitutions: [String]) -> String {
        guard !substitutions.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let digits = rest[rest.index(after: open)...].prefix { $0.isASCII && $0.isNumber }
            if digits.endIndex < rest.endIndex, rest[digits.endIndex] == "}", let index = Int(digits),
                String(index) == digits,
                substitutions.indices.contains(index)
            {
                result += substitutions[index]
                rest = rest[rest.index(after: digits.endIndex)...]
            } else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
            }
        }
        return result + rest
    }
}
