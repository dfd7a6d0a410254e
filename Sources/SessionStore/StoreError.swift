/// Why a store could not be used. Each says what to do, and a file gids did not create
/// is never changed.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file exists but is not an SQLite database, or is damaged.
    case unreadable(path: String, detail: String)
    /// The file is an SQLite database of another program.
    case foreign(path: String)
    /// The database was written by a newer gids.
    case newerVersion(path: String)
    /// The key file beside a database with sessions is missing, so no session can be found.
    case missingKey(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail):
            "\(path): this file is not a readable gids database (\(detail)); move it away or point gids at another folder with --data-dir"
        case .foreign(let path):
            "\(path): this is another program's database; gids leaves it alone. Point gids at another folder with --data-dir"
        case .newerVersion(let path):
            "\(path): this database was written by a newer version of gids; update gids to use it"
        case .missingKey(let path):
            "\(path): the key file of this store is missing, so its sessions cannot be found; restore it, or start a new store"
        }
    }
}
