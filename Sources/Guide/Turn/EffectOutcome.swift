/// What became of an effect the door carried out while the turn waited (see
/// ``Reply/awaitedEffect``): done, or why not, in a word the dialogue turns into the
/// person's language (`$opslag_fout`).
public enum EffectOutcome: String, Hashable, Sendable {
    case done
    /// The folder named does not exist.
    case folderMissing = "folder_missing"
    /// gids may not write there.
    case notPermitted = "not_permitted"
    /// The name is a folder's, not a file's.
    case isFolder = "is_folder"
    /// The disk (or a quota) is full.
    case diskFull = "disk_full"
    /// Anything else.
    case failed
}
