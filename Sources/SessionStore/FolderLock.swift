import Foundation
import Glibc

/// An exclusive advisory lock (flock) on a database's folder, held while gids opens the
/// database: two processes opening a new store at once then create its key and its schema
/// one after the other instead of both at the same time. The lock is on the folder, not the
/// database file, because closing any descriptor of the database file would drop the locks
/// SQLite holds on it in this process.
enum FolderLock {
    /// Runs `body` holding the lock on `folder`.
    static func holding<T>(_ folder: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }  // a folder gids cannot open: SQLite will say what is wrong
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
