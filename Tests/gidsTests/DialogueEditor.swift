import DialogueRuntime
import Foundation

/// Random edits to the Yarn files of a content folder, as an author updating the content
/// would make them: a line inserted, deleted or reworded, an option added, removed or
/// reworded. Each edit stays inside one node and keeps the file valid; which nodes were
/// edited is recorded, per language folder, for the test to compare against.
struct DialogueEditor {
    enum Kind: String, CaseIterable {
        case insertLine, deleteLine, rewordLine, insertOption, deleteOption, rewordOption
    }

    /// One node of a file: its title and the range of its body lines.
    private struct NodeSpan {
        var title: String
        var body: Range<Int>
    }

    private(set) var edited: [String: Set<String>] = [:]
    private(set) var kindsUsed: Set<Kind> = []
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(state: seed)
    }

    /// Edits the named nodes of the `.yarn` files in `folder` (a language folder), one edit
    /// each, of a kind the node allows; returns how many nodes were edited.
    @discardableResult
    mutating func edit(nodes wanted: Set<String>, in folder: URL, language: String) throws -> Int {
        var count = 0
        for file in try Self.yarnFiles(in: folder) {
            var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            // From the last node up, so that the line numbers of the nodes still to edit hold.
            for node in Self.nodes(in: lines).reversed() where wanted.contains(node.title) {
                if edit(&lines, node) {
                    edited[language, default: []].insert(node.title)
                    count += 1
                }
            }
            try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        return count
    }

    /// Every node title of the files in `folder`.
    static func titles(in folder: URL) throws -> [String] {
        try yarnFiles(in: folder).flatMap {
            nodes(in: try String(contentsOf: $0, encoding: .utf8).components(separatedBy: "\n")).map(\.title)
        }
    }

    /// The folder's `.yarn` files in name order, so that the same seed makes the same edits.
    private static func yarnFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter {
            $0.pathExtension == "yarn"
        }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func nodes(in lines: [String]) -> [NodeSpan] {
        var spans: [NodeSpan] = []
        var title: String?
        var bodyStart: Int?
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("title:") { title = line.dropFirst("title:".count).trimmingCharacters(in: .whitespaces) }
            if line == "---" { bodyStart = index + 1 }
            if line == "===", let start = bodyStart, let name = title {
                spans.append(NodeSpan(title: name, body: start..<index))
                title = nil
                bodyStart = nil
            }
        }
        return spans
    }

    private static func indentation(_ line: String) -> String {
        String(line.prefix { $0 == " " })
    }

    private static func content(_ line: String) -> Substring {
        line.drop { $0 == " " }
    }

    /// A line a person reads: not a command, option, line-group item, comment or blank.
    private static func isText(_ line: String) -> Bool {
        let text = content(line)
        return !text.isEmpty && !["->", "=>", "<<", "//", "#"].contains { text.hasPrefix($0) }
    }

    private static func isOption(_ line: String) -> Bool {
        content(line).hasPrefix("-> ")
    }

    /// One edit of a kind the node allows, kinds taken in turn from a random start.
    private mutating func edit(_ lines: inout [String], _ node: NodeSpan) -> Bool {
        let texts = node.body.filter { Self.isText(lines[$0]) }
        let options = node.body.filter { Self.isOption(lines[$0]) }
        let kinds = Kind.allCases
        let first = Int.random(in: 0..<kinds.count, using: &random)
        for offset in 0..<kinds.count {
            let kind = kinds[(first + offset) % kinds.count]
            let sites: [Int]
            switch kind {
            case .insertLine, .deleteLine, .rewordLine: sites = texts
            case .insertOption, .rewordOption: sites = options
            case .deleteOption:
                // Only where another option stands at the same indentation, so a choice remains.
                sites = options.filter { index in
                    options.contains { $0 != index && Self.indentation(lines[$0]) == Self.indentation(lines[index]) }
                }
            }
            guard let site = sites.randomElement(using: &random) else { continue }
            apply(kind, at: site, in: &lines, node: node)
            kindsUsed.insert(kind)
            return true
        }
        return false
    }

    private func apply(_ kind: Kind, at site: Int, in lines: inout [String], node: NodeSpan) {
        let indent = Self.indentation(lines[site])
        switch kind {
        case .insertLine: lines.insert(indent + "Een regel die er bij de update bij kwam.", at: site + 1)
        case .deleteLine: lines.remove(at: site)
        case .rewordLine: lines[site] = indent + "Bijgewerkt: " + Self.content(lines[site])
        case .insertOption: lines.insert(indent + "-> Een keuze die er bij de update bij kwam", at: site)
        case .rewordOption: lines[site] = indent + "-> Bijgewerkt: " + Self.content(lines[site]).dropFirst(3)
        case .deleteOption:
            // The option and its body: the lines after it indented deeper.
            var end = site + 1
            while end < node.body.upperBound,
                lines[end].trimmingCharacters(in: .whitespaces).isEmpty
                    || Self.indentation(lines[end]).count > indent.count
            {
                end += 1
            }
            lines.removeSubrange(site..<end)
        }
    }
}
