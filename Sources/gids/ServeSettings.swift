import ArgumentParser
import Foundation
import Guide
import LineProtocol
import SessionStore

/// The wire format of `serve` and `reply`, as the command line names it.
enum WireFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case plain

    /// The line protocol's format of this name.
    var lineFormat: LineFormat {
        switch self {
        case .json: .json
        case .plain: .plain
        }
    }
}

/// What `gids serve` and `gids reply` share: the store and its key, organisation profiles,
/// how long conversations are kept, the format.
struct ServeSettings: ParsableArguments {
    @OptionGroup var guide: GuideSettings

    @Option(
        help: ArgumentHelp(
            "The session store: a file (default: the data folder's serve.sqlite, apart from a person's own gids.sqlite) or :memory:.",
            valueName: "path"), completion: .file())
    var store: String?

    @Option(
        help: ArgumentHelp(
            "The store's key file (default: the store's path + .key); it may live in another folder than the store.",
            valueName: "path"), completion: .file())
    var keyFile: String?

    @Option(
        help: ArgumentHelp(
            "An extra organisation profile a 'start' line may name, as NAME=FILE (repeatable).", valueName: "name=file")
    )
    var profile: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Delete a conversation, with everything typed in it, after this many hours without a message (a consented follow-up stays).",
            valueName: "hours"))
    var forgetAfter = 12

    @Option(help: "json (one JSON object per line) or plain (tab-separated, for shell bridges).")
    var format: WireFormat = .json

    var storePath: String { store ?? guide.dataFolder + "/" + SessionDatabase.defaultFileName }

    func validate() throws {
        for entry in profile where !entry.contains("=") {
            throw ValidationError("--profile needs NAME=FILE, not '\(entry)'")
        }
        try OptionRange.require(forgetAfter, atLeast: 1, for: "--forget-after", unit: "hour")
    }

    /// The content per profile: "" is the default (with `--org`, if given). On errors prints
    /// them and exits 1 (an organisation file with errors is left out instead, see
    /// ``GuideSettings/loadContent()``).
    func loadContents() throws -> [String: GuideContent] {
        try contentsByProfile { try $0.loadContent() }
    }

    /// The content per profile read again, for a reload: any error refuses it.
    func reloadContents() throws -> [String: GuideContent] {
        try contentsByProfile { try $0.reloadContent() }
    }

    private func contentsByProfile(_ load: (GuideSettings) throws -> GuideContent) throws -> [String: GuideContent] {
        var contents = ["": try load(guide)]
        for entry in profile {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            var settings = guide
            settings.org = parts[1]
            contents[parts[0]] = try load(settings)
        }
        return contents
    }

    /// The store, or a clear message and exit 1 (a damaged or foreign file is never touched). A
    /// store that cannot be written (a read-only file system) is said so in plain words and
    /// opened for reading only, so that a crisis still gets the crisis answer.
    func openStore() throws -> SessionDatabase {
        if store == nil, !FileManager.default.fileExists(atPath: storePath),
            SessionDatabase.holdsSessions(atPath: guide.databasePath)
        {
            // An earlier gids kept a bridge's sessions beside a person's own memory.
            printError(
                "gids: sessions are now kept in \(storePath), apart from \(guide.databasePath), which still holds the sessions of an earlier gids; "
                    + "to go on with those, pass --store \(guide.databasePath)")
        }
        let keyFile = keyFile.map(PrivateFile.expanded)
        do {
            return try SessionDatabase(path: storePath, keyFile: keyFile)
        } catch let error as StoreError {
            printError("gids: \(error)")
            guard case .notWritable = error else { throw ExitCode(1) }
            // The crisis answer needs nothing stored: serve it, and say plainly that nothing is kept.
            printError(
                "gids: the store is read as it is and nothing can be stored: every line gets storage_failed, and a crisis the crisis answer"
            )
            do {
                return try SessionDatabase(readingOnly: storePath, keyFile: keyFile, because: error)
            } catch {
                printError("gids: \(error)")
                throw ExitCode(1)
            }
        } catch {
            printError("gids: \(error)")
            throw ExitCode(1)
        }
    }

    /// The server for the store, reading lines in `input`.
    func server(store: SessionDatabase, reading input: LineFormat) throws -> SessionServer {
        let contents = try loadContents()
        guard let content = contents[""] else { throw ExitCode(1) }
        return SessionServer(
            store: store, contents: contents,
            settings: .init(
                language: try guide.language(in: content), region: guide.region, schedule: guide.schedule,
                keptHours: forgetAfter),
            format: input, clock: clock)
    }

    /// Now, or noon of the day `--now` names.
    var clock: @Sendable () -> Date {
        let fixed = guide.fixedDay.map(Self.noon)
        return { fixed ?? Date() }
    }

    /// Noon (UTC) of a day: the moment `--now` stands for.
    static func noon(_ day: DayDate) -> Date {
        var components = DateComponents()
        components.year = day.year
        components.month = day.month
        components.day = day.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components) ?? Date()
    }
}
