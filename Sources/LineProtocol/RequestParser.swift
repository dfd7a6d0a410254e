import Guide

/// Reads request lines in the server's ``LineFormat``, rejecting anything malformed with a
/// precise ``ProtocolError``, and holds the rules every format's lines follow: what a session
/// name, a message, a language and an organisation profile may be.
public struct RequestParser: Sendable {
    /// Session keys longer than this are refused.
    public static let maximumSessionLength = 512
    /// Messages longer than this (in characters) are refused.
    public static let maximumTextLength = 8000
    /// The longest `id` string, in bytes.
    public static let maximumIDLength = 256

    /// The organisation profiles a `start` may name.
    public var profiles: Set<String>
    /// The languages a `start` may name: those the content offers.
    public var languages: [Language]
    /// How lines are written.
    public var format: LineFormat

    /// A parser for lines in `format` that may name `profiles` and `languages` in a `start`.
    public init(profiles: Set<String>, languages: [Language] = Language.sources, format: LineFormat = .json) {
        self.profiles = profiles
        self.languages = languages
        self.format = format
    }

    /// Parses one line (without its line ending). The `id` is returned with the error whenever
    /// it could be read, so the bridge can match the error to its line.
    ///
    ///     let parser = RequestParser(profiles: [])
    ///     switch parser.parse(Array(#"{"session":"anna","id":7,"text":"hoi"}"#.utf8)[...]) {
    ///     case .success(let request): print(request.action)  // conversation(session: "anna", message(text: "hoi"))
    ///     case .failure(let failure): print(failure.error.code, failure.id as Any)
    ///     }
    public func parse(_ line: ArraySlice<UInt8>) -> Result<ProtocolRequest, ParseFailure> {
        switch format {
        case .json: JSONRequestDecoder(parser: self).decode(line)
        case .plain: PlainRequestDecoder.decode(line)
        }
    }

    /// A session name as a line gives it, once it is not empty, not too long, and has no
    /// control characters.
    static func checked(session: String) throws(ProtocolError) -> String {
        guard !session.isEmpty else { throw ProtocolError(.emptySession, "'session' must not be empty") }
        guard session.utf8.count <= maximumSessionLength else {
            throw ProtocolError(.sessionTooLong, "'session' is longer than \(maximumSessionLength) bytes")
        }
        guard !session.unicodeScalars.contains(where: isControl) else {
            throw ProtocolError(.invalidSession, "'session' must not contain control characters")
        }
        return session
    }

    /// What a person wrote, as a line gives it, once it is not too long.
    static func checked(message text: String) throws(ProtocolError) -> ProtocolRequest.ConversationLine {
        // Characters are counted only for a text that has more bytes than the limit.
        guard text.utf8.count <= maximumTextLength || text.count <= maximumTextLength else {
            throw ProtocolError(.textTooLong, "'text' is longer than \(maximumTextLength) characters")
        }
        return .message(text: text)
    }

    /// A control character (general category Cc), looked up only outside ASCII.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value < 0x20 || scalar.value == 0x7F : scalar.properties.generalCategory == .control
    }
}
