/// Where the person is, as far as the conversation knows, and the help that is there.
extension Conversation {
    /// The person's region, once the dialogue knows it.
    var knownRegion: Region? {
        state.dialogue.variables[HostVariable.region.name].flatMap { Region(rawValue: $0.text) }
    }

    /// The help map and crisis lines of the person's region, or of every region while it is
    /// not known, in the conversation's language.
    var directoryText: DirectoryText {
        let directories =
            knownRegion.map { [content.directories[$0]].compactMap { $0 } }
            ?? Region.allCases.compactMap { content.directories[$0] }
        return DirectoryText(directories: directories, language: state.language)
    }
}
