import DialogueRuntime

/// Splits a dialogue file into nodes (headers, `---`, body, `===`) and parses each body.
///
/// Parsing goes on after an error, so one run reports every problem it can find.
enum FileParser {
    static func parse(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> FileSyntax {
        let lines = source.lines
        var nodes: [NodeSyntax] = []
        var index = 0
        let diagnosticsBefore = diagnostics.count
        func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
            SourceLocation(file: source.path, line: line + 1, column: column)
        }
        // A control character (a NUL byte, an escape) shows as nothing or as garbage on the
        // person's screen: refused where it stands, once per line.
        for (number, line) in lines.enumerated() {
            if let column = line.unicodeScalars.firstIndex(where: {
                ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F
            }) {
                let scalar = line.unicodeScalars[column]
                let hex = String(scalar.value, radix: 16, uppercase: true)
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location(
                            number, line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: column) + 1),
                        "this line holds a control character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)); remove it"
                    ))
            }
        }
        // File tags (`#text` lines), blank lines and comments may come before the first node.
        while index < lines.count {
            let trimmed = lines[index].trimmingSpaces
            guard trimmed.isEmpty || trimmed.hasPrefix("//") || trimmed.hasPrefix("#") else { break }
            index += 1
        }
        while index < lines.count {
            let trimmed = lines[index].trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("//") {
                index += 1
                continue
            }
            // Headers up to `---`.
            let nodeStart = index
            var headers: [Header] = []
            var whenHeaders: [WhenHeader] = []
            var titleLocation: SourceLocation?
            var foundBody = false
            while index < lines.count {
                let line = lines[index]
                let trimmedLine = line.trimmingSpaces
                if trimmedLine == "---" {
                    foundBody = true
                    break
                }
                if trimmedLine == "===" { break }
                if !trimmedLine.isEmpty, !trimmedLine.hasPrefix("//") {
                    if let header = header(in: line) {
                        if header.key == "title" {
                            if titleLocation != nil {
                                diagnostics.append(
                                    Diagnostic(.error, at: location(index), "this node already has a title"))
                            } else {
                                let afterColon =
                                    line.firstIndex(of: ":").map { line[line.index(after: $0)...] } ?? line[...]
                                let valueStart =
                                    afterColon.firstIndex { $0 != " " && $0 != "\t" } ?? afterColon.endIndex
                                titleLocation = location(
                                    index, line.distance(from: line.startIndex, to: valueStart) + 1)
                            }
                        }
                        if header.key == "when" {
                            do {
                                whenHeaders.append(try WhenHeader.parse(line, file: source.path, lineNumber: index + 1))
                            } catch {
                                diagnostics.append(error)
                            }
                        }
                        if header.key == "tracking", header.value != "always", header.value != "never" {
                            diagnostics.append(
                                Diagnostic(
                                    .error, at: location(index),
                                    "'tracking:' is 'always' or 'never' (whether visited() counts this node), not '\(header.value)'"
                                ))
                        }
                        headers.append(header)
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                .error, at: location(index),
                                "expected a header like 'title: Name' or the line '---' that starts the node's body"))
                    }
                }
                index += 1
            }
            guard foundBody else {
                diagnostics.append(
                    Diagnostic(
                        .error, at: location(nodeStart),
                        "this node has no body: add a line '---' after its headers, then the body, then '==='"))
                index += 1
                continue
            }
            let bodyLocation = location(index)
            index += 1
            let bodyStart = index
            while index < lines.count, lines[index].trimmingSpaces != "===" { index += 1 }
            if index >= lines.count {
                let lastLine = lines.lastIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0
                diagnostics.append(
                    Diagnostic(
                        .error, at: location(lastLine),
                        "the node that starts at line \(nodeStart + 1) is missing its closing '==='"))
            }
            let bodyLines = Array(lines[bodyStart..<min(index, lines.count)])
            index += 1

            let title = headers.first { $0.key == "title" }?.value ?? ""
            guard let titleLocation else {
                diagnostics.append(Diagnostic(.error, at: location(nodeStart), "this node has no 'title:' header"))
                continue
            }
            guard isValidTitle(title) else {
                diagnostics.append(
                    Diagnostic(
                        .error, at: titleLocation,
                        "'\(title)' is not a valid node title: use letters, digits and '_', starting with a letter or '_'"
                    ))
                continue
            }
            var bodyParser = BodyParser(file: source.path, firstLine: bodyStart + 1, lines: bodyLines)
            let body = bodyParser.parse(diagnostics: &diagnostics)
            nodes.append(
                NodeSyntax(
                    title: title, titleLocation: titleLocation, name: title, headers: headers,
                    whenHeaders: whenHeaders, subtitle: headers.first { $0.key == "subtitle" }?.value,
                    isTracked: headers.first { $0.key == "tracking" }?.value != "never", enums: bodyParser.enums,
                    body: body,
                    bodyLocation: bodyLocation,
                    bodyVersion: StableHash.of(bodyLines.joined(separator: "\n"))))
        }
        if nodes.isEmpty, diagnostics.count == diagnosticsBefore {
            diagnostics.append(Diagnostic(.warning, at: location(0), "this file has no nodes"))
        }
        return FileSyntax(path: source.path, nodes: nodes)
    }

    /// `key: value`, with the value's trailing comment removed.
    private static func header(in line: Substring) -> Header? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingSpaces
        guard let first = key.first, first.isLetter || first == "_",
            key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else {
            return nil
        }
        var value = Substring(line[line.index(after: colon)...])
        if let comment = value.range(of: "//") { value = value[..<comment.lowerBound] }
        return Header(key: String(key), value: String(value.trimmingSpaces))
    }

    static func isValidTitle(_ title: String) -> Bool {
        guard let first = title.first, first.isLetter || first == "_" else { return false }
        return title.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    public var trimmingSpaces: Substring { self[...].trimmingSpaces }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs (cheaper than Foundation's
    /// character-set trimming, which matters on multi-megabyte scripts).
    public var trimmingSpaces: Substring {
        let text = self
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return text[text.endIndex...] }
        let last = text.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? first
        return text[first...last]
    }
}
