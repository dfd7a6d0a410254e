import Foundation
import Guide

/// Runs `gids serve`'s batches through a ``SessionServer`` so that committing one batch
/// (writing its sessions and waiting for the disk) overlaps with answering the next: each
/// batch is answered ahead on the calling thread, then committed on a thread of its own, one
/// batch after another. Its responses are handed on right after its commit, in input order,
/// on a third thread; a reply is never handed on before its turn is on disk.
///
/// What may be answered from what, and when answers worked out ahead may be written, is
/// decided by a ``GroupCommitStateMachine``; this type is its handler: it tells the machine
/// what happened on each thread (under one lock), and does what it says. A reader that stops
/// reading holds up the input, never the committer's thread: the sweep and the metrics go on
/// (see ``periodically(every:_:)``).
public final class CommitPipeline: @unchecked Sendable {
    private let server: SessionServer
    private let deliver: @Sendable ([ProtocolResponse]) -> Void
    private let committer = DispatchQueue(label: "gids.commit")
    /// Hands the responses on, in order, so that output that cannot be written waits here.
    private let output = DispatchQueue(label: "gids.output")
    /// Guards `machine`, and is signalled whenever a commit finishes or responses are handed on.
    private let condition = NSCondition()
    private var machine: GroupCommitStateMachine<PreparedBatch>
    /// The work done every few seconds between commits (sweeping, writing metrics).
    private var timers: [any DispatchSourceTimer] = []

    /// `deliver` gets each batch's responses, in order, on a thread of their own.
    public init(server: SessionServer, deliver: @escaping @Sendable ([ProtocolResponse]) -> Void) {
        self.server = server
        self.deliver = deliver
        machine = GroupCommitStateMachine(transactionsCommitted: server.store.transactionCount)
    }

    /// The server's work on a timer: `work` runs every `interval` seconds on the committer's
    /// thread, between commits, so that it happens on time even when no line arrives (idle
    /// conversations deleted, the metrics file written). A sweep that deletes is a transaction
    /// of its own: a batch answered ahead of it is answered again in its commit.
    public func periodically(every interval: TimeInterval, _ work: @escaping @Sendable (SessionServer) -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: committer)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [server] in work(server) }
        timer.resume()
        timers.append(timer)
    }

    /// Serves new content from the next batch on: waits until the batches read so far are
    /// committed (they were answered with the content they were read under), then swaps it
    /// on the committer's thread, between its timers' work.
    public func replaceContents(_ contents: [String: GuideContent]) {
        finish()
        betweenCommits { $0.replaceContents(contents) }
    }

    /// Runs `work` on the committer's thread, between commits and timers, and waits for it.
    public func betweenCommits(_ work: (SessionServer) -> Void) {
        committer.sync { work(server) }
    }

    /// Answers a batch and hands it on to be committed; returns when the next may be read.
    public func submit(_ items: [InputLines.Item]) {
        let base = waitingUntilAnswerable()
        let batch = server.prepare(items, readingAhead: base)
        withMachine { $0.batchAnswered(batch, readAhead: batch.ahead?.readAhead) }
        committer.async { [self] in
            let committed = server.commit(batch) { transaction, othersHaveCommitted in
                withMachine {
                    $0.commitBegan(transaction: transaction, othersHaveCommitted: othersHaveCommitted)
                        == .writeAnswersAhead
                }
            }
            withMachine {
                $0.commitFinished(
                    wroteAnswersAhead: committed.wroteAnswersAhead, transactionsAfter: committed.transactionsAfter)
            }
            output.async { [self] in
                deliver(committed.responses)
                withMachine { $0.responsesHandedOn() }
            }
        }
    }

    /// Waits until every batch is committed and its responses handed on.
    public func finish() {
        condition.lock()
        defer { condition.unlock() }
        while machine.finishing() == .wait { condition.wait() }
    }

    /// What the next batch is answered from, once the machine says it may be answered.
    private func waitingUntilAnswerable() -> PreparedBatch.Base {
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch machine.batchArrived() {
            case .wait: condition.wait()
            case .answerAhead(let pending, let transaction): return .init(pending: pending, transaction: transaction)
            }
        }
    }

    /// Tells the machine of an event, under the lock, and wakes whoever waits for one.
    private func withMachine<Result>(_ event: (inout GroupCommitStateMachine<PreparedBatch>) -> Result) -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return event(&machine)
    }
}
