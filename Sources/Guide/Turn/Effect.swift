/// Something the door must do for the conversation: the conversation itself does no I/O.
public enum Effect: Hashable, Sendable, Codable {
    /// Keep this follow-up (the person consented).
    case remember(FollowUp)
    /// Delete everything remembered about this person.
    case forget
    /// Write the summary to take along to this file (Markdown when it ends in `.md`).
    case writeSummary(path: String, text: String)
    /// Show the trainee's debrief (the end of a practice scenario).
    case debrief
    /// Delete this conversation and everything remembered about this person: they typed
    /// "vergeet mij". The reply says so only where the door's answer waits for it (a bridge
    /// writes its reply after the commit); a terminal says it failed when it did.
    case forgetConversation

    /// The effect's name for the operator, without what it carries (no follow-up's dates, no
    /// summary's text, no file's name: the operator's log holds nothing the person said).
    public var name: String {
        switch self {
        case .remember: "remember"
        case .forget: "forget"
        case .writeSummary: "write_summary"
        case .debrief: "debrief"
        case .forgetConversation: "forget_conversation"
        }
    }
}
