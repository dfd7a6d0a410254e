/// Why a store could not be used. Each says what to do, and a file gids did not create
/// is never changed.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file exists but is not an SQLite database.
    case unreadable(path: String, detail: String)
    /// The file is a gids database whose pages fail SQLite's own check (`quick_check`).
    case damaged(path: String, detail: String)
    /// The path names something other than a regular file (a folder, a device).
    case notAFile(path: String)
    /// The file is an SQLite database of another program.
    case foreign(path: String)
    /// The database was written by a newer gids.
    case newerVersion(path: String)
    /// The key file beside a database with sessions is missing, so no session can be found.
    case missingKey(path: String)
    /// The key file could not be read or written.
    case keyFile(path: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail):
            "\(path): this file is not a readable gids database (\(detail)); move it away or point gids at another folder with --data-dir"
        case .damaged(let path, let detail):
            "\(path): this gids database is damaged (\(detail)); gids left it unchanged. Restore it from a backup, or move it away to start a new one"
        case .notAFile(let path):
            "\(path): this is not a regular file; name a file for the database"
        case .foreign(let path):
            "\(path): this is another program's database; gids leaves it alone. Point gids at another folder with --data-dir"
        case .newerVersion(let path):
            "\(path): this database was written by a newer version of gids; update gids to use it"
        case .missingKey(let path):
            "\(path): the key file of this store is missing, so its sessions cannot be found; restore it, or start a new store"
        case .keyFile(let path, let detail):
            "\(path): the store's key file cannot be used (\(detail)); restore it from a backup, or start a new store"
        }
    }
}
