import ArgumentParser
import Foundation
import Guide
import YarnScript

/// `gids graph`: a dialogue as a picture, in Graphviz's DOT language or as a Mermaid flowchart.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a dialogue: its nodes per file, jumps, detours, options, node groups and host commands.",
        discussion: """
            Given a content folder (default: the installed one), draws one language's dialogue; given \
            files or folders inside it, draws their nodes and where they lead. Nodes that give the host \
            commands (the crisis lines, the help map, remembering) are filled, nodes never reached are \
            red. Render DOT with Graphviz: gids graph | dot -Tsvg > dialogue.svg
            """
    )

    @Argument(help: "A content folder, or dialogue files and folders (default: the dialogues folder).")
    var paths: [String] = []

    @Option(
        name: .customLong("lang"),
        help: "For a content folder: the language whose dialogue to draw (default: the first, nl).")
    var language: String?

    @Option(help: "dot (Graphviz) or mermaid.")
    var format: GraphFormat = .dot

    func run() throws {
        let project = try DialogueSelection.one(
            of: ContentFolder.projects(for: paths.isEmpty ? [try DialogueLocation.defaultDirectory()] : paths),
            language: language)
        let (drawn, diagnostics) = Compiler.gids.graph(paths: project.paths, hostCommands: HostCommand.names)
        guard var graph = drawn else {
            for diagnostic in diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            printError("gids graph: the dialogue has the errors above; fix them (gids check) and draw it again")
            throw ExitCode(1)
        }
        if let shown = project.shown { graph = graph.focused(on: shown) }
        if let content = project.content {
            for index in graph.nodes.indices { graph.nodes[index].file = content.relative(graph.nodes[index].file) }
        }
        switch format {
        case .dot:
            print(
                GraphvizRenderer.render(graph, title: project.language.map { "gids \($0)" } ?? "gids"), terminator: "")
        case .mermaid: print(MermaidRenderer.render(graph), terminator: "")
        }
    }
}
