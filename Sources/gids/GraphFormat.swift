import ArgumentParser

/// How `gids graph` draws a dialogue.
enum GraphFormat: String, CaseIterable, ExpressibleByArgument {
    /// Graphviz's DOT language: `gids graph | dot -Tsvg > dialogue.svg`.
    case dot
    /// A Mermaid flowchart, for Markdown (GitHub shows it as a picture).
    case mermaid
}
