import Foundation

/// Work started on another thread at once, whose result is waited for when it is needed: for
/// independent parts of loading that would otherwise add up.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    // `@unchecked`: `value` is written once, by the worker, before `done` is signalled, and read
    // only after waiting for it.
    private var value: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Result) {
        Thread.detachNewThread { [self] in
            value = work()
            done.signal()
        }
    }

    /// The result, waiting for the work to finish; call it once.
    func result() -> Result {
        done.wait()
        guard let value else { preconditionFailure("the work signalled that it was done before setting its result") }
        return value
    }
}
