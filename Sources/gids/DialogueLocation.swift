import ArgumentParser
import Foundation

/// Finds the `Dialogues/` folder, in this order: `--dialogues`, `$GIDS_DIALOGUES`, the
/// installed content beside the program (`PREFIX/share/gids/Dialogues` for `PREFIX/bin/gids`),
/// and, only for a program built inside a source tree (`swift run`), that tree's `Dialogues/`.
/// The folder gids happens to start in is never searched: a stray `Dialogues/` there must not
/// silently replace the content an operator installed.
enum DialogueLocation {
    static func defaultDirectory() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["GIDS_DIALOGUES"], !configured.isEmpty {
            guard isFolder(configured) else {
                throw ValidationError("GIDS_DIALOGUES names \(configured), which is not a folder")
            }
            return configured
        }
        if let installed = installedDirectory, isFolder(installed) { return installed }
        if let executable, executable.hasPrefix(sourceRoot + "/.build/"), isFolder(sourceRoot + "/Dialogues") {
            return sourceRoot + "/Dialogues"
        }
        throw ValidationError(
            "cannot find the dialogues: expected \(installedDirectory ?? "PREFIX/share/gids/Dialogues") beside the program; give --dialogues or set GIDS_DIALOGUES"
        )
    }

    /// Where `make install` puts the content, relative to the running program.
    static var installedDirectory: String? {
        executable.map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "share/gids/Dialogues"
            ).path
        }
    }

    /// The running program, with symbolic links resolved.
    static let executable: String? = {
        let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if link != "/proc/self/exe" { return link }
        return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }()

    /// The folder of the source tree gids was built from.
    static let sourceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
