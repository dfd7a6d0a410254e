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
    /// A reply already written as JSON: one stored with its id (written from the same bytes),
    /// or a line answered before (the same id sent again), written exactly as the first time.
    case serialized([UInt8])

    /// The JSON line, without its newline.
    public var json: Data {
        Data(jsonBytes)
    }

    /// The JSON line as bytes, keys sorted.
    public var jsonBytes: [UInt8] {
        var fields: [JSONField]
        switch self {
        case .reply(let session, _, let reply):
            let messages: [JSONLine] = reply.messages.map { Self.message($0) }
            var options: [JSONLine] = []
            for (index, option) in reply.options.enumerated() {
                options.append(JSONLine.object([JSONField("n", JSONLine.integer(index + 1)), JSONField("text", JSONLine.string(option.text))]))
            }
            fields = [
                JSONField("done", JSONLine.bool(reply.isFinished)),
                JSONField("expect", JSONLine.string(reply.expects.rawValue)),
                JSONField("messages", JSONLine.array(messages)),
                JSONField("options", JSONLine.array(options)),
                JSONField("session", JSONLine.string(session)),
            ]
        case .serialized(let bytes):
            return bytes
        case .error(let error, _, let session):
            fields = [JSONField("error", JSONLine.object([JSONField("code", JSONLine.string(error.code)), JSONField("message", JSONLine.string(error.message))]))]
            if let session, !session.isEmpty, session.utf8.count <= RequestParser.maximumSessionLength { fields.append(JSONField("session", JSONLine.string(session))) }
            fields.append(JSONField("type", JSONLine.string("error")))
        case .pong: fields = [JSONField("type", JSONLine.string("pong"))]
        case .stats(_, let sessions, let lines, let errors, let uptime):
            fields = [JSONField("errors", JSONLine.integer(errors)), JSONField("lines", JSONLine.integer(lines)), JSONField("sessions", JSONLine.integer(sessions)), JSONField("type", JSONLine.string("stats")), JSONField("uptime_seconds", JSONLine.integer(uptime))]
        case .due(_, let sessions):
            let keys: [JSONLine] = sessions.map { JSONLine.string($0) }
            fields = [JSONField("sessions", JSONLine.array(keys)), JSONField("type", JSONLine.string("due"))]
        case .forgotten(_, let session): fields = [JSONField("session", JSONLine.string(session)), JSONField("type", JSONLine.string("forgotten"))]
        }
        if let id {
            fields.insert(JSONField("id", id.jsonLine), at: fields.firstIndex { $0.key > "id" } ?? fields.count)
        }
        return JSONLine.object(fields).bytes
    }

    var id: RequestID? {
        switch self {
        case .reply(_, let id, _), .error(_, let id, _), .pong(let id), .stats(let id, _, _, _, _), .due(let id, _), .forgotten(let id, _): id
        case .serialized: nil
        }
    }

    private static func message(_ text: MarkedUpText) -> JSONLine {
        let attributes = text.attributes.filter { $0.name != "character" }
        guard !attributes.isEmpty else { return JSONLine.object([JSONField("text", JSONLine.string(text.text))]) }
        var spans: [JSONLine] = []
        for attribute in attributes {
            var properties: [JSONField] = []
            for (key, value) in attribute.properties.sorted(by: { $0.key < $1.key }) { properties.append(JSONField(key, JSONLine.string(value.description))) }
            spans.append(JSONLine.object([
                JSONField("length", JSONLine.integer(attribute.length)), JSONField("name", JSONLine.string(attribute.name)),
                JSONField("position", JSONLine.integer(attribute.position)), JSONField("properties", JSONLine.object(properties)),
            ]))
        }
        return JSONLine.object([JSONField("attributes", JSONLine.array(spans)), JSONField("text", JSONLine.string(text.text))])
    }
}

extension RequestID {
    var jsonLine: JSONLine {
        switch self {
        case .string(let text): return .string(text)
        case .integer(let number): return .integer(number)
        case .number(let number): return .number(number)
        }
    }
}
