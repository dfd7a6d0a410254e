import Foundation
import YarnScript

/// The layout of a content folder (`Dialogues/`, installed as `PREFIX/share/gids/Dialogues`),
/// so that every command given one understands it: each source language's dialogue in a
/// folder of its own, side by side (`nl/`, `en/`), the practice scenarios apart and compiled
/// with their language (`practice/nl/` with `nl/`), each translation a strings table in the
/// folder of the dialogue it translates (`nl/fy.csv`), and the data files (`directory/`,
/// `safety/`, `commands.yaml`, `signals.yaml`).
public struct ContentFolder: Sendable {
    /// The folder, as given.
    public let path: String

    /// The folder at `path`, when it is a content folder: it holds `commands.yaml`, `safety/`
    /// or `directory/`.
    public init?(_ path: String) {
        let manager = FileManager.default
        guard Self.isFolder(path),
            ["commands.yaml", "safety", "directory"].contains(where: {
                manager.fileExists(atPath: (path as NSString).appendingPathComponent($0))
            })
        else { return nil }
        self.path = path
    }

    /// The folder at `path`, taken to be a content folder (for loading one, which reports what it lacks).
    init(at path: String) {
        self.path = path
    }

    /// The content folder that holds `path` (a file or folder below it), if any.
    public static func containing(_ path: String) -> ContentFolder? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while folder.path != "/" {
            if let content = ContentFolder(folder.path) { return content }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The path of something in the folder.
    public func path(_ parts: String...) -> String {
        parts.reduce(URL(fileURLWithPath: path)) { $0.appendingPathComponent($1) }.path
    }

    /// The folders compiled together as one language's dialogue: the language's own and its
    /// practice scenarios.
    public func dialoguePaths(for language: Language) -> [String] {
        [path(language.rawValue), path("practice", language.rawValue)]
    }

    /// The source languages whose dialogue folder is here.
    public var sourceLanguages: [Language] {
        Language.sources.filter { Self.isFolder(path($0.rawValue)) }
    }

    /// The strings tables in a source language's folder (`nl/fy.csv`): the translations of its
    /// dialogue, each with the language it translates into.
    public func translationFiles(of source: Language) -> [(language: Language, file: String)] {
        let folder = path(source.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasSuffix(".csv"), let language = Language(rawValue: String(name.dropLast(4))) else {
                return nil
            }
            return (language, (folder as NSString).appendingPathComponent(name))
        }
    }

    /// `file` as shown relative to the folder (`nl/start.yarn`), or as given when it is elsewhere.
    public func relative(_ file: String) -> String {
        let base = URL(fileURLWithPath: path).standardizedFileURL.path + "/"
        let full = URL(fileURLWithPath: file).standardizedFileURL.path
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : file
    }

    /// What a command given `paths` works on, one project at a time: a content folder is each of
    /// its languages; a file or folder inside one is the dialogue of each language it belongs
    /// to, with only its own files shown; anything else is compiled as ``Compiler/projects(in:)``
    /// groups it.
    public static func projects(for paths: [String]) -> [DialogueProject] {
        var projects: [DialogueProject] = []
        var plain: [String] = []
        for path in paths {
            if let content = ContentFolder(path) {
                projects += content.sourceLanguages.map {
                    DialogueProject(paths: content.dialoguePaths(for: $0), shown: nil, language: $0, content: content)
                }
            } else if let content = containing(path) {
                let shown = Set(
                    Compiler.yarnFiles(in: [path]).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
                for language in content.sourceLanguages {
                    let project = content.dialoguePaths(for: language)
                    let files = Set(
                        Compiler.yarnFiles(in: project).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
                    guard !files.isDisjoint(with: shown) else { continue }
                    // Several paths in one language's dialogue are one project, showing them all.
                    if let same = projects.firstIndex(where: { $0.paths == project && $0.shown != nil }) {
                        projects[same].shown?.formUnion(shown)
                    } else {
                        projects.append(
                            DialogueProject(paths: project, shown: shown, language: language, content: content))
                    }
                }
            } else {
                plain.append(path)
            }
        }
        projects += Compiler.projects(in: plain).map {
            DialogueProject(paths: $0, shown: nil, language: nil, content: nil)
        }
        return projects
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
