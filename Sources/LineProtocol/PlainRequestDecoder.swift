/// The plain format's request decoder: `session<TAB>text`, each field unescaped (see
/// ``PlainFormat``), straight to a message for that session under the rules every format's
/// lines follow (``RequestParser``).
enum PlainRequestDecoder {
    /// Decodes one plain line (without its line ending); see ``RequestParser/parse(_:)``.
    static func decode(_ line: ArraySlice<UInt8>) -> Result<ProtocolRequest, ParseFailure> {
        guard let text = String(validating: line, as: UTF8.self) else { return .failure(ParseFailure(.invalidUTF8)) }
        guard !text.isEmpty else { return .failure(ParseFailure(.emptyLine)) }
        guard let tab = text.firstIndex(of: "\t") else {
            return .failure(ParseFailure(ProtocolError(.missingTab, "a plain line is 'session<TAB>text'")))
        }
        let session = PlainFormat.unescape(String(text[..<tab]))
        do {
            let checked = try RequestParser.checked(session: session)
            let message = try RequestParser.checked(
                message: PlainFormat.unescape(String(text[text.index(after: tab)...])))
            return .success(ProtocolRequest(id: nil, action: .conversation(session: checked, message)))
        } catch {
            return .failure(ParseFailure(error, session: session))
        }
    }
}
