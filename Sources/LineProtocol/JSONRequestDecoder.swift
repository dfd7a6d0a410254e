import Foundation
import Guide

/// The JSON format's request decoder: one JSON object per line, as `docs/protocol.schema.json`
/// and the README describe; the fields a line may have are checked by ``RequestParser``'s rules.
struct JSONRequestDecoder {
    /// The server's rules for profiles and languages.
    let parser: RequestParser

    /// Decodes one JSON line (without its line ending); see ``RequestParser/parse(_:)``.
    func decode(_ input: ArraySlice<UInt8>) -> Result<ProtocolRequest, ParseFailure> {
        // A byte order mark before the line is no part of it.
        let line = input.starts(with: [0xEF, 0xBB, 0xBF]) ? input.dropFirst(3) : input
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return .failure(ParseFailure(.emptyLine)) }
        guard String(validating: line, as: UTF8.self) != nil else { return .failure(ParseFailure(.invalidUTF8)) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(
                with: Self.escapingByteOrderMarks(line), options: [.fragmentsAllowed])
        } catch {
            return .failure(ParseFailure(ProtocolError(.invalidJSON, "the line is not valid JSON")))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(
                ParseFailure(
                    ProtocolError(.notAnObject, "each line must be one JSON object, not \(Self.kind(of: object))")))
        }
        let members = JSONMemberScanner.members(in: line)
        var keys = Set<String>()
        if let repeated = members.first(where: { !keys.insert($0.key).inserted }) {
            return .failure(
                ParseFailure(
                    ProtocolError(
                        .duplicateKey,
                        "the key '\(repeated.key.prefix(40))' appears more than once in the line; write each key once"
                    )))
        }
        var id: RequestID?
        if let raw = fields["id"] {
            switch Self.requestID(raw, token: members.last(where: { $0.key == "id" })?.value) {
            case .success(let parsed): id = parsed
            case .failure(let error): return .failure(ParseFailure(error))
            }
        }
        do {
            return .success(try request(fields, id: id))
        } catch {
            return .failure(ParseFailure(error, id: id, session: fields["session"] as? String))
        }
    }

    private func request(_ fields: [String: Any], id: RequestID?) throws(ProtocolError) -> ProtocolRequest {
        var type = "message"
        if let raw = fields["type"] {
            guard let text = raw as? String else {
                throw ProtocolError(.invalidType, "'type' must be a string, not \(Self.kind(of: raw))")
            }
            type = text
        }
        switch type {
        case "ping": return ProtocolRequest(id: id, action: .server(.ping))
        case "stats": return ProtocolRequest(id: id, action: .server(.stats))
        case "due": return ProtocolRequest(id: id, action: .server(.due))
        case "message", "start", "reset", "forget": break
        default:
            throw ProtocolError(
                .unknownType,
                "unknown type '\(type.prefix(40))'; expected message, start, reset, forget, ping, stats or due")
        }
        let session = try Self.session(fields["session"])
        switch type {
        case "start":
            if let dialogue = fields["dialogue"], dialogue as? String != "chat" {
                throw ProtocolError(
                    .unknownDialogue, "unknown dialogue \(Self.describe(dialogue)); the only dialogue is 'chat'")
            }
            let start = ProtocolRequest.ConversationLine.start(
                language: try language(fields["lang"]),
                region: try Self.choice(fields["region"], "region", .unknownRegion),
                profile: try profile(fields["org"]))
            return ProtocolRequest(id: id, action: .conversation(session: session, start))
        case "reset": return ProtocolRequest(id: id, action: .conversation(session: session, .reset))
        case "forget": return ProtocolRequest(id: id, action: .server(.forget(session: session)))
        default:
            guard let raw = fields["text"] else { throw ProtocolError(.missingText, "a message needs 'text'") }
            guard let text = raw as? String else {
                throw ProtocolError(.textNotString, "'text' must be a string, not \(Self.kind(of: raw))")
            }
            return ProtocolRequest(
                id: id, action: .conversation(session: session, try RequestParser.checked(message: text)))
        }
    }

    private static func session(_ raw: Any?) throws(ProtocolError) -> String {
        guard let raw else { throw ProtocolError(.missingSession, "the line needs 'session'") }
        guard let session = raw as? String else {
            throw ProtocolError(.sessionNotString, "'session' must be a string, not \(kind(of: raw))")
        }
        return try RequestParser.checked(session: session)
    }

    private static func choice<T: RawRepresentable<String> & CaseIterable>(
        _ raw: Any?, _ field: String, _ code: ProtocolError.Code
    )
        throws(ProtocolError) -> T?
    {
        guard let raw else { return nil }
        guard let text = raw as? String, let value = T(rawValue: text) else {
            throw ProtocolError(
                code,
                "unknown \(field) \(describe(raw)); expected \(T.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        return value
    }

    private func language(_ raw: Any?) throws(ProtocolError) -> Language? {
        guard let raw else { return nil }
        guard let code = raw as? String, let language = Language(rawValue: code), parser.languages.contains(language)
        else {
            throw ProtocolError(
                .unknownLanguage,
                "unknown lang \(Self.describe(raw)); expected \(parser.languages.map(\.rawValue).joined(separator: " or "))"
            )
        }
        return language
    }

    private func profile(_ raw: Any?) throws(ProtocolError) -> String? {
        guard let raw else { return nil }
        guard let name = raw as? String, parser.profiles.contains(name) else {
            let known = parser.profiles.sorted().joined(separator: ", ")
            throw ProtocolError(
                .unknownOrg,
                "unknown org profile \(Self.describe(raw)); \(known.isEmpty ? "this server has none" : "this server has: \(known)")"
            )
        }
        return name
    }

    /// The id as written (`token`), once its value is a string or a finite number.
    private static func requestID(_ value: Any, token: ArraySlice<UInt8>?) -> Result<RequestID, ProtocolError> {
        if let text = value as? String {
            guard text.utf8.count <= RequestParser.maximumIDLength else {
                return .failure(ProtocolError(.idTooLong, "'id' is longer than \(RequestParser.maximumIDLength) bytes"))
            }
            return .success(RequestID(token: token.map(Array.init) ?? Self.token(for: text)))
        }
        guard let number = value as? NSNumber, !isBoolean(number), number.doubleValue.isFinite else {
            return .failure(
                ProtocolError(.invalidID, "'id' must be a string or a finite number, not \(kind(of: value))"))
        }
        return .success(RequestID(token: token.map(Array.init) ?? Array(number.stringValue.utf8)))
    }

    /// Foundation's JSON parser drops a raw U+FEFF (a byte order mark) inside a string, so that
    /// "\u{FEFF}anna" would read as "anna", another person, and a key "\u{FEFF}id" as "id". Each
    /// is written as the escape `\ufeff` before parsing, which the parser keeps; outside a
    /// string that makes the line invalid JSON, as it is.
    private static func escapingByteOrderMarks(_ line: ArraySlice<UInt8>) -> Data {
        guard line.contains(0xEF) else { return Data(line) }
        var escaped = Data()
        escaped.reserveCapacity(line.count)
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == 0xEF, line[index...].starts(with: [0xEF, 0xBB, 0xBF]) {
                escaped.append(contentsOf: Array("\\ufeff".utf8))
                index += 3
            } else {
                escaped.append(line[index])
                index += 1
            }
        }
        return escaped
    }

    private static func token(for text: String) -> [UInt8] {
        var json = JSONLine()
        json.string(text)
        return json.bytes
    }

    /// Whether JSON's `true` or `false` became the number (type code "c").
    private static func isBoolean(_ number: NSNumber) -> Bool {
        number.objCType.pointee == CChar(UInt8(ascii: "c")) && number.objCType[1] == 0
    }

    private static func describe(_ value: Any) -> String {
        if let text = value as? String { return "'\(text.prefix(40))'" }
        return kind(of: value)
    }

    static func kind(of value: Any) -> String {
        switch value {
        case is String: "a string"
        case is NSNull: "null"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case let number as NSNumber: isBoolean(number) ? "a boolean" : "a number"
        default: "something else"
        }
    }
}
