import Foundation
import Testing

/// "vergeet mij" deletes the session in gids; the reply says so, so that a bridge deletes its
/// own record of the conversation too (the Matrix bridge leaves the room and drops its keys).
@Suite struct ForgottenReplyTests {
    @Test("the reply to 'vergeet mij' carries forgotten, an ordinary ending does not")
    func forgottenIsMarked() throws {
        let server = try ServerHarness()
        _ = server.send(#"{"session":"a","text":"hoi"}"#)
        let forgotten = object(server.send(#"{"session":"a","text":"vergeet mij","id":"f"}"#)[0])
        #expect(forgotten["forgotten"] as? Bool == true)
        #expect(forgotten["done"] as? Bool == true)
        #expect(try server.storedState(of: "a") == nil)
        _ = server.send(#"{"session":"b","text":"hoi"}"#)
        let ended = object(server.send(#"{"session":"b","text":"stop"}"#)[0])
        #expect(ended["done"] as? Bool == true)
        #expect(ended["forgotten"] == nil)
    }
}
