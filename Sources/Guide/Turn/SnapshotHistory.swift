/// The moments "back" can return to, oldest first, at most
/// ``ConversationState/historyLimit`` of them.
///
/// A stored conversation reads its history only when the person goes back: until then each
/// moment stays in its binary form, so a turn of `gids serve` does not decode and encode
/// again up to twenty copies of a dialogue state it will most likely never need.
struct SnapshotHistory: Sendable {
    private enum Moment: Sendable {
        case snapshot(ConversationState.Snapshot)
        /// As ``ConversationState/Snapshot/binaryEncoded()`` wrote it.
        case encoded([UInt8])

        var bytes: [UInt8] {
            switch self {
            case .snapshot(let snapshot): snapshot.binaryEncoded()
            case .encoded(let bytes): bytes
            }
        }
    }

    private var moments: [Moment] = []

    init() {}

    init(_ snapshots: [ConversationState.Snapshot]) {
        moments = snapshots.map(Moment.snapshot)
    }

    /// Moments in their binary form, read when they are needed.
    init(encoded: [[UInt8]]) {
        moments = encoded.map(Moment.encoded)
    }

    var isEmpty: Bool { moments.isEmpty }

    /// Every moment in its binary form, oldest first.
    var encoded: [[UInt8]] { moments.map(\.bytes) }

    /// Adds the newest moment, in its binary form when that is at hand, letting go of the
    /// oldest beyond the limit.
    mutating func append(_ snapshot: ConversationState.Snapshot, encoded bytes: [UInt8]? = nil) {
        moments.append(bytes.map(Moment.encoded) ?? .snapshot(snapshot))
        if moments.count > ConversationState.historyLimit { moments.removeFirst() }
    }

    /// Takes the newest moment. One whose bytes cannot be read (a damaged store) is passed
    /// over for the one before it.
    mutating func removeLast() -> ConversationState.Snapshot? {
        while let moment = moments.popLast() {
            switch moment {
            case .snapshot(let snapshot): return snapshot
            case .encoded(let bytes):
                if let snapshot = try? ConversationState.Snapshot(binary: bytes) { return snapshot }
            }
        }
        return nil
    }

    mutating func removeAll() {
        moments = []
    }

    /// The moments that can be read, oldest first.
    private var snapshots: [ConversationState.Snapshot] {
        moments.compactMap { moment in
            switch moment {
            case .snapshot(let snapshot): snapshot
            case .encoded(let bytes): try? ConversationState.Snapshot(binary: bytes)
            }
        }
    }
}

/// Two histories are equal when they hold the same moments, in whichever form.
extension SnapshotHistory: Hashable {
    static func == (left: SnapshotHistory, right: SnapshotHistory) -> Bool {
        left.encoded == right.encoded
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(encoded)
    }
}

/// In JSON (the debugging form) the history is a plain array of moments.
extension SnapshotHistory: Codable {
    init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([ConversationState.Snapshot].self))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(snapshots)
    }
}
