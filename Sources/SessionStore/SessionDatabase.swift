import Foundation
import GRDB
import Guide

/// One stored conversation of the line protocol.
public struct StoredSession: Sendable {
    /// The encoded conversation state.
    public var state: Data
    /// The organisation profile the session uses ("" for none).
    public var profile: String
    /// The `id` of the last line answered, to answer a repeated line the same way.
    public var lastID: String?
    /// The reply to that line, exactly as written.
    public var lastReply: Data?
    /// When the session was last used, in seconds since 1970.
    public var lastActivity: Int64

    public init(state: Data, profile: String, lastID: String?, lastReply: Data?, lastActivity: Int64) {
        self.state = state
        self.profile = profile
        self.lastID = lastID
        self.lastReply = lastReply
        self.lastActivity = lastActivity
    }
}

/// The sessions of `gids serve` and `gids reply`, with their consented follow-ups, in
/// gids's SQLite database (or in memory for `:memory:`). Session keys are stored
/// pseudonymised (see ``SessionKeys``).
public final class SessionDatabase: @unchecked Sendable {
    public let database: GidsDatabase
    public let keys: SessionKeys

    /// The file `gids serve` and `gids reply` keep their sessions in by default, in the data
    /// folder: apart from a person's own memory (``SQLiteFollowUpStore/fileName``), so that
    /// `gids memory` and `gids forget` never see or delete the sessions of a bridge.
    public static let defaultFileName = "serve.sqlite"

    /// Whether the file at `path` holds sessions of a bridge, read without changing it: an
    /// earlier gids kept them in the data folder's `gids.sqlite`. False for anything else.
    public static func holdsSessions(atPath path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        var configuration = Configuration()
        configuration.readonly = true
        let found = try? DatabaseQueue(path: path, configuration: configuration).read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM session)")
        }
        return found == true
    }

    /// Opens the store at `path` (`:memory:` for one that lives as long as the process).
    /// The key file is `path` + `.key`; it is created with a new store.
    public init(path: String) throws {
        database = try GidsDatabase(path: path)
        if path == ":memory:" {
            keys = SessionKeys()
        } else {
            let isEmpty = try database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM session) + (SELECT count(*) FROM follow_up)") == 0
            }
            keys = try SessionKeys(file: path + ".key", allowCreating: isEmpty)
            chmod(path + ".key", 0o600)
        }
        lastDataVersion = try database.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") }
    }

    // Touched only inside the writer's transactions, which GRDB runs one at a time.
    private var transactionsBegun = 0
    private var lastDataVersion: Int?

    /// How many write transactions this store has begun. Read it where the transactions are
    /// run, between them.
    public var transactionCount: Int { transactionsBegun }

    /// Runs `body` in one write transaction: every change in it is committed together, or none.
    /// The transaction takes the write lock at once (IMMEDIATE), so two processes working on
    /// the same session wait for each other instead of failing on a stale read.
    public func transaction<T>(_ body: (SessionTransaction) throws -> T) throws -> T {
        try database.writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                transactionsBegun += 1
                // Changes only when another connection (another gids process) has committed.
                let version = try Int.fetchOne(db, sql: "PRAGMA data_version")
                let othersCommitted = version != lastDataVersion
                lastDataVersion = version
                result = try body(SessionTransaction(db: db, keys: keys, number: transactionsBegun, othersHaveCommitted: othersCommitted))
                return .commit
            }
            guard let result else { throw StoreError.unreadable(path: database.path, detail: "the transaction ended without a result") }
            return result
        }
    }

    /// Reads sessions as last committed, outside the write transactions: on a reader
    /// connection of a file store, so while the writer is writing or waiting for the disk
    /// (an in-memory store has one connection, and reads wait for the writer).
    public func readCommitted<T>(_ body: (SessionSnapshot) throws -> T) throws -> T {
        try database.writer.read { try body(SessionSnapshot(db: $0)) }
    }
}

/// The sessions as last committed, for reading ahead of a transaction (see
/// ``SessionDatabase/readCommitted(_:)``).
public struct SessionSnapshot {
    let db: Database

    /// The sessions as committed, in the order given; see ``SessionTransaction/read(_:)-([PseudonymisedKey])``.
    public func read(_ sessions: [PseudonymisedKey]) throws -> [SessionRecord] {
        try db.sessionRecords(sessions)
    }

    /// Whether any session has been idle since before `cutoff` (seconds since 1970).
    public func hasSessions(idleBefore cutoff: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM session WHERE last_activity < ?)", arguments: [cutoff]) ?? false
    }
}

/// The sessions as seen inside one transaction.
public struct SessionTransaction {
    let db: Database
    let keys: SessionKeys
    /// This transaction's place among the store's write transactions (1 for the first).
    public let number: Int
    /// Whether another connection committed changes since the store's previous transaction
    /// (or since it was opened): what was read outside this transaction may be stale.
    public let othersHaveCommitted: Bool

    // The statements run on every turn are prepared once per connection (`cachedStatement`):
    // preparing them again each time cost more than running them.

    public func session(_ key: String) throws -> StoredSession? {
        try read(key).stored
    }

    /// Reads a session and its follow-up in one go, to change them in memory and write them
    /// back with ``write(_:)``. One query for a known session without a follow-up, which is
    /// nearly every line.
    public func read(_ key: String) throws -> SessionRecord {
        try read([keys.pseudonymised(key)])[0]
    }

