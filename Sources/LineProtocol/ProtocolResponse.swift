import DialogueRuntime
import Foundation
import Guide

/// One line gids writes to a bridge. See `docs/protocol.schema.json`.
public enum ProtocolResponse: Sendable {
    /// The guide's turn for a session.
    case reply(session: String, id: RequestID?, Reply)
    case error(ProtocolError, id: RequestID?, session: String?)
    case pong(id: RequestID?)
    case stats(id: RequestID?, sessions: Int, lines: Int, errors: Int, uptimeSeconds: Int)
    case due(id: RequestID?, sessions: [String])
    case forgotten(id: RequestID?, session: String)

    /// The JSON line, without its newline.
    public var json: Data {
        var object: [String: Any]
        switch self {
        case .reply(let session, _, let reply):
            object = [
                "session": session,
                "messages": reply.messages.map(Self.message),
                "options": reply.options.enumerated().map { ["n": $0.offset + 1, "text": $0.element.text] as [String: Any] },
                "expect": reply.expects.rawValue,
                "done": reply.isFinished,
            ]
        case .error(let error, _, let session):
            object = ["type": "error", "error": ["code": error.code, "message": error.message]]
            if let session, session.utf8.count <= RequestParser.maximumSessionLength { object["session"] = session }
        case .pong: object = ["type": "pong"]
        case .stats(_, let sessions, let lines, let errors, let uptime):
            object = ["type": "stats", "sessions": sessions, "lines": lines, "errors": errors, "uptime_seconds": uptime]
        case .due(_, let sessions): object = ["type": "due", "sessions": sessions]
        case .forgotten(_, let session): object = ["type": "forgotten", "session": session]
        }
        if let id { object["id"] = id.json }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{\"type\":\"error\"}".utf8)
    }

    var id: RequestID? {
        switch self {
        case .reply(_, let id, _), .error(_, let id, _), .pong(let id), .stats(let id, _, _, _, _), .due(let id, _), .forgotten(let id, _): id
        }
    }

    private static func message(_ text: MarkedUpText) -> [String: Any] {
        var message: [String: Any] = ["text": text.text]
        let attributes = text.attributes.filter { $0.name != "character" }
        if !attributes.isEmpty {
            message["attributes"] = attributes.map { attribute in
                ["name": attribute.name, "position": attribute.position, "length": attribute.length,
                 "properties": attribute.properties.mapValues { $0.description }] as [String: Any]
            }
        }
        return message
    }
}
