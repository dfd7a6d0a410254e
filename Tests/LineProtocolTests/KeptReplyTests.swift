import DialogueRuntime
import Foundation
import Guide
import Testing

@testable import LineProtocol

/// A reply kept for a line sent again is written again byte for byte as the first time.
@Suite struct KeptReplyTests {
    @Test("a kept reply, with its markup, options, safety and id, is written again exactly as the first time")
    func keptReplyIsWrittenAgainTheSame() throws {
        var reply = Reply(
            messages: [
                MarkedUpText(
                    text: "Anna: Bel 113, nu.",
                    attributes: [
                        MarkupAttribute(
                            name: "character", position: 0, length: 6, properties: ["name": .string("Anna")]),
                        MarkupAttribute(
                            name: "b", position: 6, length: 7,
                            properties: ["weight": .integer(700), "size": .float(1.5), "on": .bool(true)]),
                    ]),
                MarkedUpText(text: "Wil je \"verder\"?\n"),
            ],
            options: [MarkedUpText(text: "Ja"), MarkedUpText(text: "Liever niet")], expects: .choice)
        reply.safety = .crisis
        let first = ProtocolResponse.reply(session: "matrix:@anna", id: RequestID(token: Array(#""a-1""#.utf8)), reply)
        let kept = KeptReply.encoded(reply, id: RequestID(token: Array(#""a-1""#.utf8)))
        let again = try #require(KeptReply.response(from: kept, session: "matrix:@anna"))
        for format in LineFormat.allCases {
            #expect(format.bytes(for: again) == format.bytes(for: first), "\(format)")
        }
    }

    @Test("a reply an earlier gids kept as its JSON line is written again as it is")
    func lineKeptByAnEarlierGids() throws {
        let line = Array(#"{"done":false,"expect":"text","id":3,"messages":[],"options":[],"session":"s"}"#.utf8)
        let again = try #require(KeptReply.response(from: Data(line), session: "s"))
        #expect(LineFormat.json.bytes(for: again) == line)
    }

    @Test("kept bytes that cannot be read count as nothing kept")
    func unreadableKeptReply() {
        #expect(KeptReply.response(from: Data([1, 200]), session: "s") == nil)
    }
}
