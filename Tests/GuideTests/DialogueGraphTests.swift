import DialogueRuntime
import Foundation
import Guide
import Testing
import YarnScript

/// `gids graph`'s picture of a dialogue is built from the dialogue as written; the compiled
/// program is what runs. They must agree on every way from one node to another.
@Suite struct DialogueGraphTests {
    struct Way: Hashable, CustomStringConvertible {
        var from: String
        var to: String
        var kind: DialogueGraph.EdgeKind
        var description: String { "\(from) -\(kind.rawValue)-> \(to)" }
    }

    /// Every jump, detour and node-group member the compiled program goes to by name.
    static func compiledWays(of program: Program) -> Set<Way> {
        var ways: Set<Way> = []
        for node in program.nodes.values {
            for instruction in node.instructions {
                switch instruction {
                case .jumpToNode(.constant(.string(let target))):
                    ways.insert(Way(from: node.name, to: target, kind: .jump))
                case .detourToNode(.constant(.string(let target))):
                    ways.insert(Way(from: node.name, to: target, kind: .detour))
                case .runNodeGroup(let members):
                    for member in members { ways.insert(Way(from: node.name, to: member.node, kind: .member)) }
                default: break
                }
            }
        }
        return ways
    }

    static func drawnWays(of graph: DialogueGraph) -> Set<Way> {
        Set(graph.edges.map { Way(from: $0.from, to: $0.to, kind: $0.kind) })
    }

    @Test("the graph of every shipped dialogue has exactly the compiler's jumps and detours", arguments: ["nl", "en"])
    func shippedEdgesAreCompiledJumps(language: String) throws {
        let folder = try #require(ContentFolder(repositoryRoot.appendingPathComponent("Dialogues").path))
        let paths = folder.dialoguePaths(for: try #require(Language(rawValue: language)))
        let program = try #require(GuideContent.compiler.compile(paths: paths).program)
        let graph = try #require(
            GuideContent.compiler.graph(paths: paths, hostCommands: HostCommand.names).graph)
        #expect(graph.computedTargets.isEmpty)
        #expect(Self.drawnWays(of: graph) == Self.compiledWays(of: program))
        #expect(Self.drawnWays(of: graph).count > 100)
        #expect(Set(graph.nodes.map(\.name)) == Set(program.nodes.keys))
        #expect(graph.nodes.contains { $0.hostCommands.contains("crisis_lines") })
        #expect(graph.nodes.contains { $0.hostCommands.contains("help_map") })
        #expect(graph.nodes.contains { $0.hostCommands.contains("remember") })
    }

    @Test("a node group, its members, the options on the way and a node never reached are drawn as compiled")
    func groupsOptionsAndUnreachableNodes() throws {
        let script = """
            title: Start
            ---
            -> Groeten
                <<detour Groet>>
            -> Stoppen
                <<jump Einde>>
            ===
            title: Groet
            when: always
            ---
            Hoi.
            ===
            title: Groet
            when: once
            subtitle: Eerste
            ---
            Welkom.
            <<crisis_lines>>
            ===
            title: Einde
            ---
            Doei.
            ===
            title: Vergeten
            ---
            Niemand komt hier.
            ===

            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString).yarn")
        try script.write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiler = Compiler()
        let graph = try #require(compiler.graph(paths: [folder.path], hostCommands: ["crisis_lines"]).graph)
        let program = try #require(compiler.compile(paths: [folder.path]).program)
        #expect(Self.drawnWays(of: graph) == Self.compiledWays(of: program))
        #expect(graph.edges.first { $0.to == "Groet" }?.options == ["Groeten"])
        #expect(graph.nodes.first { $0.name == "Groet" }?.isGroup == true)
        #expect(graph.nodes.first { $0.name == "Groet.Eerste" }?.hostCommands == ["crisis_lines"])
        #expect(graph.nodes.filter(\.isUnreachable).map(\.name) == ["Vergeten"])
        let dot = GraphvizRenderer.render(graph)
        #expect(dot.contains("\"Start\" -> \"Groet\" [style=dashed, label=\"Groeten\"];"))
        #expect(dot.contains("\"Groet\" -> \"Groet.Eerste\" [style=dotted, arrowhead=open, label=\"when: once\"];"))
        let mermaid = MermaidRenderer.render(graph)
        #expect(mermaid.hasPrefix("flowchart LR\n"))
        #expect(mermaid.contains("-.-o|\"when: always\"|"))
        #expect(mermaid.contains("class ") && mermaid.contains(" unreachable\n"))
    }
}
