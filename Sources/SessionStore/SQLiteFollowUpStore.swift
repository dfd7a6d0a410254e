import Foundation
import GRDB
import Guide

/// Remembered follow-ups in gids's SQLite database, one per subject (the terminal uses one
/// subject; the line protocol one per pseudonymised session). Stores only what
/// ``FollowUp`` holds: dates, the kind of event, signal numbers (whether they were asked, and
/// how many questions were skipped) and the schedule. Never
/// free text.
public final class SQLiteFollowUpStore: @unchecked Sendable {
    /// The database file's name inside a data folder.
    public static let fileName = "gids.sqlite"
    /// A follow-up is deleted this many days after its last conversation (the longest
    /// schedule has its third talk at 90 days).
    public static let retentionDays = 100

    public var path: String { database.path }
    private let database: GidsDatabase

    /// Opens the database at `path`, creating it (mode 0600) or migrating an older one.
    public convenience init(path: String) throws {
        self.init(database: try GidsDatabase(path: path))
    }

    /// Uses an open database (shared with the session store in `gids serve`).
    public init(database: GidsDatabase) {
        self.database = database
    }

    public func followUp(for subject: String) throws -> FollowUp? {
        try database.writer.read { db in try Self.followUp(for: subject, in: db) }
    }

    public func save(_ followUp: FollowUp, for subject: String) throws {
        try database.writer.write { db in try Self.save(followUp, for: subject, in: db) }
    }

    public func forget(_ subject: String) throws {
        try database.writer.write { db in try Self.forget(subject, in: db) }
    }

    /// Deletes follow-ups whose last conversation (or event) is more than ``retentionDays`` before `today`.
    public func deleteExpired(today: DayDate) throws {
        try database.writer.write { db in
            for subject in try Self.expiredSubjects(today: today, in: db) { try Self.forget(subject, in: db) }
        }
    }

    /// Removes a gids database file and its WAL and journal entirely. Refuses other programs' files.
    public static func destroy(at path: String) throws {
        try GidsDatabase.destroy(at: path)
    }

    // MARK: - Inside a transaction (shared with the session store)

    /// The subjects whose follow-up's last conversation (or event) is more than
    /// ``retentionDays`` before `today`.
    static func expiredSubjects(today: DayDate, in db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT subject FROM follow_up f WHERE max(f.event_date, coalesce((SELECT max(date) FROM talk t WHERE t.subject = f.subject), '')) < ?
                """, arguments: [today.adding(days: -retentionDays).description])
    }

    static func followUp(for subject: String, in db: Database) throws -> FollowUp? {
        // Asked for every new session of `gids serve`: prepared once per connection.
        let statement = try db.cachedStatement(sql: "SELECT * FROM follow_up WHERE subject = ?")
        guard let row = try Row.fetchOne(statement, arguments: [subject]),
            let schedule = FollowUpSchedule(rawValue: row["schedule"])
        else { return nil }
        // An empty event_date is an event whose day the person did not know.
        let eventDate = DayDate(iso: row["event_date"])
        let talks = try Row.fetchAll(
            db, sql: "SELECT * FROM talk WHERE subject = ? ORDER BY number", arguments: [subject]
        ).compactMap { talk -> FollowUp.Talk? in
            guard let date = DayDate(iso: talk["date"]) else { return nil }
            let signals = (talk["signals"] as String).split(separator: ",").compactMap { Int($0) }
            return FollowUp.Talk(
                number: talk["number"], date: date, signals: signals, signalsAsked: talk["signals_asked"],
                skippedQuestions: talk["skipped_questions"])
        }
        return FollowUp(
            eventDate: eventDate, eventKind: row["event_kind"], isPileUp: row["pile_up"], schedule: schedule,
            talks: talks, isClosed: row["closed"])
    }

    static func save(_ followUp: FollowUp, for subject: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO follow_up (subject, event_date, event_kind, pile_up, schedule, closed) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(subject) DO UPDATE SET event_date = excluded.event_date, event_kind = excluded.event_kind,
                pile_up = excluded.pile_up, schedule = excluded.schedule, closed = excluded.closed
                """,
            arguments: [
                subject, followUp.eventDate?.description ?? "", followUp.eventKind, followUp.isPileUp,
                followUp.schedule.rawValue, followUp.isClosed,
            ])
        try db.execute(sql: "DELETE FROM talk WHERE subject = ?", arguments: [subject])
        for talk in followUp.talks {
            try db.execute(
                sql: """
                    INSERT INTO talk (subject, number, date, signals, signals_asked, skipped_questions)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    subject, talk.number, talk.date.description, talk.signals.map(String.init).joined(separator: ","),
                    talk.signalsAsked, talk.skippedQuestions,
                ])
        }
    }

    static func forget(_ subject: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM talk WHERE subject = ?", arguments: [subject])
        try db.execute(sql: "DELETE FROM follow_up WHERE subject = ?", arguments: [subject])
    }
}
