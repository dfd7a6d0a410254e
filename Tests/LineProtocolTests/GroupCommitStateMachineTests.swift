import Testing

@testable import LineProtocol

/// Group commit's decisions, event by event, with no threads and no store: batches are named
/// by strings, and transactions by their numbers.
@Suite struct GroupCommitStateMachineTests {
    private typealias Machine = GroupCommitStateMachine<String>

    private static func ahead(_ transaction: Int, countingOnPrevious: Bool = false) -> ReadAhead {
        ReadAhead(transaction: transaction, countsOnPrevious: countingOnPrevious)
    }

    @Test("with nothing in flight a batch is answered ahead from the store, for the next transaction")
    func idleAnswersFromTheStore() {
        let machine = Machine(transactionsCommitted: 4)
        #expect(machine.batchArrived() == .answerAhead(countingOn: nil, transaction: 5))
        #expect(machine.finishing() == .finished)
    }

    @Test("while one batch is committed the next counts on its answers, for the transaction after")
    func secondBatchCountsOnTheFirst() {
        var machine = Machine(transactionsCommitted: 4)
        machine.batchAnswered("a", readAhead: Self.ahead(5))
        #expect(machine.batchArrived() == .answerAhead(countingOn: "a", transaction: 6))
        #expect(machine.finishing() == .wait)
    }

    @Test("a third batch waits until the oldest is committed and its responses handed on")
    func thirdBatchWaitsForTheOldest() {
        var machine = Machine(transactionsCommitted: 0)
        machine.batchAnswered("a", readAhead: Self.ahead(1))
        machine.batchAnswered("b", readAhead: Self.ahead(2, countingOnPrevious: true))
        #expect(machine.batchArrived() == .wait)
        #expect(machine.commitBegan(transaction: 1, othersHaveCommitted: false) == .writeAnswersAhead)
        machine.commitFinished(wroteAnswersAhead: true, transactionsAfter: 1)
        #expect(machine.batchArrived() == .wait, "committed, but its responses are not handed on yet")
        machine.responsesHandedOn()
        #expect(machine.batchArrived() == .answerAhead(countingOn: "b", transaction: 3))
    }

    @Test("answers ahead are written when their transaction is the expected one and nobody else wrote")
    func answersAheadAreWrittenWhenTheStoreIsAsExpected() {
        var machine = Machine(transactionsCommitted: 0)
        machine.batchAnswered("a", readAhead: Self.ahead(1))
        #expect(machine.commitBegan(transaction: 1, othersHaveCommitted: false) == .writeAnswersAhead)
        #expect(machine.commitBegan(transaction: 1, othersHaveCommitted: true) == .answerAgain)
        #expect(machine.commitBegan(transaction: 2, othersHaveCommitted: false) == .answerAgain, "a sweep came between")
    }

    @Test("answers counting on the batch before are written only if that batch wrote its own answers ahead")
    func answersCountingOnAnAnsweredAgainBatchAreAnsweredAgain() {
        var machine = Machine(transactionsCommitted: 0)
        machine.batchAnswered("a", readAhead: Self.ahead(1))
        machine.batchAnswered("b", readAhead: Self.ahead(2, countingOnPrevious: true))
        #expect(machine.commitBegan(transaction: 1, othersHaveCommitted: true) == .answerAgain)
        machine.commitFinished(wroteAnswersAhead: false, transactionsAfter: 1)
        #expect(machine.commitBegan(transaction: 2, othersHaveCommitted: false) == .answerAgain)
        machine.commitFinished(wroteAnswersAhead: false, transactionsAfter: 2)

        var wrote = Machine(transactionsCommitted: 0)
        wrote.batchAnswered("a", readAhead: Self.ahead(1))
        wrote.batchAnswered("b", readAhead: Self.ahead(2, countingOnPrevious: true))
        wrote.commitFinished(wroteAnswersAhead: true, transactionsAfter: 1)
        #expect(wrote.commitBegan(transaction: 2, othersHaveCommitted: false) == .writeAnswersAhead)
    }

    @Test("a batch not answered ahead (it has lines for the server) is waited for before the next is answered")
    func batchAnsweredInItsTransactionIsWaitedFor() {
        var machine = Machine(transactionsCommitted: 2)
        machine.batchAnswered("stats", readAhead: nil)
        #expect(machine.batchArrived() == .wait)
        #expect(machine.commitBegan(transaction: 3, othersHaveCommitted: false) == .answerAgain)
        machine.commitFinished(wroteAnswersAhead: false, transactionsAfter: 3)
        #expect(machine.batchArrived() == .answerAhead(countingOn: nil, transaction: 4), "from the store as committed")
    }

    @Test("a batch whose answers will not be written, as far as can be told, is not counted on")
    func batchThatWillBeAnsweredAgainIsNotCountedOn() {
        // "b" counts on "a", which was answered again: "b" will be answered again too.
        var machine = Machine(transactionsCommitted: 0)
        machine.batchAnswered("a", readAhead: Self.ahead(1))
        machine.batchAnswered("b", readAhead: Self.ahead(2, countingOnPrevious: true))
        machine.commitFinished(wroteAnswersAhead: false, transactionsAfter: 1)
        machine.responsesHandedOn()
        #expect(machine.batchArrived() == .wait)
        // "c" was answered for a transaction that a sweep has taken since.
        var swept = Machine(transactionsCommitted: 0)
        swept.batchAnswered("a", readAhead: Self.ahead(1))
        swept.batchAnswered("c", readAhead: Self.ahead(2, countingOnPrevious: true))
        swept.commitFinished(wroteAnswersAhead: true, transactionsAfter: 2)
        swept.responsesHandedOn()
        #expect(swept.batchArrived() == .wait)
        swept.commitFinished(wroteAnswersAhead: false, transactionsAfter: 3)
        #expect(swept.batchArrived() == .answerAhead(countingOn: nil, transaction: 4))
    }

    @Test("the machine finishes once every batch is committed and its responses handed on, in order")
    func finishesWhenEveryBatchIsDone() {
        var machine = Machine(transactionsCommitted: 0)
        machine.batchAnswered("a", readAhead: Self.ahead(1))
        machine.batchAnswered("b", readAhead: Self.ahead(2, countingOnPrevious: true))
        machine.commitFinished(wroteAnswersAhead: true, transactionsAfter: 1)
        machine.commitFinished(wroteAnswersAhead: true, transactionsAfter: 2)
        machine.responsesHandedOn()
        #expect(machine.finishing() == .wait)
        machine.responsesHandedOn()
        #expect(machine.finishing() == .finished)
        #expect(machine.batchArrived() == .answerAhead(countingOn: nil, transaction: 3))
    }
}
