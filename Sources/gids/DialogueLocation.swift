import ArgumentParser
import Foundation

/// Finds the `Dialogues/` folder: `$GIDS_DIALOGUES`, else `./Dialogues`, else the one
/// in the source tree gids was built from (so `swift run gids` works from anywhere).
enum DialogueLocation {
    static func defaultDirectory() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let configured = environment["GIDS_DIALOGUES"], !configured.isEmpty { candidates.append(configured) }
        candidates.append("Dialogues")
        candidates.append(sourceRoot + "/Dialogues")
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        throw ValidationError("cannot find the Dialogues folder; set GIDS_DIALOGUES to its path")
    }

    /// The folder of the source tree gids was built from.
    static let sourceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
