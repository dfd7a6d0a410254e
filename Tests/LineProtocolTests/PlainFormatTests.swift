import Foundation
import LineProtocol
import Testing

/// A plain line is read straight into a request, under the same rules as a JSON line: the
/// same line in either format gets the same answer, or the same error.
@Suite struct PlainFormatTests {
    private let plain = RequestParser(profiles: [], format: .plain)
    private let json = RequestParser(profiles: [])

    @Test(
        "a plain line and the JSON line with the same session and text are the same request, or fail with the same error",
        arguments: [
            ("anna", "hoi"), ("anna", "ik ben\tmoe\n"), ("", "hoi"), ("a\u{7}b", "hoi"),
            (String(repeating: "s", count: 513), "hoi"), ("anna", String(repeating: "x", count: 8001)),
            ("\u{FEFF}anna", "\u{FEFF}hoi"), ("", String(repeating: "x", count: 8001)),
        ])
    func plainIsJSON(session: String, text: String) throws {
        let fromPlain = plain.parse(Array((Self.field(session) + "\t" + Self.field(text)).utf8)[...])
        let line = try JSONSerialization.data(withJSONObject: ["session": session, "text": text])
        let fromJSON = json.parse([UInt8](line)[...])
        switch (fromPlain, fromJSON) {
        case (.success(let a), .success(let b)):
            #expect(a.action == b.action)
            #expect(a.action == .conversation(session: session, .message(text: text)))
        case (.failure(let a), .failure(let b)):
            #expect(a.error == b.error)
            #expect(a.session == b.session)
        default:
            Issue.record("plain gave \(fromPlain), JSON gave \(fromJSON)")
        }
    }

    @Test("a plain line without a tab, empty or not UTF-8 gets its error")
    func malformedPlainLines() {
        #expect(code(of: "no tab here") == .missingTab)
        #expect(code(of: "") == .emptyLine)
        #expect(plain.parse([0x61, 0x09, 0xFF][...]).failureCode == .invalidUTF8)
    }

    private func code(of line: String) -> ProtocolError.Code? {
        plain.parse(Array(line.utf8)[...]).failureCode
    }

    /// A field of a plain line: what its reader unescapes, escaped.
    private static func field(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}

extension Result where Failure == ParseFailure {
    fileprivate var failureCode: ProtocolError.Code? {
        if case .failure(let failure) = self { return failure.error.code }
        return nil
    }
}
