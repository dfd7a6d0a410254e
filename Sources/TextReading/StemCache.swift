import Foundation

/// The Snowball stems of words already seen, shared by the whole process: a conversation's
/// words repeat from message to message and from person to person, and a stem costs a
/// microsecond to make but a look-up to find again. Bounded: past ``capacity`` words it
/// starts afresh.
final class StemCache: @unchecked Sendable {
    /// The cache of the process.
    static let shared = StemCache()

    static let capacity = 50_000

    private let lock = NSLock()
    private var stems: [String: (dutch: String, english: String)] = [:]

    /// The word's Dutch and English stems.
    func stems(of word: String) -> (dutch: String, english: String) {
        lock.lock()
        if let known = stems[word] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = (Stemmer(.dutch).stem(word), Stemmer(.english).stem(word))
        lock.lock()
        if stems.count >= Self.capacity { stems.removeAll(keepingCapacity: true) }
        stems[word] = made
        lock.unlock()
        return made
    }
}
