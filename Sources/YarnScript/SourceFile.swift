import Foundation

/// The text of one dialogue file, ready to parse.
public struct SourceFile: Hashable, Sendable {
    /// The path shown in diagnostics.
    public var path: String
    /// The file's text, without a byte-order mark.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// Reads a file as UTF-8. A file that is not valid UTF-8 gives a diagnostic at the
    /// first bad byte instead of a garbled program.
    public static func load(path: String) throws(Diagnostic) -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "cannot read this file")
        }
        return try decode(data, path: path)
    }

    /// Decodes file contents as UTF-8, reporting the line and column of the first invalid byte.
    public static func decode(_ data: Data, path: String) throws(Diagnostic) -> SourceFile {
        if let text = String(validating: data, as: UTF8.self) {
            return SourceFile(path: path, text: text)
        }
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error, .emptyInput: break parsing
            }
        }
        let prefix = String(decoding: data.prefix(offset), as: UTF8.self)
        let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        let byte = offset < data.count ? String(format: "0x%02X", data[data.startIndex + offset]) : "at the end"
        throw Diagnostic(
            .error, at: SourceLocation(file: path, line: lines.count, column: (lines.last?.count ?? 0) + 1),
            "this file is not valid UTF-8 (unexpected byte \(byte)); save it as UTF-8")
    }

    /// The file's lines without their `\n`, `\r\n` or `\r` endings (split on bytes, which
    /// is much faster than on characters for large files).
    var lines: [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(Substring(text[start..<index]))
                var next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(Substring(text[start..<utf8.endIndex]))
        return lines
    }
}
