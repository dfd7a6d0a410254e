import Foundation
import GRDB
import Guide

/// Remembered follow-ups in a small SQLite database, one per subject (the terminal uses
/// one subject; the line protocol one per session). Stores only what ``FollowUp`` holds:
/// dates, the kind of event, signal numbers and the schedule. Never free text.
public final class SQLiteFollowUpStore: FollowUpStore, @unchecked Sendable {
    /// The database file's name inside a data folder.
    public static let fileName = "gids.sqlite"
    /// A follow-up is deleted this many days after its last conversation (the longest
    /// schedule has its third talk at 90 days).
    public static let retentionDays = 100

    public let path: String
    private let queue: DatabaseQueue

    /// Opens the database at `path`, creating it (mode 0600) or migrating an older one.
    public init(path: String) throws {
        self.path = path
        queue = try PrivateDatabase.open(path: path, migrator: Self.migrator)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1: follow-ups") { db in
            try db.create(table: "follow_up") { table in
                table.primaryKey("subject", .text)
                table.column("event_date", .text).notNull()
                table.column("event_kind", .text).notNull()
                table.column("pile_up", .boolean).notNull()
                table.column("schedule", .text).notNull()
                table.column("closed", .boolean).notNull()
            }
            try db.create(table: "talk") { table in
                table.column("subject", .text).notNull().references("follow_up", onDelete: .cascade)
                table.column("number", .integer).notNull()
                table.column("date", .text).notNull()
                table.column("signals", .text).notNull()
                table.primaryKey(["subject", "number"])
            }
        }
        return migrator
    }

    public func followUp(for subject: String) throws -> FollowUp? {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM follow_up WHERE subject = ?", arguments: [subject]),
                let eventDate = DayDate(iso: row["event_date"]), let schedule = FollowUpSchedule(rawValue: row["schedule"])
            else { return nil }
            let talks = try Row.fetchAll(db, sql: "SELECT * FROM talk WHERE subject = ? ORDER BY number", arguments: [subject]).compactMap { talk -> FollowUp.Talk? in
                guard let date = DayDate(iso: talk["date"]) else { return nil }
                let signals = (talk["signals"] as String).split(separator: ",").compactMap { Int($0) }
                return FollowUp.Talk(number: talk["number"], date: date, signals: signals)
            }
            return FollowUp(eventDate: eventDate, eventKind: row["event_kind"], isPileUp: row["pile_up"], schedule: schedule, talks: talks, isClosed: row["closed"])
        }
    }

    public func save(_ followUp: FollowUp, for subject: String) throws {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO follow_up (subject, event_date, event_kind, pile_up, schedule, closed) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(subject) DO UPDATE SET event_date = excluded.event_date, event_kind = excluded.event_kind,
                    pile_up = excluded.pile_up, schedule = excluded.schedule, closed = excluded.closed
                    """,
                arguments: [subject, followUp.eventDate.description, followUp.eventKind, followUp.isPileUp, followUp.schedule.rawValue, followUp.isClosed])
            try db.execute(sql: "DELETE FROM talk WHERE subject = ?", arguments: [subject])
            for talk in followUp.talks {
                try db.execute(
                    sql: "INSERT INTO talk (subject, number, date, signals) VALUES (?, ?, ?, ?)",
                    arguments: [subject, talk.number, talk.date.description, talk.signals.map(String.init).joined(separator: ",")])
            }
        }
    }

    public func forget(_ subject: String) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM talk WHERE subject = ?", arguments: [subject])
            try db.execute(sql: "DELETE FROM follow_up WHERE subject = ?", arguments: [subject])
        }
    }

    /// Deletes follow-ups whose last conversation (or event) is more than ``retentionDays`` before `today`.
    public func deleteExpired(today: DayDate) throws {
        let cutoff = today.adding(days: -Self.retentionDays).description
        try queue.write { db in
            let expired = try String.fetchAll(db, sql: """
                SELECT subject FROM follow_up f WHERE max(f.event_date, coalesce((SELECT max(date) FROM talk t WHERE t.subject = f.subject), '')) < ?
                """, arguments: [cutoff])
            for subject in expired {
                try db.execute(sql: "DELETE FROM talk WHERE subject = ?", arguments: [subject])
                try db.execute(sql: "DELETE FROM follow_up WHERE subject = ?", arguments: [subject])
            }
        }
    }

    /// Removes a gids database file and its journal entirely. Refuses other programs' files.
    public static func destroy(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = try PrivateDatabase.open(path: path, migrator: migrator)  // checks it is gids's own
        for suffix in ["", "-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
