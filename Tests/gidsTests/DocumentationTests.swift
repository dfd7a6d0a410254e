import Foundation
import Testing

/// The README and the pages under docs/ link to each other: every link to a file of the
/// repository, or to a heading in one, leads somewhere.
@Suite struct DocumentationTests {
    /// The Markdown pages: the README and docs/*.md.
    private static func pages() throws -> [URL] {
        let docs = repositoryRoot.appendingPathComponent("docs")
        return [repositoryRoot.appendingPathComponent("README.md")]
            + (try FileManager.default.contentsOfDirectory(at: docs, includingPropertiesForKeys: nil)).filter {
                $0.pathExtension == "md"
            }
    }

    /// A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens.
    private static func anchor(_ heading: String) -> String {
        String(
            heading.lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_"
                    ? character : nil
            })
    }

    private static func anchors(in text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").filter { $0.hasPrefix("#") }.map {
                anchor($0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces))
            })
    }

    @Test("every link of the README and docs/ to a file or a heading of the repository resolves")
    func linksResolve() throws {
        let link = /\]\(([^)\s]+)\)/
        var checked = 0
        for page in try Self.pages() {
            let text = try String(contentsOf: page, encoding: .utf8)
            for match in text.matches(of: link) {
                let target = String(match.output.1)
                guard !target.contains("://") else { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(
                    String.init)
                let file = parts[0].isEmpty ? page : page.deletingLastPathComponent().appendingPathComponent(parts[0])
                #expect(
                    FileManager.default.fileExists(atPath: file.path),
                    "\(page.lastPathComponent) links to \(target), which is not there")
                if parts.count == 2, let linked = try? String(contentsOf: file, encoding: .utf8) {
                    #expect(
                        Self.anchors(in: linked).contains(parts[1]),
                        "\(page.lastPathComponent) links to \(target), a heading that is not there")
                }
                checked += 1
            }
        }
        #expect(checked >= 20)
    }
}
