import ArgumentParser
import Foundation
import SessionStore

/// `--data-dir`: where gids keeps what a person allowed it to remember.
struct DataFolderOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Where gids keeps what you allow it to remember (default: $XDG_DATA_HOME/gids, else ~/.local/share/gids).",
            valueName: "folder"), completion: .directory)
    var dataDir: String?

    /// The data folder.
    var folder: String {
        if let dataDir { return dataDir }
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/gids" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/gids"
    }

    /// A person's own memory: the database in the data folder.
    var databasePath: String { folder + "/" + SQLiteFollowUpStore.fileName }
}