    /// ``read(_:)-(String)`` for many sessions at once, in the order given, whose keys' stored
    /// form is already worked out (by the same store's ``SessionKeys``).
    public func read(_ sessions: [PseudonymisedKey]) throws -> [SessionRecord] {
        try db.sessionRecords(sessions)
    }

    /// Writes what changed in a record read with ``read(_:)-(String)``.
    public func write(_ record: SessionRecord) throws {
        try write([record])
    }

    /// Writes what changed in records read with ``read(_:)-([PseudonymisedKey])``, one record
    /// per session. (Many sessions to a statement saved no time: SQLite then keeps a journal
    /// for each statement.)
    public func write(_ records: [SessionRecord]) throws {
        for record in records {
            for change in record.followUpChanges {
                if let followUp = change { try saveFollowUp(followUp, pseudonym: record.pseudonym, key: record.key) } else { try forgetFollowUp(pseudonym: record.pseudonym) }
            }
            if record.isDeleted {
                try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [record.pseudonym])
            } else if record.isChanged, let stored = record.stored {
                try save(stored, pseudonym: record.pseudonym)
            }
        }
    }

    private func save(_ session: StoredSession, pseudonym: String) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO session (key, state, profile, last_id, last_reply, last_activity) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET state = excluded.state, profile = excluded.profile, last_id = excluded.last_id,
                last_reply = excluded.last_reply, last_activity = excluded.last_activity
                """)
        try statement.execute(arguments: [pseudonym, session.state, session.profile, session.lastID, session.lastReply, session.lastActivity])
    }

    /// Deletes a session and everything remembered about it.
    public func forget(_ key: String) throws {
        let pseudonym = keys.pseudonym(of: key)
        try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [pseudonym])
        try forgetFollowUp(pseudonym: pseudonym)
    }

    /// Keeps a consented follow-up, and the session key sealed so that `due` can name it.
    private func saveFollowUp(_ followUp: FollowUp, pseudonym: String, key: String) throws {
        try SQLiteFollowUpStore.save(followUp, for: pseudonym, in: db)
        try db.execute(sql: "INSERT OR REPLACE INTO reachable (key, sealed_session) VALUES (?, ?)", arguments: [pseudonym, try keys.seal(key)])
    }

    private func forgetFollowUp(pseudonym: String) throws {
        try SQLiteFollowUpStore.forget(pseudonym, in: db)
        try db.execute(sql: "DELETE FROM reachable WHERE key = ?", arguments: [pseudonym])
    }

    /// The sessions whose next follow-up talk is due on `today`, by their key, sorted.
    public func dueSessions(on today: DayDate) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT key, sealed_session FROM reachable").compactMap { row -> String? in
            guard let followUp = try SQLiteFollowUpStore.followUp(for: row["key"], in: db), followUp.isNextTalkDue(on: today) else { return nil }
            return try? keys.unseal(row["sealed_session"])
        }.sorted()
    }

    /// Deletes sessions (and their follow-ups) idle since before `cutoff` (seconds since 1970); returns how many.
    public func deleteIdle(before cutoff: Int64) throws -> Int {
        let idle = try String.fetchAll(db, sql: "SELECT key FROM session WHERE last_activity < ?", arguments: [cutoff])
        for pseudonym in idle {
            try db.execute(sql: "DELETE FROM session WHERE key = ?", arguments: [pseudonym])
            try SQLiteFollowUpStore.forget(pseudonym, in: db)
            try db.execute(sql: "DELETE FROM reachable WHERE key = ?", arguments: [pseudonym])
        }
        return idle.count
    }

    /// How many sessions are stored.
    public func count() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0
    }
}

extension Database {
    /// Sessions with their follow-ups, in the order given: one query for them all, and one
    /// more for each that has a follow-up. (A query for each session cost more in GRDB's
    /// setting up of the query than in SQLite's reading of the row.)
    fileprivate func sessionRecords(_ sessions: [PseudonymisedKey]) throws -> [SessionRecord] {
        let statement = try cachedStatement(sql: """
            SELECT wanted.value, state, profile, last_id, last_reply, last_activity,
                EXISTS (SELECT 1 FROM follow_up WHERE subject = wanted.value)
            FROM json_each(?) AS wanted LEFT JOIN session ON session.key = wanted.value
            """)
        // Stored keys are hexadecimal digits: nothing to escape.
        let keys = "[" + sessions.map { "\"\($0.pseudonym)\"" }.joined(separator: ",") + "]"
        var found: [String: (stored: StoredSession?, hasFollowUp: Bool)] = .init(minimumCapacity: sessions.count)
        // Read from the cursor by column position: a fetched row is copied, and looking
        // columns up by name builds a dictionary of names for every row.
        let rows = try Row.fetchCursor(statement, arguments: [keys])
        while let row = try rows.next() {
            let state: Data? = row[1]
            found[row[0]] = (
                state.map { StoredSession(state: $0, profile: row[2], lastID: row[3], lastReply: row[4], lastActivity: row[5]) }, row[6]
            )
        }
        return try sessions.map { session in
            let row = found[session.pseudonym]
            let followUp = row?.hasFollowUp == true ? try SQLiteFollowUpStore.followUp(for: session.pseudonym, in: self) : nil
            return SessionRecord(key: session.key, pseudonym: session.pseudonym, stored: row?.stored, followUp: followUp)
        }
    }
}
