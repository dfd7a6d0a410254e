import ArgumentParser

/// `--dialogues`: the content folder to read instead of the default one.
struct DialoguesOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The content folder with the dialogue files (default: $GIDS_DIALOGUES, else the installed PREFIX/share/gids/Dialogues).",
            valueName: "folder"),
        completion: .directory)
    var dialogues: String?

    /// The folder the content is read from: `--dialogues`, else the default (see ``DialogueLocation``).
    func folder() throws -> String {
        try dialogues ?? DialogueLocation.defaultDirectory()
    }
}
