import Foundation

/// Dialogue files compiled together as one project, and which of them a command was asked about.
public struct DialogueProject: Sendable {
    /// The files and folders to compile.
    public var paths: [String]
    /// The files (standardised paths) the command was given, when it was given only some of the
    /// project's; nil for all.
    public var shown: Set<String>?
    /// The language of the dialogue, for a project of a content folder.
    public var language: Language?
    /// The content folder the project belongs to, if any.
    public var content: ContentFolder?

    /// Whether a file is one the command was asked about.
    public func shows(_ file: String) -> Bool {
        shown?.contains(URL(fileURLWithPath: file).standardizedFileURL.path) ?? true
    }
}
