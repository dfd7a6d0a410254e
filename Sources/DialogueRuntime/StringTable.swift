import CSV
import Crypto
import Foundation

/// The translated text of a program's lines for one language, read from a Yarn Spinner
/// strings CSV (`language,id,text,file,node,lineNumber,lock,comment`).
public struct StringTable: Hashable, Sendable {
    /// One translated line.
    public struct Entry: Hashable, Sendable {
        public var text: String
        /// The `lock` of the base text it was translated from (see ``lock(of:)``), when given.
        public var lock: String?
        /// Its row in the file (the header is row 1), for diagnostics.
        public var row: Int
    }

    /// The language the table is for.
    public var language: String
    /// The translated lines by line id.
    public var entries: [String: Entry]

    public init(language: String, texts: [String: String]) {
        self.language = language
        entries = texts.mapValues { Entry(text: $0, lock: nil, row: 0) }
    }

    /// Text by line id.
    public var texts: [String: String] { entries.mapValues(\.text) }

    /// The text of a line, or nil when the table has none (the caller falls back to the base text).
    public func text(for id: String) -> String? {
        entries[id]?.text
    }

    /// A problem in a strings file, with the row it is on.
    public struct FormatError: Error, CustomStringConvertible {
        public var file: String
        public var row: Int
        public var message: String
        public var description: String { "\(file):\(row): error: \(message)" }
    }

    /// Reads a strings CSV. Rows with an empty `text` are skipped so that the base text shows.
    public init(csv: String, file: String = "strings.csv") throws {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: csv, hasHeaderRow: true)
        } catch {
            throw FormatError(file: file, row: 1, message: "this is not a readable CSV file (\(error))")
        }
        let header = reader.headerRow ?? []
        guard let idColumn = header.firstIndex(of: "id"), let textColumn = header.firstIndex(of: "text") else {
            throw FormatError(
                file: file, row: 1,
                message: "the header must name the columns 'id' and 'text' (found: \(header.joined(separator: ",")))")
        }
        let languageColumn = header.firstIndex(of: "language")
        let lockColumn = header.firstIndex(of: "lock")
        var entries: [String: Entry] = [:]
        var language = ""
        var row = 1
        while let fields = reader.next() {
            row += 1
            guard fields.count > max(idColumn, textColumn) else {
                throw FormatError(
                    file: file, row: row,
                    message: "expected at least \(max(idColumn, textColumn) + 1) columns, found \(fields.count)")
            }
            if let languageColumn, languageColumn < fields.count, language.isEmpty { language = fields[languageColumn] }
            let text = fields[textColumn]
            guard !text.isEmpty else { continue }
            let lock = lockColumn.flatMap { $0 < fields.count && !fields[$0].isEmpty ? fields[$0] : nil }
            entries[fields[idColumn]] = Entry(text: text, lock: lock, row: row)
        }
        self.language = language
        self.entries = entries
    }

    /// Writes the base text of a program as a strings CSV for translators, one row per
    /// line in file and line order, with each row's `lock` (the first 8 hex digits of the
    /// SHA-256 of its base text) so stale translations can be spotted.
    public static func csv(for program: Program, language: String) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: ["language", "id", "text", "file", "node", "lineNumber", "lock", "comment"])
        let rows = program.lines.sorted {
            ($0.value.file, $0.value.lineNumber, $0.key) < ($1.value.file, $1.value.lineNumber, $1.key)
        }
        for (id, line) in rows {
            let tags = line.tags.filter { !$0.hasPrefix("line:") }
            try writer.write(row: [
                language, id, line.text, line.file, line.node, String(line.lineNumber), lock(of: line.text),
                tags.isEmpty ? "" : "Line metadata: " + tags.joined(separator: " "),
            ])
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension StringTable {
    /// The first 8 hex digits of the SHA-256 of a base text, as Yarn Spinner writes in the `lock`
    /// column: a translation whose lock is not its base text's was made from an older text.
    public static func lock(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}
