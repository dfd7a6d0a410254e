import Yams
import YarnScript

/// Reads a YAML file as a tree whose every value knows its line and column, so that a
/// mistake in an organisation's file is reported as `file:line:col: error: ...`.
struct YAMLReader {
    let file: String
    /// Whether scalars are typed (true, 12, null) or all text: typing runs a regular expression
    /// per scalar, most of the time it takes to read a file of thousands of words.
    var typesScalars = true

    /// The document's root, or a positioned syntax error.
    func root(of text: String) throws(DiagnosticList) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text, typesScalars ? .default : .basic) else {
                throw DiagnosticList([
                    Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "this file is empty")
                ])
            }
            return node
        } catch let error as DiagnosticList {
            throw error
        } catch let error as YamlError {
            throw DiagnosticList([
                Diagnostic(.error, at: location(of: error), "this is not valid YAML: \(Self.problem(of: error))")
            ])
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: 1, column: 1), "this is not valid YAML: \(error)")
            ])
        }
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ node: Node, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location(of: node), message)
    }

    private func location(of error: YamlError) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            SourceLocation(file: file, line: 1, column: 1)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }

    /// The keys and values of a mapping, or an error naming what was expected.
    func mapping(_ node: Node, what: String) throws(DiagnosticList) -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            throw DiagnosticList([error(node, "\(what) must be a mapping of 'key: value' lines")])
        }
        return mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    func sequence(_ node: Node, what: String) throws(DiagnosticList) -> [Node] {
        guard let sequence = node.sequence else {
            throw DiagnosticList([error(node, "\(what) must be a list ('- ' items)")])
        }
        return Array(sequence)
    }

    func string(_ node: Node, what: String) throws(DiagnosticList) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw DiagnosticList([error(node, "\(what) must be text")])
        }
        return scalar.string
    }

    /// Text that is the same in every language, or a mapping with one text per language (`nl:`,
    /// `en:`): one for each source language, and any for a translation (`fy:`).
    func localized(_ node: Node, what: String) throws(DiagnosticList) -> LocalizedText {
        if case .scalar = node { return LocalizedText(try string(node, what: what)) }
        var texts: [Language: String] = [:]
        for (key, keyNode, value) in try mapping(node, what: what) {
            guard let language = Language(rawValue: key) else {
                throw DiagnosticList([
                    error(keyNode, "'\(key)' is not a language code; use one such as nl, en or fy")
                ])
            }
            texts[language] = try string(value, what: "\(what) (\(key))")
        }
        let missing = Language.sources.filter { texts[$0] == nil }
        guard missing.isEmpty else {
            throw DiagnosticList([
                error(node, "\(what) needs a text for \(missing.map(\.rawValue).joined(separator: " and ")) too")
            ])
        }
        return LocalizedText(texts)
    }

    func bool(_ node: Node, what: String) throws(DiagnosticList) -> Bool {
        guard let value = node.bool else { throw DiagnosticList([error(node, "\(what) must be true or false")]) }
        return value
    }
}

/// A text in every language gids speaks.
public struct LocalizedText: Hashable, Sendable {
    /// The text in each language it was written in.
    var texts: [Language: String]
    /// The text for every language, when one was written for all (a phone number).
    var universal: String?

    init(_ text: String) {
        texts = [:]
        universal = text
    }

    init(_ texts: [Language: String]) {
        self.texts = texts
    }

    /// The text in `language`; in Dutch for a language it was not written in.
    public func text(in language: Language) -> String {
        texts[language] ?? universal ?? texts[.nl] ?? ""
    }

    /// Whether there is a text for `language` (one written for it, or one for all).
    public func isWritten(in language: Language) -> Bool {
        universal != nil || texts[language] != nil
    }
}
