import Foundation

/// A file system of its own for one test (a tmpfs of a few megabytes), so that a store meets
/// a real full disk or a real read-only file system. Mounting needs root, as CI has; where it
/// is not permitted, the tests that need it are skipped (see ``isPermitted``).
final class SmallFileSystem {
    /// The mounted folder.
    let folder: URL

    /// Mounts a new tmpfs of `megabytes` on a fresh temporary folder.
    init(megabytes: Int) throws {
        folder = try temporaryFolder("tmpfs")
        guard Self.mount(["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", folder.path]) else {
            try? FileManager.default.removeItem(at: folder)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    /// Makes the file system read-only, as a disk that fails or an operator's remount would.
    func remountReadOnly() {
        _ = Self.mount(["-o", "remount,ro", folder.path])
    }

    /// Unmounts it and removes its folder.
    func remove() {
        _ = Self.run("/bin/umount", ["-l", folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether this process may mount a file system here (as root, outside a locked-down container).
    static let isPermitted: Bool = {
        guard let probe = try? SmallFileSystem(megabytes: 1) else { return false }
        probe.remove()
        return true
    }()

    private static func mount(_ arguments: [String]) -> Bool {
        run("/bin/mount", arguments)
    }

    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
