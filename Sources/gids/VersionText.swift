import Crypto
import Foundation
import TextReading

/// What `gids --version` says: the program's version, and which content it finds and would
/// load (its folder and a digest of every file in it), so an operator can tell two installs
/// or two content updates apart; and the spelling dictionaries the safety net reads with, so
/// a machine without them is seen before it reads less well.
enum VersionText {
    /// The version of the program; raise it with every release.
    static let number = "0.17.0"

    static func describe(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var lines = ["gids \(number)"]
        do {
            let folder = try DialogueLocation.defaultDirectory()
            let (digest, count) = try fingerprint(of: folder)
            lines.append("content: \(folder) (\(count) files, sha256 \(digest))")
        } catch {
            lines.append("content: not found (\(error))")
        }
        for language in ReadingLanguage.allCases {
            let found = SpellingDictionary.shared.files(for: language)?.words
            lines.append(
                "spelling (\(language.rawValue)): "
                    + (found ?? "no Hunspell dictionary found, the safety net reads less well (see man gids, DICPATH)"))
        }
        return lines.joined(separator: "\n")
    }

    /// A digest over every file's path (relative to `folder`) and bytes, in path order, and how many files there are.
    static func fingerprint(of folder: String) throws -> (digest: String, count: Int) {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var files: [(String, URL)] = []
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append((String(url.standardizedFileURL.path.dropFirst(root.path.count)), url))
        }
        files.sort { $0.0 < $1.0 }
        var hash = SHA256()
        for (relative, url) in files {
            hash.update(data: Data(relative.utf8))
            hash.update(data: try Data(contentsOf: url))
        }
        let hex = hash.finalize().map { String(format: "%02x", $0) }.joined()
        return (String(hex.prefix(16)), files.count)
    }
}
