import DialogueRuntime
import Foundation
import YarnScript

/// A translation of a source language's dialogue: a Yarn Spinner strings table saved in that
/// dialogue's folder under the translation's language code (`nl/fy.csv`, made with
/// `gids strings Dialogues --lang nl`). Its lines replace the source's one by one; a line
/// it lacks is shown in the source language.
struct Translation {
    let language: Language
    let source: Language
    let file: String
    let table: StringTable

    /// Reads a translation and checks it against the program of the dialogue it translates.
    /// Errors keep it from loading: a table that cannot be read, a translated line with a
    /// placeholder the line has no value for. Warnings name what a translator should look at:
    /// lines with no translation (at the line in the dialogue), translations of lines the
    /// dialogue no longer has, and translations made from an older text (their `lock`).
    static func load(file: String, language: Language, source: Language, program: Program) -> (
        Translation?, [Diagnostic]
    ) {
        func at(_ row: Int) -> SourceLocation { SourceLocation(file: file, line: max(row, 1), column: 1) }
        let table: StringTable
        do {
            table = try StringTable(csv: try SourceFile.load(path: file).text, file: file)
        } catch let error as StringTable.FormatError {
            return (nil, [Diagnostic(.error, at: at(error.row), error.message)])
        } catch let error as Diagnostic {
            return (nil, [error])
        } catch {
            return (nil, [Diagnostic(.error, at: at(1), "\(error)")])
        }
        var diagnostics: [Diagnostic] = []
        if !table.language.isEmpty, table.language != language.rawValue {
            diagnostics.append(
                Diagnostic(
                    .warning, at: at(2),
                    "the language column says '\(table.language)', but this file is the \(language) translation; write \(language) in it"
                ))
        }
        for (id, entry) in table.entries.sorted(by: { $0.value.row < $1.value.row }) {
            guard let line = program.lines[id] else {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: at(entry.row),
                        "the \(source) dialogue has no line '\(id)' (any more); this translation of it is not used"))
                continue
            }
            let values = placeholders(in: line.text)
            if let extra = placeholders(in: entry.text).first(where: { $0 >= values.count }) {
                diagnostics.append(
                    Diagnostic(
                        .error, at: at(entry.row),
                        "the translation of '\(id)' uses {\(extra)}, but the line has \(describe(values.count))"
                    ))
            }
            if let lock = entry.lock, lock != StringTable.lock(of: line.text) {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: at(entry.row),
                        "the \(source) text of '\(id)' changed since it was translated (it now reads '\(line.text)'); check the translation and write its new lock, \(StringTable.lock(of: line.text))"
                    ))
            }
        }
        for (id, line) in program.lines.sorted(by: {
            ($0.value.file, $0.value.lineNumber) < ($1.value.file, $1.value.lineNumber)
        })
        where table.entries[id] == nil {
            diagnostics.append(
                Diagnostic(
                    .warning, at: SourceLocation(file: line.file, line: line.lineNumber, column: 1),
                    "this line has no \(language) translation in \((file as NSString).lastPathComponent) ('\(id)'); it is shown in \(source)"
                ))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Translation(language: language, source: source, file: file, table: table), diagnostics)
    }

    /// The values a line has, for a message: `no values`, `only {0}`, `only {0} to {2}`.
    private static func describe(_ count: Int) -> String {
        switch count {
        case 0: "no values"
        case 1: "only {0}"
        default: "only {0} to {\(count - 1)}"
        }
    }

    /// The numbers of the placeholders (`{0}`, `{1}`) in a line's text.
    private static func placeholders(in text: String) -> Set<Int> {
        var numbers: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            rest = rest[rest.index(after: open)...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, rest.dropFirst(digits.count).first == "}", let number = Int(digits) {
                numbers.insert(number)
            }
        }
        return numbers
    }
}
