import Crypto
import Foundation
import GRDB
import Guide
import SessionStore
import Testing

@Suite struct SessionRecordTests {
    private let followUp = FollowUp(
        eventDate: DayDate(year: 2026, month: 3, day: 1)!, eventKind: "overlijden", isPileUp: false, schedule: .olvg,
        talks: [.init(number: 1, date: DayDate(year: 2026, month: 3, day: 3)!, signals: [2, 5])])
    private let state = StoredSession(
        state: Data([2, 1, 2]), profile: "", answeredLines: [AnsweredLine(line: "i:1", reply: Data("{}".utf8))],
        lastActivity: 100)

    @Test("a record is read with its follow-up, changed in memory, and written back; only what changed is written")
    func readChangeWrite() throws {
        let store = try SessionDatabase(path: ":memory:")
        let fresh = try store.transaction { try $0.read("anna") }
        #expect(fresh.stored == nil && fresh.followUp == nil)

        try store.transaction { transaction in
            var record = try transaction.read("anna")
            record.stored = state
            record.remember(followUp)
            try transaction.write(record)
        }
        let known = try store.transaction { try $0.read("anna") }
        #expect(known.stored?.state == state.state && known.stored?.lastActivity == 100)
        #expect(known.followUp == followUp)
        #expect(try store.transaction { try $0.dueSessions(on: DayDate(year: 2026, month: 4, day: 1)!) } == ["anna"])

        // Read and written without a change: nothing is written (the activity time stays).
        try store.transaction { try $0.write(try $0.read("anna")) }
        #expect(try store.transaction { try $0.read("anna") }.stored?.lastActivity == 100)

        try store.transaction { transaction in
            var record = try transaction.read("anna")
            record.forgetFollowUp()
            try transaction.write(record)
        }
        let forgotten = try store.transaction { try $0.read("anna") }
        #expect(forgotten.followUp == nil && forgotten.stored != nil)
        #expect(try store.transaction { try $0.dueSessions(on: DayDate(year: 2026, month: 4, day: 1)!) }.isEmpty)
    }

    @Test("sessions read together come back in the order asked, known or not, each with its own follow-up")
    func readTogether() throws {
        let store = try SessionDatabase(path: ":memory:")
        try store.transaction { transaction in
            var anna = try transaction.read("anna")
            anna.stored = state
            anna.remember(followUp)
            try transaction.write(anna)
            var bob = try transaction.read("bob")
            bob.stored = StoredSession(
                state: Data([2, 9]), profile: "voorbeeld", lastActivity: 7)
            try transaction.write(bob)
        }
        let keys = ["nieuw", "bob", "anna", "ook nieuw"].map(store.keys.pseudonymised)
        for records in [try store.transaction { try $0.read(keys) }, try store.readCommitted { try $0.read(keys) }] {
            #expect(records.map(\.key) == ["nieuw", "bob", "anna", "ook nieuw"])
            #expect(records.map(\.stored?.state) == [nil, Data([2, 9]), state.state, nil])
            #expect(records.map(\.stored?.profile) == [nil, "voorbeeld", "", nil])
            #expect(records.map(\.followUp) == [nil, nil, followUp, nil])
        }
    }

    @Test("sessions written together are each stored, changed ones only, follow-ups included")
    func writeTogether() throws {
        let store = try SessionDatabase(path: ":memory:")
        let keys = (0..<45).map { store.keys.pseudonymised("room:\($0)") }
        try store.transaction { transaction in
            let records = try transaction.read(keys).enumerated().map { index, record in
                var record = record
                if index % 9 != 0 {
                    record.stored = StoredSession(
                        state: Data([2, UInt8(index)]), profile: "",
                        lastActivity: Int64(index))
                }
                if index == 1 { record.remember(followUp) }
                return record
            }
            try transaction.write(records)
        }
        let records = try store.transaction { try $0.read(keys) }
        let written = (0..<45).filter { $0 % 9 != 0 }
        let expectedStates: [Data?] = (0..<45).map { written.contains($0) ? Data([2, UInt8($0)]) : nil }
        let expectedTimes: [Int64?] = (0..<45).map { written.contains($0) ? Int64($0) : nil }
        #expect(records.map(\.stored?.state) == expectedStates)
        #expect(records.map(\.stored?.lastActivity) == expectedTimes)
        #expect(records.map { $0.followUp != nil } == (0..<45).map { $0 == 1 })
        #expect(try store.transaction { try $0.count() } == 40)
    }

    @Test(
        "a session is stored under HMAC-SHA256 of its key with the store's secret, as every earlier version stored it")
    func pseudonymFormat() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("gids.sqlite").path
        let store = try SessionDatabase(path: path)
        try store.transaction { transaction in
            var record = try transaction.read("matrix:@anna:example.org")
            record.stored = state
            try transaction.write(record)
        }
        let secret = SymmetricKey(data: try Data(contentsOf: URL(fileURLWithPath: path + ".key")))
        let expected = HMAC<SHA256>.authenticationCode(for: Data("matrix:@anna:example.org".utf8), using: secret).map {
            String(format: "%02x", $0)
        }.joined()
        let keys = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT key FROM session") }
        #expect(keys == [expected])
    }
}
