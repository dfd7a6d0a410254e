import Foundation

/// The tab-separated variant of the protocol, for shell bridges (`--format plain`).
///
/// In: one message per line, `session<TAB>text`. Out: for each input line, one or more
/// lines `session<TAB>kind<TAB>...`, always ending with exactly one `expect` or `error`
/// line, so a bridge reads until it sees one. A reply in which the safety net gave the crisis
/// answer or asked the check question starts with `safety`:
///
///     anna	safety	crisis
///     anna	message	Welke gebeurtenissen van vandaag zijn je bijgebleven?
///     anna	option	1	Ja
///     anna	expect	text
///     anna	error	missing_text	a message needs 'text'
///
/// In every field a tab is written `\t`, a newline `\n`, a carriage return `\r` and a
/// backslash `\\`, both ways; gids writes any other control character (an escape, say) as
/// `\u001b`, so that a field can never move a terminal's cursor or end a line. A session name
/// in an error line is left out when it is longer than ``RequestParser/maximumSessionLength``
/// bytes, as in JSON.
public enum PlainFormat {
    /// The JSON request equivalent to a plain input line, or the problem with it.
    public static func request(from line: [UInt8]) -> InputLines.Item {
        guard let text = String(validating: line, as: UTF8.self) else { return .failed(.invalidUTF8) }
        guard !text.isEmpty else { return .failed(.emptyLine) }
        guard let tab = text.firstIndex(of: "\t") else {
            return .failed(ProtocolError(.missingTab, "a plain line is 'session<TAB>text'"))
        }
        let object = [
            "session": unescape(String(text[..<tab])), "text": unescape(String(text[text.index(after: tab)...])),
        ]
        guard let json = try? JSONSerialization.data(withJSONObject: object) else { return .failed(.invalidUTF8) }
        return .line([UInt8](json))
    }

    /// The plain lines for one response.
    public static func lines(for response: ProtocolResponse) -> [String] {
        switch response {
        case .reply(let session, _, let reply):
            let s = escape(session)
            return (reply.safety.map { ["\(s)\tsafety\t\($0.rawValue)"] } ?? [])
                + reply.messages.map { "\(s)\tmessage\t\(escape($0.text))" }
                + reply.options.enumerated().map { "\(s)\toption\t\($0.offset + 1)\t\(escape($0.element.text))" }
                + ["\(s)\texpect\t\(reply.expects.rawValue)"]
        case .error(let error, _, let session):
            let echoed = session.flatMap { $0.utf8.count <= RequestParser.maximumSessionLength ? $0 : nil } ?? ""
            return ["\(escape(echoed))\terror\t\(error.code.rawValue)\t\(escape(error.message))"]
        case .serialized(let bytes):
            return serializedLines(bytes)
        case .pong, .stats, .due, .forgotten:
            return [String(decoding: response.json, as: UTF8.self)]
        }
    }

    /// The plain lines of a reply already written as JSON.
    private static func serializedLines(_ bytes: [UInt8]) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let session = object["session"] as? String
        else {
            return [String(decoding: bytes, as: UTF8.self)]
        }
        let s = escape(session)
        let messages = (object["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.map {
            "\(s)\tmessage\t\(escape($0))"
        }
        let options = (object["options"] as? [[String: Any]] ?? []).compactMap { option -> String? in
            guard let n = option["n"] as? Int, let text = option["text"] as? String else { return nil }
            return "\(s)\toption\t\(n)\t\(escape(text))"
        }
        let safety = (object["safety"] as? String).map { ["\(s)\tsafety\t\($0)"] } ?? []
        return safety + messages + options + ["\(s)\texpect\t\(object["expect"] as? String ?? "none")"]
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case _ where scalar.properties.generalCategory == .control:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
