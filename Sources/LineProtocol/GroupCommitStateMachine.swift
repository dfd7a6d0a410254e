/// Group commit in `gids serve`, as one state machine: which batches are on their way to
/// the store and to the bridge, what the next batch may be answered from, and whether the
/// answers worked out ahead of a transaction may be written in it.
///
/// A batch is answered ahead of its transaction, on the reading thread, while the batch
/// before it is being committed: from the store as last committed and, for the sessions of
/// the batch being committed, from that batch's answers. Its transaction then writes those
/// answers only if nothing they were worked out from has changed (see
/// ``commitBegan(transaction:othersHaveCommitted:)``); otherwise the batch is answered again in
/// the transaction. At most two batches wait for their commit and for their responses to be
/// handed on: before a third is answered, the oldest must be done, so what is read ahead never
/// lags more than one batch behind.
///
/// A value with no threads, locks or I/O: each event is a mutating function that returns what
/// to do. ``CommitPipeline`` drives it from its threads, under one lock, and does the work.
///
///     var machine = GroupCommitStateMachine<String>(transactionsCommitted: 0)
///     machine.batchArrived()  // .answerAhead(countingOn: nil, transaction: 1)
///     machine.batchAnswered("a", readAhead: ReadAhead(transaction: 1, countsOnPrevious: false))
///     machine.batchArrived()  // .answerAhead(countingOn: "a", transaction: 2)
struct GroupCommitStateMachine<Batch> {
    /// A batch handed on to be committed whose responses have not been handed on yet.
    struct InFlight {
        let batch: Batch
        /// What its answers worked out ahead count on; nil when it was not answered ahead.
        let readAhead: ReadAhead?
        /// Whether its transaction has finished (committed, or failed and answered line by line).
        var isCommitted = false
    }

    enum State {
        /// No batch waits for its commit or for its responses to be handed on.
        case idle
        /// One batch does.
        case one(InFlight)
        /// Two do; the older is committed first, and its responses are handed on first.
        case two(older: InFlight, newer: InFlight)
    }

    /// What to do with a batch that was just read.
    enum ArrivalAction {
        /// Wait until a commit finishes or a batch's responses are handed on, then tell the
        /// machine again that the batch arrived.
        case wait
        /// Answer the batch ahead of its transaction, expected to be number `transaction`: from
        /// the store as last committed and, for its sessions, from the answers of `countingOn`.
        case answerAhead(countingOn: Batch?, transaction: Int)
    }

    /// What a transaction writes for its batch.
    enum CommitAction: Equatable {
        /// The answers worked out ahead: the store is as they expect.
        case writeAnswersAhead
        /// Answers worked out again in the transaction, from the store as it is.
        case answerAgain
    }

    /// Whether every batch handed on is done.
    enum FinishAction: Equatable {
        case wait
        case finished
    }

    private(set) var state = State.idle
    /// The store's transaction count after the last batch committed.
    private var transactionsCommitted: Int
    /// Whether the last batch committed wrote the answers worked out ahead of its transaction.
    private var lastCommitWroteAnswersAhead = false

    /// A machine for a store that has begun `transactionsCommitted` write transactions so far.
    init(transactionsCommitted: Int) {
        self.transactionsCommitted = transactionsCommitted
    }

    /// A batch was read: answer it now, from what, or wait.
    func batchArrived() -> ArrivalAction {
        switch state {
        case .idle:
            return .answerAhead(countingOn: nil, transaction: transactionsCommitted + 1)
        case .two:
            return .wait
        case .one(let newer) where newer.isCommitted:
            return .answerAhead(countingOn: nil, transaction: transactionsCommitted + 1)
        case .one(let newer):
            // The batch being committed can stand in for the store if its own answers will be
            // written, as far as can be told before its transaction begins; otherwise its
            // sessions will change in ways not known yet.
            guard let readAhead = newer.readAhead,
                Self.mayWrite(
                    readAhead, inTransaction: transactionsCommitted + 1, othersHaveCommitted: false,
                    previousWroteAnswersAhead: lastCommitWroteAnswersAhead)
            else { return .wait }
            return .answerAhead(countingOn: newer.batch, transaction: transactionsCommitted + 2)
        }
    }

    /// The batch that arrived is answered (ahead, as `readAhead` says, or not at all) and
    /// handed on to be committed after the batches before it.
    mutating func batchAnswered(_ batch: Batch, readAhead: ReadAhead?) {
        let answered = InFlight(batch: batch, readAhead: readAhead)
        switch state {
        case .idle: state = .one(answered)
        case .one(let newer): state = .two(older: newer, newer: answered)
        case .two: preconditionFailure("a third batch was answered while two were in flight; wait as batchArrived says")
        }
    }

    /// The transaction of the oldest batch not yet committed has begun, as number
    /// `transaction` of the store, which another process may have written to since the last
    /// one (`othersHaveCommitted`): what it writes.
    func commitBegan(transaction: Int, othersHaveCommitted: Bool) -> CommitAction {
        guard let readAhead = oldestUncommitted?.readAhead,
            Self.mayWrite(
                readAhead, inTransaction: transaction, othersHaveCommitted: othersHaveCommitted,
                previousWroteAnswersAhead: lastCommitWroteAnswersAhead)
        else { return .answerAgain }
        return .writeAnswersAhead
    }

    /// The oldest batch not yet committed is committed (or its transaction failed and its lines
    /// were answered one by one), leaving the store with `transactionsAfter` transactions.
    mutating func commitFinished(wroteAnswersAhead: Bool, transactionsAfter: Int) {
        switch state {
        case .one(var batch) where !batch.isCommitted:
            batch.isCommitted = true
            state = .one(batch)
        case .two(var older, let newer) where !older.isCommitted:
            older.isCommitted = true
            state = .two(older: older, newer: newer)
        case .two(let older, var newer) where !newer.isCommitted:
            newer.isCommitted = true
            state = .two(older: older, newer: newer)
        default:
            preconditionFailure("a commit finished with no batch waiting for one")
        }
        transactionsCommitted = transactionsAfter
        lastCommitWroteAnswersAhead = wroteAnswersAhead
    }

    /// The responses of the oldest batch in flight, committed, are handed on: it is done.
    mutating func responsesHandedOn() {
        switch state {
        case .one(let batch) where batch.isCommitted: state = .idle
        case .two(let older, let newer) where older.isCommitted: state = .one(newer)
        default: preconditionFailure("responses were handed on before their batch was committed")
        }
    }

    /// Whether every batch answered so far is committed and its responses handed on.
    func finishing() -> FinishAction {
        if case .idle = state { return .finished }
        return .wait
    }

    private var oldestUncommitted: InFlight? {
        switch state {
        case .idle: nil
        case .one(let batch): batch.isCommitted ? nil : batch
        case .two(let older, let newer): older.isCommitted ? (newer.isCommitted ? nil : newer) : older
        }
    }

    /// The one rule for answers worked out ahead: they may be written in transaction number
    /// `transaction` when they were worked out for that very transaction (no transaction of the
    /// server's own came between, such as a sweep), no other process wrote to the store since
    /// the previous one, and the batch whose answers they count on wrote those answers.
    private static func mayWrite(
        _ readAhead: ReadAhead, inTransaction transaction: Int, othersHaveCommitted: Bool,
        previousWroteAnswersAhead: Bool
    ) -> Bool {
        readAhead.transaction == transaction && !othersHaveCommitted
            && (!readAhead.countsOnPrevious || previousWroteAnswersAhead)
    }
}

extension GroupCommitStateMachine.ArrivalAction: Equatable where Batch: Equatable {}
