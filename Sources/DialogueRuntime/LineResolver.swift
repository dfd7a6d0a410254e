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
    /// placeholder stays as typed. Braces around anything else stay as they are. The template
    /// is scanned as UTF-8 bytes, since the braces and digits it looks for are ASCII: walking
    /// it as characters cost a fifth of a served turn.
    static func fill(_ template: String, with substitutions: [String]) -> String {
        let bytes = template.utf8
        guard !substitutions.isEmpty, template.containsUTF8(UInt8(ascii: "{")) else { return template }
        var result = ""
        var copied = bytes.startIndex
        var searched = bytes.startIndex
        while let open = bytes[searched...].firstIndex(of: UInt8(ascii: "{")) {
            let digits = bytes[bytes.index(after: open)...].prefix {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            }
            if digits.endIndex < bytes.endIndex, bytes[digits.endIndex] == UInt8(ascii: "}"),
                let index = placeholderNumber(digits), substitutions.indices.contains(index)
            {
                result += template[copied..<open]
                result += substitutions[index]
                copied = bytes.index(after: digits.endIndex)
                searched = copied
            } else {
                searched = bytes.index(after: open)
            }
        }
        return result + template[copied...]
    }

    /// The number ASCII digits write, when written the one way it is (`7`, not `07`), and small.
    private static func placeholderNumber(_ digits: Substring.UTF8View) -> Int? {
        guard !digits.isEmpty, digits.count <= 6, digits.count == 1 || digits.first != UInt8(ascii: "0") else {
            return nil
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
