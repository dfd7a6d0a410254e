import Foundation
import GRDB
import Guide
import Testing

@testable import SessionStore

/// A fresh folder for one test's database.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gids-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

private let event = DayDate(year: 2026, month: 3, day: 12)!
private let sample = FollowUp(
    eventDate: event, eventKind: "emotionele-impact", isPileUp: true, schedule: .rpog,
    talks: [
        .init(number: 1, date: event, signals: [], signalsAsked: false),
        .init(number: 2, date: event.adding(days: 30), signals: [1, 6, 10], skippedQuestions: 2),
    ])

@Suite struct FollowUpStoreTests {
    @Test("a follow-up is kept in a real SQLite file readable only by its owner, and survives reopening")
    func saveAndReopen() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("data/gids.sqlite").path
        try SQLiteFollowUpStore(path: path).save(sample, for: "local")
        let reopened = try SQLiteFollowUpStore(path: path)
        #expect(try reopened.followUp(for: "local") == sample)
        #expect(try reopened.followUp(for: "someone-else") == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode =
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("data").path)[
                .posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test(
        "follow-ups hold only dates, the kind of event, signal numbers (whether asked, how many questions skipped) and the schedule; sessions their state and activity"
    )
    func onlyStructuredData() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        try SQLiteFollowUpStore(path: path).save(sample, for: "local")
        let schema = try python(
            """
            import sqlite3; c = sqlite3.connect('\(path)')
            for (t,) in c.execute("select name from sqlite_master where type='table' order by name"):
                print(t, [r[1] for r in c.execute(f'pragma table_info({t})')])
            """)
        #expect(
            schema == """
                follow_up ['subject', 'event_date', 'event_kind', 'pile_up', 'schedule', 'closed']
                grdb_migrations ['identifier']
                key_check ['value']
                reachable ['key', 'sealed_session']
                session ['key', 'state', 'profile', 'last_id', 'last_reply', 'last_activity', 'sealed', 'ended', 'answered']
                talk ['subject', 'number', 'date', 'signals', 'signals_asked', 'skipped_questions']

                """)
    }

    @Test("a talk stored before gids kept whether signals were asked reads as asked, with no questions skipped")
    func talkFromBeforeSignalChecks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        try SQLiteFollowUpStore(path: path).save(sample, for: "local")
        // The database as the previous schema left it.
        _ = try python(
            """
            import sqlite3; c = sqlite3.connect('\(path)')
            c.execute("alter table talk drop column signals_asked")
            c.execute("alter table talk drop column skipped_questions")
            c.execute("delete from grdb_migrations where identifier = '6: signal checks'")
            c.commit()
            """)
        let talks = try #require(try SQLiteFollowUpStore(path: path).followUp(for: "local")).talks
        #expect(talks.map(\.signalsAsked) == [true, true])
        #expect(talks.map(\.skippedQuestions) == [0, 0])
        #expect(talks.map(\.signals) == [[], [1, 6, 10]])
    }

    @Test("every commit waits for the disk (synchronous FULL), so a power cut loses no acknowledged turn")
    func commitsReachTheDisk() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try GidsDatabase(path: folder.appendingPathComponent("gids.sqlite").path)
        #expect(try database.writer.write { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try database.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }

    @Test("forgetting removes one subject; destroying removes the whole file")
    func forgetAndDestroy() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        let store = try SQLiteFollowUpStore(path: path)
        try store.save(sample, for: "a")
        try store.save(sample, for: "b")
        try store.forget("a")
        #expect(try store.followUp(for: "a") == nil)
        #expect(try store.followUp(for: "b") == sample)
        try SQLiteFollowUpStore.destroy(at: path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("follow-ups are deleted 100 days after their last conversation")
    func retention() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteFollowUpStore(path: folder.appendingPathComponent("gids.sqlite").path)
        try store.save(sample, for: "local")
        let lastTalk = event.adding(days: 30)
        try store.deleteExpired(today: lastTalk.adding(days: SQLiteFollowUpStore.retentionDays))
        #expect(try store.followUp(for: "local") != nil)
        try store.deleteExpired(today: lastTalk.adding(days: SQLiteFollowUpStore.retentionDays + 1))
        #expect(try store.followUp(for: "local") == nil)
    }

    @Test("another program's database is refused and left exactly as it was")
    func foreignDatabase() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        _ = try python("import sqlite3; c=sqlite3.connect('\(path)'); c.execute('create table notes(x)'); c.commit()")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.foreign(path: path)) { try SQLiteFollowUpStore(path: path) }
        #expect(throws: StoreError.foreign(path: path)) { try SQLiteFollowUpStore.destroy(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a file that is not a database is refused with a clear message and not overwritten")
    func corruptFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteFollowUpStore(path: path)
            Issue.record("a corrupt file was opened")
        } catch let error as StoreError {
            #expect(error.description.hasPrefix("\(path): this file is not a readable gids database"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test("a database from a newer gids is refused")
    func newerVersion() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        _ = try SQLiteFollowUpStore(path: path)
        _ = try python(
            "import sqlite3; c=sqlite3.connect('\(path)'); c.execute(\"insert into grdb_migrations values ('99: from the future')\"); c.commit()"
        )
        #expect(throws: StoreError.newerVersion(path: path)) { try SQLiteFollowUpStore(path: path) }
    }

    @Test("an empty gids database from an older version is migrated to the current schema")
    func migratesOlderDatabase() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        // A database as the first gids version left it before any migration ran: only its mark.
        _ = try python(
            "import sqlite3; c=sqlite3.connect('\(path)'); c.execute('pragma application_id = \(0x6769_6473)'); c.execute('create table grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)'); c.commit()"
        )
        let store = try SQLiteFollowUpStore(path: path)
        try store.save(sample, for: "local")
        #expect(try store.followUp(for: "local") == sample)
    }

    @Test("sessions stored as plain JSON by an older version are converted to the binary form, sealed, and continue")
    func migratesJSONSessions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let content = try GuideContent.load(from: root.appendingPathComponent("Dialogues").path)
        var conversation = Conversation(content: content, language: .nl, region: .nl, seed: 7)
        _ = conversation.start()
        _ = conversation.respond(to: "1")
        let json = try JSONEncoder().encode(conversation.state)
        let pseudonym = try SessionDatabase(path: path).keys.pseudonym(of: "team:1")
        // As the version before binary states left it: a plain JSON state, that migration not yet applied.
        _ = try python(
            """
            import sqlite3; c=sqlite3.connect('\(path)')
            c.execute("insert into session (key, state, profile, last_activity) values (?, ?, '', 0)", ('\(pseudonym)', bytes.fromhex('\(json.map { String(format: "%02x", $0) }.joined())')))
            c.execute("delete from grdb_migrations where identifier like '3:%'"); c.commit()
            """)
        let migrated = try SessionDatabase(path: path).transaction { try $0.session("team:1")?.state }
        let state = try ConversationState(binary: [UInt8](try #require(migrated)))
        #expect(state == conversation.state)
    }
}

/// Runs Python code (here: the `sqlite3` module, a second, independent SQLite client) and returns what it printed.
private func python(_ code: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", code]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text
}
