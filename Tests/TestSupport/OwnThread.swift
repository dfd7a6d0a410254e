import Foundation

/// Runs long CPU-bound work (training and cross-validating a model) on a thread of its own
/// and waits for it without holding a thread.
///
/// Swift Testing runs every test on the cooperative pool, which has one thread per core: on
/// a 2-core machine, two tests that compute for minutes hold both threads, and every other
/// test, with its time limit already running, waits for them. Check the result's figures
/// after the call, in the test itself: an `#expect` on another thread belongs to no test.
public func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Swift.Result { try work() }) }
        // As large as the main thread's: the compiler and the readers recurse.
        thread.stackSize = 8 << 20
        thread.start()
    }
}
