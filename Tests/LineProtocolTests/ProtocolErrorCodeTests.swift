import Foundation
import LineProtocol
import Testing

/// The error codes a bridge can be sent are all of the form the protocol's schema allows.
@Suite struct ProtocolErrorCodeTests {
    @Test("every error code gids can write has the form docs/protocol.schema.json gives a code")
    func codesMatchTheSchema() throws {
        let schema = try JSONSerialization.jsonObject(
            with: Data(contentsOf: repositoryRoot.appendingPathComponent("docs/protocol.schema.json")))
        let definitions = (schema as? [String: Any])?["$defs"] as? [String: Any]
        let error = (definitions?["error"] as? [String: Any])?["properties"] as? [String: Any]
        let fields = (error?["error"] as? [String: Any])?["properties"] as? [String: Any]
        let pattern = try #require((fields?["code"] as? [String: Any])?["pattern"] as? String)
        let form = try NSRegularExpression(pattern: pattern)
        for code in ProtocolError.Code.allCases.map(\.rawValue) {
            let whole = NSRange(code.startIndex..., in: code)
            #expect(form.firstMatch(in: code, range: whole)?.range == whole, "\(code)")
        }
    }
}
