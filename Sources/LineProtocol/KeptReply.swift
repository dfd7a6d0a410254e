import DialogueRuntime
import Foundation
import Guide

/// A reply kept with its line (see `AnsweredLine`), so that the same line sent again gets the
/// same answer, written byte for byte as the first time. It is kept as a value, in gids's
/// binary storage form, not as the line written: what the bridge was shown (the messages with
/// their markup, the options, what the guide expects, the safety net's part) and the line's
/// `id` exactly as the bridge wrote it. The output edge writes it in the server's format, as
/// it wrote the reply the first time.
enum KeptReply {
    /// The first byte of a kept reply. An earlier gids kept the JSON line itself, which starts
    /// with `{`: such a reply is written again as it is (``ProtocolResponse/keptLine(_:)``).
    private static let version: UInt8 = 1

    /// The reply to the line with `id`, as it is kept.
    static func encoded(_ reply: Reply, id: RequestID) -> Data {
        var writer = BinaryWriter()
        writer.byte(version)
        writer.blob(id.token)
        writer.string(reply.expects.rawValue)
        writer.optional(reply.safety) { $0.string($1.rawValue) }
        writer.bool(reply.effects.contains(.forgetConversation))
        writer.array(reply.messages) { writer, message in
            writer.string(message.text)
            writer.array(message.attributes.filter { $0.name != "character" }) { writer, attribute in
                writer.string(attribute.name)
                writer.count(attribute.position)
                writer.count(attribute.length)
                writer.array(attribute.properties.sorted { $0.key < $1.key }) { writer, property in
                    writer.string(property.key)
                    writer.string(property.value.description)
                }
            }
        }
        writer.array(reply.options) { $0.string($1.text) }
        return Data(writer.bytes)
    }

    /// The response that answers the same line again, for `session`; nil when the kept bytes
    /// cannot be read (then nothing counts as kept, as for a reply that does not open with the
    /// store's key).
    static func response(from data: Data, session: String) -> ProtocolResponse? {
        let bytes = [UInt8](data)
        guard bytes.first == version else { return .keptLine(bytes) }
        var reader = BinaryReader(bytes: bytes)
        do throws(BinaryStateError) {
            _ = try reader.byte()
            let id = RequestID(token: try reader.blob())
            var reply = Reply(expects: try reader.raw(Reply.Expectation.self))
            reply.safety = try reader.optional { reader throws(BinaryStateError) in try reader.raw(Reply.Safety.self) }
            if try reader.bool() { reply.effects = [.forgetConversation] }
            reply.messages = try reader.array { reader throws(BinaryStateError) in
                MarkedUpText(
                    text: try reader.string(),
                    attributes: try reader.array { reader throws(BinaryStateError) in
                        MarkupAttribute(
                            name: try reader.string(), position: try reader.count(), length: try reader.count(),
                            properties: try properties(&reader))
                    })
            }
            reply.options = try reader.array { reader throws(BinaryStateError) in
                MarkedUpText(text: try reader.string())
            }
            guard reader.isAtEnd else { return nil }
            return .reply(session: session, id: id, reply)
        } catch {
            return nil
        }
    }

    /// An attribute's properties, each value as the text it is written as.
    private static func properties(_ reader: inout BinaryReader) throws(BinaryStateError) -> [String: MarkupValue] {
        var properties: [String: MarkupValue] = [:]
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            properties[key] = .string(try reader.string())
        }
        return properties
    }
}
