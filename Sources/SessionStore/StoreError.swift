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
    /// The key file is not the key the store was written with, so nothing in it can be opened.
    case wrongKey(path: String, keyFile: String)
    /// The file or its folder cannot be written (a read-only file system, permissions).
    case notWritable(path: String, detail: String)
    /// The store's file was deleted, moved or replaced while gids had it open: what is written
    /// now would be lost.
    case moved(path: String)
    /// A transaction could not be committed (a full disk, an I/O error, a damaged page):
    /// nothing of it was stored. `reason` is SQLite's message, `code` its extended result
    /// code; neither holds a statement or any content. The lines may be sent again.
    case commitFailed(reason: String, code: Int)

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
        case .wrongKey(let path, let keyFile):
            "\(keyFile): this is not the key of the store \(path), so none of its conversations or follow-ups can be opened; gids left the store unchanged. Put back the key file the store was made with, or start a new store"
        case .notWritable(let path, let detail):
            "\(path): the store cannot be written (\(detail)); gids keeps every conversation in it. Make the file and its folder writable, or point --store at another file"
        case .moved(let path):
            "\(path): the store's file was deleted, moved or replaced while gids had it open; what it wrote would be lost, so no line is acknowledged any more. Restore the store, then start gids again"
        case .commitFailed(let reason, let code):
            "\(reason) (SQLite \(code))"
        }
    }
}
