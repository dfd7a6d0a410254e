import Foundation
import Guide

/// Runs `gids serve`'s batches through a ``SessionServer`` so that committing one batch
/// (writing its sessions and waiting for the disk) overlaps with answering the next: each
/// batch is answered ahead on the calling thread, from the store as last committed and the
/// answers of the batch still being committed, then committed on a thread of its own, one
/// batch after another. Its responses are handed on right after its commit, in input order,
/// on a third thread; a reply is never handed on before its turn is on disk. Should the store
/// change under a batch's feet (another process wrote, a commit failed), the commit answers
/// it again.
///
/// At most two batches wait for their commit and their responses to be handed on: before a
/// third is answered, the oldest must be done, so what is read ahead never lags more than one
/// batch behind. A reader that stops reading holds up the input, never the committer's
/// thread: the sweep and the metrics go on (see ``periodically(every:_:)``).
public final class CommitPipeline {
    private let server: SessionServer
    private let deliver: @Sendable ([ProtocolResponse]) -> Void
    private let committer = DispatchQueue(label: "gids.commit")
    /// Hands the responses on, in order, so that output that cannot be written waits here.
    private let output = DispatchQueue(label: "gids.output")
    /// The batch handed to the committer before `newer`; its commit may still run.
    private var older: PreparedBatch?
    /// The batch handed to the committer last.
    private var newer: PreparedBatch?
    /// The store's transaction count after the last batch known to be committed.
    private var transactionsCommitted: Int
    /// The work done every few seconds between commits (sweeping, writing metrics).
    private var timers: [any DispatchSourceTimer] = []

    /// `deliver` gets each batch's responses, in order, on a thread of their own.
    public init(server: SessionServer, deliver: @escaping @Sendable ([ProtocolResponse]) -> Void) {
        self.server = server
        self.deliver = deliver
        transactionsCommitted = server.store.transactionCount
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
        if let older { finished(older) }
        let base: PreparedBatch.Base
        if let newer, canCountOn(newer) {
            base = .init(pending: newer, transaction: transactionsCommitted + 2)
        } else {
            // The batch being committed will be answered again (or holds lines for the
            // server): wait for it rather than count on its answers.
            if let newer { finished(newer) }
            base = .init(pending: nil, transaction: transactionsCommitted + 1)
        }
        let batch = server.prepare(items, readingAhead: base)
        batch.committed.enter()
        committer.async { [server, deliver, output] in
            let responses = server.commit(batch)
            output.async {
                deliver(responses)
                batch.committed.leave()
            }
        }
        older = newer
        newer = batch
    }

    /// Waits until every batch is committed and its responses handed on.
    public func finish() {
        for batch in [older, newer].compactMap(\.self) { finished(batch) }
        older = nil
        newer = nil
    }

    /// Whether the batch being committed can stand in for the store (once `older` is done):
    /// answered ahead for the transaction after the last one committed, and not counting on
    /// a batch that was answered again.
    private func canCountOn(_ batch: PreparedBatch) -> Bool {
        guard let ahead = batch.ahead, ahead.transaction == transactionsCommitted + 1 else { return false }
        return !ahead.countsOnPending || older?.wroteAnswersAhead == true
    }

    private func finished(_ batch: PreparedBatch) {
        batch.committed.wait()
        transactionsCommitted = batch.transactionsAfter
    }
}
