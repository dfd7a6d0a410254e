import ArgumentParser
import Foundation
import Guide

/// Files that may hold what a person typed: created readable by their owner only (0600).
/// A path may start with `~/` for the home folder, as people type it.
enum PrivateFile {
    /// Why a file could not be written, in words a person can act on.
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        /// The same, for the dialogue to say in the person's language.
        let outcome: EffectOutcome

        var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes the file, or says why it could not.
    static func write(_ text: String, to path: String) throws(Failure) {
        let path = expanded(path)
        try checkWritable(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: String(cString: strerror(errno)), outcome: outcome(of: errno))
        }
        fchmod(descriptor, 0o600)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw Failure(
                path: path, reason: "the disk refused the writing (\(error.localizedDescription))", outcome: .diskFull)
        }
    }

    /// Checks, before anything is written, that a file can be created at the path: its folder
    /// exists and may be written in, and the path is not a folder itself.
    static func checkWritable(_ path: String) throws(Failure) {
        let path = expanded(path)
        let folder =
            (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure(path: path, reason: "that is a folder; give a file name", outcome: .isFolder)
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(path: path, reason: "the folder \(folder) does not exist", outcome: .folderMissing)
        }
        guard access(folder, W_OK) == 0 else {
            throw Failure(path: path, reason: "no permission to write in \(folder)", outcome: .notPermitted)
        }
    }

    /// What an `errno` from creating or writing a file means for the person.
    static func outcome(of code: Int32) -> EffectOutcome {
        switch code {
        case EACCES, EPERM, EROFS: .notPermitted
        case ENOENT, ENOTDIR: .folderMissing
        case EISDIR: .isFolder
        case ENOSPC, EDQUOT, EFBIG: .diskFull
        default: .failed
        }
    }

    /// ``checkWritable(_:)`` for a command-line option, as the error argument parsing reports
    /// (`--report: cannot write ...`), so that the command stops before it starts its work.
    static func validate(_ path: String?, option: String) throws {
        guard let path else { return }
        do throws(Failure) {
            try checkWritable(path)
        } catch {
            throw ValidationError("\(option): \(error)")
        }
    }

    /// The path with a leading `~` read as the home folder (`$HOME`, as a shell reads it).
    static func expanded(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
