import Foundation
import GRDB

/// Opens (or creates) an SQLite database that only its owner can read: the folder 0700, the
/// file 0600. Refuses files gids did not create, and migrates older gids databases.
enum PrivateDatabase {
    /// `gids` in ASCII: marks a database as gids's own (`PRAGMA application_id`).
    static let applicationID: Int32 = 0x6769_6473

    static func open(path: String, migrator: DatabaseMigrator) throws -> DatabaseQueue {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder) {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let isNew = !manager.fileExists(atPath: path)
        if isNew {
            let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { throw StoreError.unreadable(path: path, detail: String(cString: strerror(errno))) }
            close(descriptor)
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path)
            try queue.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            }
        } catch {
            throw StoreError.unreadable(path: path, detail: (error as? DatabaseError)?.message ?? "\(error)")
        }
        try queue.writeWithoutTransaction { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if id != applicationID {
                guard tables == 0 else { throw StoreError.foreign(path: path) }
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            }
            if try migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path: path) }
        }
        try migrator.migrate(queue)
        chmod(path, 0o600)
        return queue
    }
}
