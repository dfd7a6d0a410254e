/// The plain format's response encoder (see ``PlainFormat``): a reply as its `safety`,
/// `message`, `option` and `expect` lines, an error as one `error` line. Lines for the server
/// (`pong`, `stats`, `due`, `forgotten`) and replies kept as JSON lines by an earlier gids have
/// no plain form and are written as JSON; a plain line never asks for them.
public enum PlainResponseEncoder {
    /// The plain lines for one response.
    public static func lines(for response: ProtocolResponse) -> [String] {
        switch response {
        case .reply(let session, _, let reply):
            let s = PlainFormat.escape(session)
            return (reply.safety.map { ["\(s)\tsafety\t\($0.rawValue)"] } ?? [])
                + reply.messages.map { "\(s)\tmessage\t\(PlainFormat.escape($0.text))" }
                + reply.options.enumerated().map {
                    "\(s)\toption\t\($0.offset + 1)\t\(PlainFormat.escape($0.element.text))"
                }
                + ["\(s)\texpect\t\(reply.expects.rawValue)"]
        case .error(let error, _, let session):
            let echoed = session.flatMap { $0.utf8.count <= RequestParser.maximumSessionLength ? $0 : nil } ?? ""
            return [
                "\(PlainFormat.escape(echoed))\terror\t\(error.code.rawValue)\t\(PlainFormat.escape(error.message))"
            ]
        case .pong, .stats, .due, .forgotten, .keptLine:
            return [String(decoding: JSONResponseEncoder.line(for: response), as: UTF8.self)]
        }
    }

    /// The response's lines as UTF-8, without the last newline.
    static func bytes(for response: ProtocolResponse) -> [UInt8] {
        Array(lines(for: response).joined(separator: "\n").utf8)
    }
}
