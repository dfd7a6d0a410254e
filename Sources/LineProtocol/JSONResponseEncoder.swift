import DialogueRuntime
import Guide

/// The JSON format's response encoder: each response one JSON object on a line, keys sorted,
/// as `docs/protocol.schema.json` describes, written straight to UTF-8 bytes (``JSONLine``).
public enum JSONResponseEncoder {
    /// The response's JSON line, keys sorted, without its newline.
    public static func line(for response: ProtocolResponse) -> [UInt8] {
        if case .keptLine(let bytes) = response { return bytes }
        var json = JSONLine()
        json.object { json in
            switch response {
            case .reply(let session, let id, let reply):
                json.key("done")
                json.bool(reply.isFinished)
                json.key("expect")
                json.string(reply.expects.rawValue)
                if reply.effects.contains(.forgetConversation) {
                    json.key("forgotten")
                    json.bool(true)
                }
                Self.write(id, into: &json)
                json.key("messages")
                json.array(reply.messages) { Self.write(message: $1, into: &$0) }
                json.key("options")
                json.array(reply.options.enumerated()) { json, option in
                    json.object { json in
                        json.key("n")
                        json.integer(option.offset + 1)
                        json.key("text")
                        json.string(option.element.text)
                    }
                }
                if let safety = reply.safety {
                    json.key("safety")
                    json.string(safety.rawValue)
                }
                json.key("session")
                json.string(session)
            case .error(let error, let id, let session):
                json.key("error")
                json.object { json in
                    json.key("code")
                    json.string(error.code.rawValue)
                    json.key("message")
                    json.string(error.message)
                }
                Self.write(id, into: &json)
                if let session, !session.isEmpty, session.utf8.count <= RequestParser.maximumSessionLength {
                    json.key("session")
                    json.string(session)
                }
                Self.write(type: "error", into: &json)
            case .pong(let id):
                Self.write(id, into: &json)
                Self.write(type: "pong", into: &json)
            case .stats(let id, let sessions, let lines, let errors, let storageFailures, let uptime):
                json.key("errors")
                json.integer(errors)
                Self.write(id, into: &json)
                json.key("lines")
                json.integer(lines)
                json.key("sessions")
                json.integer(sessions)
                json.key("storage_failures")
                json.integer(storageFailures)
                Self.write(type: "stats", into: &json)
                json.key("uptime_seconds")
                json.integer(uptime)
            case .due(let id, let sessions):
                Self.write(id, into: &json)
                json.key("sessions")
                json.array(sessions) { $0.string($1) }
                Self.write(type: "due", into: &json)
            case .forgotten(let id, let session):
                Self.write(id, into: &json)
                json.key("session")
                json.string(session)
                Self.write(type: "forgotten", into: &json)
            case .keptLine:
                break  // written as it is, above
            }
        }
        return json.bytes
    }

    /// The `id` field, when the line had one.
    private static func write(_ id: RequestID?, into json: inout JSONLine) {
        guard let id else { return }
        json.key("id")
        json.raw(id.token)
    }

    private static func write(type: String, into json: inout JSONLine) {
        json.key("type")
        json.string(type)
    }

    /// A message: its text, and its markup (speakers left out) as attributes.
    private static func write(message text: MarkedUpText, into json: inout JSONLine) {
        let attributes = text.attributes.filter { $0.name != "character" }
        json.object { json in
            if !attributes.isEmpty {
                json.key("attributes")
                json.array(attributes) { json, attribute in
                    json.object { json in
                        json.key("length")
                        json.integer(attribute.length)
                        json.key("name")
                        json.string(attribute.name)
                        json.key("position")
                        json.integer(attribute.position)
                        json.key("properties")
                        json.object { json in
                            for (key, value) in attribute.properties.sorted(by: { $0.key < $1.key }) {
                                json.key(key)
                                json.string(value.description)
                            }
                        }
                    }
                }
            }
            json.key("text")
            json.string(text.text)
        }
    }
}
