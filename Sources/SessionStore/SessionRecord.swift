import Guide

/// One session as read for a batch of lines: its stored conversation and its consented
/// follow-up, changed in memory (on any thread: it holds no connection) and then written
/// back in the same transaction with ``SessionTransaction/write(_:)``.
public struct SessionRecord: Sendable {
    /// The key the bridge uses.
    public let key: String
    /// The key as stored (see ``SessionKeys``), worked out once per record.
    let pseudonym: String
    /// The conversation; nil for a session the store does not know.
    public var stored: StoredSession? {
        didSet { isChanged = true }
    }
    /// The follow-up, as the changes so far have left it.
    public private(set) var followUp: FollowUp?
    /// Changes to the follow-up to write, in order: the follow-up to keep, or nil to forget it.
    private(set) var followUpChanges: [FollowUp?] = []
    /// Whether ``stored`` must be written.
    private(set) var isChanged = false
    /// Whether the conversation stored so far is to be deleted (a later line may start a new one).
    public private(set) var isDeleted = false

    init(key: String, pseudonym: String, stored: StoredSession?, followUp: FollowUp?) {
        self.key = key
        self.pseudonym = pseudonym
        self.stored = stored
        self.followUp = followUp
    }

    /// The record as reading it again would give once its changes are written.
    public var written: SessionRecord {
        SessionRecord(key: key, pseudonym: pseudonym, stored: stored, followUp: followUp)
    }

    /// Keeps a consented follow-up.
    public mutating func remember(_ followUp: FollowUp) {
        self.followUp = followUp
        followUpChanges.append(followUp)
    }

    /// Deletes the follow-up.
    public mutating func forgetFollowUp() {
        followUp = nil
        followUpChanges.append(nil)
    }

    /// Deletes the conversation, which has ended: what was typed in it is not needed any more.
    /// A consented follow-up stays.
    public mutating func endConversation() {
        stored = nil
        isDeleted = true
    }

    /// Deletes the session and everything remembered about it (the person asked: "vergeet mij").
    public mutating func delete() {
        forgetFollowUp()
        endConversation()
    }
}
