/// The wire format of `gids serve` and `gids reply`: how request lines are read and response
/// lines written. Each has its decoder (``JSONRequestDecoder``, ``PlainRequestDecoder``) and its
/// encoder (``JSONResponseEncoder``, ``PlainResponseEncoder``).
public enum LineFormat: String, CaseIterable, Sendable {
    /// One JSON object per line, both ways (`docs/protocol.schema.json`).
    case json
    /// Tab-separated lines for shell bridges (see ``PlainFormat``).
    case plain

    /// The response's line (or, in the plain format, lines), without the last newline.
    func bytes(for response: ProtocolResponse) -> [UInt8] {
        switch self {
        case .json: JSONResponseEncoder.line(for: response)
        case .plain: PlainResponseEncoder.bytes(for: response)
        }
    }

    /// The lines for a batch's responses, in order, each ending in a newline: what is written.
    public func encode(_ responses: [ProtocolResponse]) -> [UInt8] {
        var output: [UInt8] = []
        for response in responses {
            output += bytes(for: response)
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }
}
