extension ProtocolError {
    /// Every code an error line can carry: stable and machine-readable, so a bridge can act on
    /// each one. Each has the form `docs/protocol.schema.json` gives a code (a test holds them
    /// to it); the raw value is what the line carries.
    public enum Code: String, CaseIterable, Sendable {
        // The line itself.
        /// The line is empty, or only spaces and tabs.
        case emptyLine = "empty_line"
        /// The line is not valid UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// The line is longer than `--max-line` bytes and was skipped.
        case lineTooLong = "line_too_long"
        /// The input ended in the middle of a line.
        case truncatedLine = "truncated_line"
        /// The line is not valid JSON.
        case invalidJSON = "invalid_json"
        /// The line is JSON, but not one object.
        case notAnObject = "not_an_object"
        /// A key is written more than once in the line.
        case duplicateKey = "duplicate_key"
        /// A plain line has no tab between session and text.
        case missingTab = "missing_tab"
        // Its fields.
        /// `id` is neither a string nor a finite number.
        case invalidID = "invalid_id"
        /// `id` is longer than ``RequestParser/maximumIDLength`` bytes.
        case idTooLong = "id_too_long"
        /// `type` is not a string.
        case invalidType = "invalid_type"
        /// `type` names no kind of line gids knows.
        case unknownType = "unknown_type"
        /// The line has no `session`.
        case missingSession = "missing_session"
        /// `session` is not a string.
        case sessionNotString = "session_not_string"
        /// `session` is empty.
        case emptySession = "empty_session"
        /// `session` is longer than ``RequestParser/maximumSessionLength`` bytes.
        case sessionTooLong = "session_too_long"
        /// `session` contains control characters.
        case invalidSession = "invalid_session"
        /// A message has no `text`.
        case missingText = "missing_text"
        /// `text` is not a string.
        case textNotString = "text_not_string"
        /// `text` is longer than ``RequestParser/maximumTextLength`` characters.
        case textTooLong = "text_too_long"
        /// A `start` names a dialogue other than `chat`.
        case unknownDialogue = "unknown_dialogue"
        /// A `start` names a language the content does not offer.
        case unknownLanguage = "unknown_language"
        /// A `start` names an unknown region.
        case unknownRegion = "unknown_region"
        /// A `start` names an organisation profile the server does not have.
        case unknownOrg = "unknown_org"
        // What the session makes of it.
        /// The `id` was already used for another line of this session.
        case idReused = "id_reused"
        /// `text` contains NUL characters.
        case textHasNUL = "text_has_nul"
        /// `text` contains terminal escape sequences.
        case textHasEscapeSequence = "text_has_escape_sequence"
        /// The session could not be saved: nothing changed, and the line may be sent again.
        case storageFailed = "storage_failed"
    }
}
