import Foundation
import Guide

/// What a sweep of the session store deletes, worked out from one moment: conversations idle
/// longer than the hours kept, ended conversations' last replies older than
/// ``replayMinutes``, and follow-ups expired by that day.
public struct SweepLimits: Sendable {
    /// How long an ended conversation's last reply is kept, to answer its line again should
    /// a bridge that did not get the reply send it again (after a restart, say). A server
    /// sweeps once a minute, so it is gone within a quarter of an hour, as the goodbye says.
    public static let replayMinutes = 10

    /// Conversations last active before this (seconds since 1970) are deleted.
    let idleCutoff: Int64
    /// Ended conversations last active before this are deleted.
    let endedCutoff: Int64
    /// Follow-ups are expired as of this day.
    let today: DayDate

    public init(now: Date, keptHours: Int) {
        let seconds = Int64(now.timeIntervalSince1970)
        idleCutoff = seconds - Int64(keptHours) * 3600
        endedCutoff = seconds - Int64(Self.replayMinutes) * 60
        today = DayDate.today(from: now)
    }
}
