import Foundation
import Testing

/// A bridge that sends no `start` with `lang` (the Matrix bridge among them): the conversation
/// follows the language of the person's first message, and the server's `--lang` is only the
/// fallback for a message whose words do not tell.
@Suite struct FirstMessageLanguageTests {
    @Test("a first message in English is answered in English by a server whose default is Dutch")
    func englishWriter() throws {
        let server = try ServerHarness()
        let reply = server.send(#"{"session":"a","text":"hello"}"#)[0]
        #expect(reply.contains("I'm not a therapist"), "\(reply)")
        let next = server.send(#"{"session":"a","text":"1"}"#)[0]
        #expect(next.contains("Which events of today stayed with you?"), "\(next)")
    }

    @Test("a crisis written in English as the first message gets the crisis answer in English")
    func englishCrisis() throws {
        let reply = object(try ServerHarness().send(#"{"session":"a","text":"I want to die"}"#)[0])
        #expect(reply["safety"] as? String == "crisis")
        let text = (reply["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.joined()
        #expect(text.contains("Are you safe right now?"), "\(text)")
        #expect(!text.contains("Ben je nu veilig?"))
    }

    @Test("a first message that does not tell gets the server's language; start with lang still decides")
    func fallbackAndStart() throws {
        let server = try ServerHarness()
        #expect(server.send(#"{"session":"a","text":"1"}"#)[0].contains("Ik ben geen therapeut"))
        #expect(server.send(#"{"type":"start","session":"b","lang":"nl"}"#)[0].contains("Ik ben geen therapeut"))
        #expect(server.send(#"{"session":"b","text":"hello"}"#)[0].contains("Ik begreep je antwoord niet helemaal."))
    }

    @Test("the language is chosen once: an English word later in a Dutch conversation does not switch it")
    func chosenOnce() throws {
        let server = try ServerHarness()
        _ = server.send(#"{"session":"a","text":"hoi"}"#)
        #expect(server.send(#"{"session":"a","text":"1"}"#)[0].contains("Welke gebeurtenissen van vandaag"))
        #expect(!server.send(#"{"session":"a","text":"a long shift"}"#)[0].contains("How do you feel"))
    }
}
