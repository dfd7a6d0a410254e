/// How the virtual machine picks one item of a line group (`=>`) among those whose
/// conditions hold.
public enum SaliencyStrategy: String, Hashable, Sendable, Codable, CaseIterable {
    /// The earliest item in source order.
    case first
    /// The item with the most complex condition; ties go to the earliest.
    case best
    /// The item seen least often, then the most complex, then the earliest.
    case bestLeastRecentlySeen = "best_least_recently_seen"
    /// Like `bestLeastRecentlySeen`, but a seeded random pick among the items tied at the front.
    case randomBestLeastRecentlySeen = "random_best_least_recently_seen"

    /// Whether this strategy counts how often each item was picked.
    var recordsViews: Bool { self == .bestLeastRecentlySeen || self == .randomBestLeastRecentlySeen }

    /// The index into `candidates` to pick, or nil when there are none.
    /// - Parameters:
    ///   - candidates: the qualifying items as (view count, complexity), in source order.
    ///   - random: called with a bound `n` to get a number in `0..<n` when there is a tie to break.
    func pick(_ candidates: [(views: Int, complexity: Int)], random: (Int) -> Int) -> Int? {
        guard !candidates.isEmpty else { return nil }
        switch self {
        case .first:
            return 0
        case .best:
            let best = candidates.map(\.complexity).max() ?? 0
            return candidates.firstIndex { $0.complexity == best }
        case .bestLeastRecentlySeen, .randomBestLeastRecentlySeen:
            let fewest = candidates.map(\.views).min() ?? 0
            let unseen = candidates.indices.filter { candidates[$0].views == fewest }
            let best = unseen.map { candidates[$0].complexity }.max() ?? 0
            let front = unseen.filter { candidates[$0].complexity == best }
            if self == .randomBestLeastRecentlySeen, front.count > 1 {
                return front[random(front.count)]
            }
            return front.first
        }
    }
}
