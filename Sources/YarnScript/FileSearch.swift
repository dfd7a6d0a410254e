import Foundation

/// Finds the files a command works on: the paths named, with folders searched recursively.
public enum FileSearch {
    /// Every path that is a file, as given; for every folder, the files below it whose names
    /// end in `suffix`, in name order. Links to folders and files are followed (a language's
    /// folder may be a link to where an organisation keeps its dialogues); a folder reached
    /// twice through links is searched once.
    public static func files(in paths: [String], withSuffix suffix: String) -> [String] {
        var files: [String] = []
        for path in paths {
            guard isFolder(path) else {
                files.append(path)
                continue
            }
            var found: [String] = []
            var searched: Set<String> = []
            collect(in: path, withSuffix: suffix, into: &found, searched: &searched)
            files += found.sorted()
        }
        return files
    }

    /// Adds the files below `folder` whose names end in `suffix`, following links.
    private static func collect(
        in folder: String, withSuffix suffix: String, into found: inout [String], searched: inout Set<String>
    ) {
        guard searched.insert(URL(fileURLWithPath: folder).resolvingSymlinksInPath().path).inserted,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if isFolder(path) {
                collect(in: path, withSuffix: suffix, into: &found, searched: &searched)
            } else if name.hasSuffix(suffix) {
                found.append(path)
            }
        }
    }

    /// Whether the path names a folder, through links.
    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
