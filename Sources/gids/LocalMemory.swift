import Foundation
import Guide
import SessionStore

/// Carries out what a terminal conversation asks for: remembering and forgetting (with
/// consent, in the data folder, for the one person using it) and writing summaries.
///
/// The database is created only when the person first allows gids to remember something.
/// (`@unchecked Sendable`: a terminal conversation calls it from one thread, in turn.)
final class LocalMemory: @unchecked Sendable {
    /// The terminal's only subject: this machine's user.
    static let subject = "local"

    let path: String
    let today: DayDate
    private var store: SQLiteFollowUpStore?
    /// False when an existing file could not be used: then gids remembers nothing.
    private(set) var isUsable = true

    /// Opens an existing database (removing follow-ups past their retention); when it
    /// cannot be used, tells the operator why and carries on without memory.
    init(path: String, today: DayDate) {
        self.path = path
        self.today = today
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            let store = try SQLiteFollowUpStore(path: path)
            try store.deleteExpired(today: today)
            self.store = store
        } catch {
            printError("gids: \(error)")
            isUsable = false
        }
    }

    func load() -> FollowUp? {
        try? store?.followUp(for: Self.subject)
    }

    /// Carries out a conversation's effect; says why when it failed (and tells the operator).
    func perform(_ effect: Effect) -> EffectOutcome {
        do {
            switch effect {
            case .remember(let followUp):
                guard isUsable else { return .failed }
                try checkFolder()
                let store = try self.store ?? SQLiteFollowUpStore(path: path)
                self.store = store
                try store.save(followUp, for: Self.subject)
            case .forget:
                try store?.forget(Self.subject)
            case .forgetConversation:
                // The conversation itself lives only in memory; what was remembered is the file.
                store = nil
                try SQLiteFollowUpStore.destroy(at: path)
            case .writeSummary(let path, let text):
                try PrivateFile.write(text, to: path)
            case .debrief: break  // a practice session shows its debrief itself
            }
            return .done
        } catch let failure as PrivateFile.Failure {
            printError("gids: \(failure)")
            return failure.outcome
        } catch {
            printError("gids: \(error)")
            return .failed
        }
    }

    /// Whether the data folder (or the folder it is to be made in) can be written, with a
    /// reason the person can be told.
    private func checkFolder() throws(PrivateFile.Failure) {
        var folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), folder != "/", !folder.isEmpty {
            folder = (folder as NSString).deletingLastPathComponent
        }
        guard isFolder.boolValue else {
            throw PrivateFile.Failure(path: path, reason: "\(folder) is a file, not a folder", outcome: .folderMissing)
        }
        guard access(folder, W_OK) == 0 else {
            throw PrivateFile.Failure(
                path: path, reason: "no permission to write in \(folder)", outcome: PrivateFile.outcome(of: errno))
        }
    }
}
