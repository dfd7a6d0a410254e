/// The tab-separated variant of the protocol, for shell bridges (`--format plain`): its
/// lines are read by ``PlainRequestDecoder`` and written by ``PlainResponseEncoder``.
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
    /// A field as written: tabs, newlines, carriage returns and backslashes escaped, and any
    /// other control character as `\u` and four hexadecimal digits.
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

    /// A field as read: `\t`, `\n`, `\r` and `\\` unescaped.
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
