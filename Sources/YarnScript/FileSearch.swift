import Foundation

/// Finds the files a command works on: the paths named, with folders searched recursively.
public enum FileSearch {
    /// Every path that is a file, as given; for every folder, the files below it whose names
    /// end in `suffix`, in name order.
    public static func files(in paths: [String], withSuffix suffix: String) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(suffix) { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            files += found.sorted()
        }
        return files
    }
}
