import Foundation
import Testing

/// Graphviz's `dot`, if this machine has it (Debian's `graphviz`; `.ci/run` installs it).
let graphvizDot: String? = ["/usr/bin/dot", "/usr/local/bin/dot"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// `gids graph`: every shipped dialogue drawn, and the drawing rendered by Graphviz itself.
@Suite struct GraphCommandTests {
    @Test(
        "every shipped dialogue, whole and file by file, renders with Graphviz without a warning",
        .enabled(
            if: graphvizDot != nil,
            "Graphviz's dot is not installed, so nothing was rendered (apt-get install graphviz)"))
    func shippedDialoguesRender() throws {
        let folder = repositoryRoot.appendingPathComponent("Dialogues")
        var drawings = ["nl", "en"].map { ["graph", folder.path, "--lang", $0] }
        for language in ["nl", "en"] {
            for base in [
                folder.appendingPathComponent(language), folder.appendingPathComponent("practice/\(language)"),
            ] {
                let files = try FileManager.default.contentsOfDirectory(atPath: base.path).filter {
                    $0.hasSuffix(".yarn")
                }
                drawings += files.map { ["graph", base.appendingPathComponent($0).path] }
            }
        }
        #expect(drawings.count > 20)
        for arguments in drawings {
            let run = try gids(arguments)
            #expect(run.status == 0, "\(arguments): \(run.errorOutput)")
            let rendered = try runProgram(
                URL(fileURLWithPath: graphvizDot ?? "dot"), ["-Tsvg", "-o", "/dev/null"], input: run.output)
            #expect(rendered.status == 0 && rendered.errorOutput.isEmpty, "\(arguments): \(rendered.errorOutput)")
        }
    }

    @Test("gids graph --format mermaid draws a file of a content folder with the nodes it leads to")
    func mermaidOfOneFile() throws {
        let run = try gids(["graph", "Dialogues/nl/checkin.yarn", "--format", "mermaid"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("flowchart LR\n"))
        #expect(run.output.contains("subgraph f0[\"nl/checkin.yarn\"]"))
        #expect(run.output.contains("HelpMap<br/>#lt;#lt;help_map#gt;#gt;"))
        #expect(!run.output.contains("nl/start.yarn"), "only the nodes the check-in leads to, not every file")
    }

    @Test("gids graph on a dialogue with errors draws nothing and says to fix them first")
    func brokenDialogue() throws {
        let folder = try temporaryFolder("graph")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.yarn")
        try "title: Start\n---\n<<jump Nergens>>\n===\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try gids(["graph", file.path])
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errorOutput.contains("a.yarn:3:8: error: jump to unknown node 'Nergens'"))
        #expect(run.errorOutput.contains("fix them (gids check)"))
    }
}
