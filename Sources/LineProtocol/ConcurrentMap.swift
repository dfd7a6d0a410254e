import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element, on all cores when each gets at least
    /// `minimumShare` elements; in order, like `map`. `transform` must be safe to call from
    /// several threads at once.
    func concurrentMap<Result>(minimumShare: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumShare))
        guard workers > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each worker fills every `workers`-th element: no two write the same one.
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in Swift.stride(from: worker, to: count, by: workers) {
                    (results.baseAddress! + index).initialize(to: transform(self[index]))
                }
            }
            initialized = count
        }
    }
}
