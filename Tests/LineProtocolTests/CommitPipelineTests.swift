import Foundation
import Testing

@testable import LineProtocol

/// `gids serve` answers a batch while the one before it is being committed; nothing about
/// that may show in what a bridge reads, nor in what is stored.
@Suite struct CommitPipelineTests {
    @Test("lines sent through the pipeline in batches of any size are answered exactly as one at a time")
    func pipelineEqualsOneAtATime() throws {
        try withStoreFile { path in
            // First only conversation lines (lines for the server are answered in the transaction,
            // after the batch before has been committed), then every kind.
            let lines = BatchTests.lines.filter { !$0.contains(#""type""#) } + BatchTests.lines
            let piped = try ServerHarness(path: path)
            let alone = try ServerHarness()
            let output = Delivered()
            let pipeline = CommitPipeline(server: piped.server) {
                output.append($0.map(piped.text))
            }
            // Batches of 1 to 300 lines; above 200 (the sessions), a session is in two batches in
            // a row: answered ahead of the commit of its previous turn.
            let sizes = [1, 300, 7, 250, 2, 201, 150, 33, 280, 90]
            var (start, batch) = (0, 0)
            while start < lines.count {
                let end = min(lines.count, start + sizes[batch % sizes.count])
                pipeline.submit(lines[start..<end].map { .line(Array($0.utf8)) })
                (start, batch) = (end, batch + 1)
            }
            pipeline.finish()
            #expect(output.lines == lines.flatMap { alone.send($0) })
            for session in 0..<200 {
                #expect(try piped.storedState(of: "s\(session)") == alone.storedState(of: "s\(session)"), "s\(session)")
            }
        }
    }

    @Test("answers worked out ahead are written when the store is as they expect, counting on the batch before")
    func answersAheadAreWritten() throws {
        try withStoreFile { path in
            let harness = try ServerHarness(path: path)
            let server = harness.server
            _ = server.handle(lines(#"{"session":"anna","text":"hoi"}"#))
            let first = server.prepare(
                lines(#"{"session":"anna","text":"1"}"#),
                readingAhead: .init(transaction: harness.store.transactionCount + 1))
            let second = server.prepare(
                lines(#"{"session":"anna","text":"Een lange dienst"}"#),
                readingAhead: .init(pending: first, transaction: harness.store.transactionCount + 2))
            let committed = commitInTurn(first, second, on: server, after: harness.store.transactionCount)
            let answers = committed.map { harness.text(of: $0.responses[0]) }
            #expect(committed.allSatisfy { $0.wroteAnswersAhead })
            let reference = try ServerHarness()
            _ = reference.send(#"{"session":"anna","text":"hoi"}"#)
            #expect(
                answers
                    == reference.send(
                        #"{"session":"anna","text":"1"}"#, #"{"session":"anna","text":"Een lange dienst"}"#))
            #expect(try harness.storedState(of: "anna") == reference.storedState(of: "anna"))
        }
    }

    @Test(
        "answers worked out ahead are worked out again when another process wrote meanwhile, and so are those counting on them"
    )
    func anotherWriterMeanwhile() throws {
        try withStoreFile { path in
            let harness = try ServerHarness(path: path)
            let other = try ServerHarness(path: path)  // as `gids reply` on the same store
            let server = harness.server
            _ = server.handle(lines(#"{"session":"anna","text":"hoi"}"#))
            let first = server.prepare(
                lines(#"{"session":"anna","text":"1"}"#),
                readingAhead: .init(transaction: harness.store.transactionCount + 1))
            let second = server.prepare(
                lines(#"{"session":"anna","text":"moe"}"#),
                readingAhead: .init(pending: first, transaction: harness.store.transactionCount + 2))
            // Meanwhile the other process chooses the check-in for anna.
            #expect(other.send(#"{"session":"anna","text":"1"}"#)[0].contains("Welke gebeurtenissen van vandaag"))
            let committed = commitInTurn(first, second, on: server, after: harness.store.transactionCount)
            let answers = committed.map { harness.text(of: $0.responses[0]) }
            #expect(!committed.contains { $0.wroteAnswersAhead })
            // As if the three lines had come one after another: "1" answers the first question.
            let reference = try ServerHarness()
            _ = reference.send(#"{"session":"anna","text":"hoi"}"#, #"{"session":"anna","text":"1"}"#)
            #expect(answers == reference.send(#"{"session":"anna","text":"1"}"#, #"{"session":"anna","text":"moe"}"#))
            #expect(try harness.storedState(of: "anna") == reference.storedState(of: "anna"))
        }
    }

    /// Commits the batches one after another as ``CommitPipeline`` does, with the decisions of a
    /// ``GroupCommitStateMachine`` that saw them answered after `transactions` transactions.
    private func commitInTurn(_ batches: PreparedBatch..., on server: SessionServer, after transactions: Int)
        -> [(responses: [ProtocolResponse], wroteAnswersAhead: Bool, transactionsAfter: Int)]
    {
        var machine = GroupCommitStateMachine<Int>(transactionsCommitted: transactions)
        for (number, batch) in batches.enumerated() { machine.batchAnswered(number, readAhead: batch.ahead?.readAhead) }
        return batches.map { batch in
            let committed = server.commit(batch) {
                machine.commitBegan(transaction: $0, othersHaveCommitted: $1) == .writeAnswersAhead
            }
            machine.commitFinished(
                wroteAnswersAhead: committed.wroteAnswersAhead, transactionsAfter: committed.transactionsAfter)
            return committed
        }
    }

    private func lines(_ lines: String...) -> [InputLines.Item] {
        lines.map { .line(Array($0.utf8)) }
    }
}

/// What a pipeline hands on, gathered from its committing thread.
private final class Delivered: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [String] = []

    var lines: [String] { lock.withLock { gathered } }

    func append(_ lines: [String]) {
        lock.withLock { gathered += lines }
    }
}
