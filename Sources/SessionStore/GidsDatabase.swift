import Foundation
import GRDB
import Guide

/// gids's SQLite database: the schema and its migrations, opened so that only its owner
/// can read it (folder 0700, file 0600), in WAL mode, waiting for other gids processes
/// that write at the same time. Files gids did not create are refused and never changed.
public final class GidsDatabase: @unchecked Sendable {
    /// `gids` in ASCII: marks a database as gids's own (`PRAGMA application_id`).
    static let applicationID: Int32 = 0x6769_6473

    /// The database; the path ":memory:" gives an in-memory one.
    let writer: any DatabaseWriter
    /// The file, or `:memory:`.
    public let path: String
    /// The device and inode of the file as opened, to notice when the path no longer names it.
    private let openedFile: (device: UInt64, inode: UInt64)?
    /// Why the database can only be read (see ``init(readingOnly:because:inspect:)``); nil when it can be written.
    public let cannotWrite: StoreError?

    /// Opens (or creates) the database at `path`; `:memory:` keeps it in memory. A file that
    /// is damaged, another program's or from a newer gids is refused before a byte of it
    /// changes, and so is one that `inspect` refuses: it reads the file as it is, read-only,
    /// before gids opens it for writing.
    public init(path: String, inspect: ((Database) throws -> Void)? = nil) throws {
        self.path = path
        cannotWrite = nil
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        if path == ":memory:" {
            openedFile = nil
            writer = try DatabaseQueue(configuration: configuration)
            try Self.migrator.migrate(writer)
            return
        }
        // A server keeps thousands of sessions. With SQLite's defaults each batch read pages
        // from the file again (a page cache of 2 MB) and every 1,000 pages of WAL (4 MB) were
        // copied into the database, the same pages over and over. 16 MB of cache and a
        // checkpoint every 10,000 pages (40 MB of WAL) made gids load's durable run 30%
        // faster, for 15 MB more memory. What is deleted is overwritten with zeros
        // (secure_delete), so a forgotten session does not linger in free space.
        configuration.prepareDatabase { db in
            try db.execute(
                sql: "PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 10000; PRAGMA secure_delete = ON")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try Self.createFolder(folder)
        try Self.checkWritable(path, folder: folder)
        writer = try FolderLock.holding(folder) {
            try Self.createPrivately(path)
            try Self.check(path, inspect: inspect)
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in
                // A commit waits until its WAL frames are on disk, so an acknowledged turn
                // survives a power cut too. (GRDB sets NORMAL for WAL, which survives a crash
                // of gids but may lose the last commits when the machine goes down.) Lines
                // committed together share the wait.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") != Self.applicationID {
                    try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                }
            }
            try Self.migrator.migrate(pool)
            for suffix in ["", "-wal", "-shm"] { chmod(path + suffix, 0o600) }
            return pool
        }
        openedFile = Self.identity(of: path)
    }

    /// Opens the database at `path` for reading only, as it is, when it cannot be written
    /// (`reason`: a read-only file system, say), so that what is stored can still be read while
    /// every write fails with `reason`. It is checked as for writing; a file that does not
    /// exist reads as an empty database.
    public init(readingOnly path: String, because reason: StoreError, inspect: ((Database) throws -> Void)? = nil)
        throws
    {
        self.path = path
        cannotWrite = reason
        openedFile = nil
        guard FileManager.default.fileExists(atPath: path) else {
            writer = try DatabaseQueue()
            try Self.migrator.migrate(writer)
            try writer.read { try inspect?($0) }
            return
        }
        // Opened as immutable: SQLite then needs no -shm file beside a WAL database, which a
        // read-only file system would not let it make. What it reads may be stale should
        // another process write, which only a crisis answer's language and region rely on.
        let immutable = Self.immutableURI(path)
        try Self.check(path, opening: immutable, inspect: inspect)
        var readOnly = Configuration()
        readOnly.readonly = true
        writer = try DatabaseQueue(path: immutable, configuration: readOnly)
    }

    /// The SQLite URI that opens `path` as a file nothing changes (`immutable=1`).
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// Throws ``StoreError/moved(path:)`` when the path no longer names the file gids opened
    /// (its folder deleted, the file removed or replaced): SQLite would go on writing into the
    /// unlinked file, and everything acknowledged would be lost when gids stops.
    public func checkInPlace() throws {
        guard let openedFile else { return }
        guard let now = Self.identity(of: path), now == openedFile else { throw StoreError.moved(path: path) }
    }

    /// The device and inode of a file that has a name in its folder, or nil.
    private static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_nlink > 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    /// Refuses, in plain words, a store that cannot be written: a read-only file system (a
    /// disk mounted read-only, or remounted so after errors) or a file or folder without
    /// write permission. SQLite would say "attempt to write a readonly database" about a table
    /// the operator never heard of.
    private static func checkWritable(_ path: String, folder: String) throws {
        for target in [folder, path] where FileManager.default.fileExists(atPath: target) {
            if access(target, W_OK) != 0 {
                throw StoreError.notWritable(path: path, detail: String(cString: strerror(errno)))
            }
        }
    }

    /// Copies the WAL into the database and empties it, so that what was deleted (with its
    /// earlier versions in the WAL) is gone from the files and not only from the tables.
    /// Should another process be reading, this waits for it up to the busy timeout, then
    /// leaves the rest to the next checkpoint.
    public func eraseDeleted() {
        guard path != ":memory:", cannotWrite == nil else { return }
        _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// Reads the file without changing it (WAL mode would rewrite its header), through `name`
    /// when given (an SQLite URI for the same file), and refuses it
    /// when it is damaged (SQLite's `quick_check`, which reads every page once: tens of
    /// milliseconds for a store of thousands of sessions), another program's, from a newer
    /// gids, or refused by `inspect`.
    private static func check(_ path: String, opening name: String? = nil, inspect: ((Database) throws -> Void)?)
        throws
    {
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: name ?? path, configuration: readOnly)
            defer { try? queue.close() }
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if id != applicationID, tables > 0 { throw StoreError.foreign(path: path) }
                if tables > 0 {
                    let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
                    if problems != ["ok"] {
                        throw StoreError.damaged(path: path, detail: problems.joined(separator: "; "))
                    }
                    if try migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path: path) }
                }
                try inspect?(db)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: path, detail: error.message ?? "\(error)")
        } catch {
            throw StoreError.unreadable(path: path, detail: (error as? DatabaseError)?.message ?? "\(error)")
        }
    }

    /// Creates the database's folder (0700) when it does not exist.
    private static func createFolder(_ folder: String) throws {
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Creates an empty file (0600) before SQLite opens it, so that the file is never
    /// readable by others, not even for a moment; refuses what is not a regular file.
    private static func createPrivately(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else { throw StoreError.notAFile(path: path) }
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw StoreError.unreadable(path: path, detail: String(cString: strerror(errno))) }
        close(descriptor)
    }

    /// Every version of the schema, oldest first. Never change a registered migration:
    /// add a new one.
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
        migrator.registerMigration("2: sessions") { db in
            try db.create(table: "session") { table in
                table.primaryKey("key", .text)
                table.column("state", .blob).notNull()
                table.column("profile", .text).notNull()
                table.column("last_id", .text)
                table.column("last_reply", .blob)
                table.column("last_activity", .integer).notNull().indexed()
            }
            try db.create(table: "reachable") { table in
                table.primaryKey("key", .text)
                table.column("sealed_session", .blob).notNull()
            }
        }
        migrator.registerMigration("3: binary session states") { db in
            // States were JSON; the binary form is several times cheaper per turn. A state
            // that cannot be read either way is left as it is: the session then starts anew.
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(db, sql: "SELECT key, state FROM session") {
                let json: Data = row["state"]
                guard let state = try? decoder.decode(ConversationState.self, from: json) else { continue }
                try db.execute(
                    sql: "UPDATE session SET state = ? WHERE key = ?",
                    arguments: [Data(state.binaryEncoded()), row["key"] as String])
            }
        }
        migrator.registerMigration("4: sealed session states, ended conversations") { db in
            // States and replies are sealed with the store's key from now on (see
            // SessionKeys), which a migration does not have: the rows written before are
            // marked, and sealed when the store is next opened with its key. An ended
            // conversation keeps only its last reply, for a short while.
            try db.alter(table: "session") { table in
                table.add(column: "sealed", .boolean).notNull().defaults(to: false)
                table.add(column: "ended", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("5: answered lines, key check") { db in
            // A session keeps the replies to its last lines with an id (see AnsweredLine), sealed
            // as one value, not only the last one in last_id and last_reply.
            try db.alter(table: "session") { table in table.add(column: "answered", .blob) }
            // The keyed hash of a fixed text: a key file that is not the store's own is refused
            // before anything is read or written with it.
            try db.create(table: "key_check") { table in table.column("value", .text).notNull() }
        }
        migrator.registerMigration("6: signal checks") { db in
            // Skipped is not absent: each talk says whether signals were asked, and how many
            // questions were skipped. Talks stored before count as asked in full.
            try db.alter(table: "talk") { table in
                table.add(column: "signals_asked", .boolean).notNull().defaults(to: true)
                table.add(column: "skipped_questions", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("7: replies kept as values") { _ in
            // Nothing to change: the replies kept with answered lines (see AnsweredLine) are
            // written by the line protocol in a form of its own from now on, not as the JSON
            // line, and those kept before are still read. A gids from before this migration
            // would write the new form to a bridge as if it were a line; with it registered,
            // such a gids refuses the store as a newer gids's instead.
        }
        return migrator
    }

    /// Removes a gids database file and its WAL and journal entirely. Refuses other programs' files.
    public static func destroy(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = try GidsDatabase(path: path)  // checks it is gids's own
        for suffix in ["", "-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
