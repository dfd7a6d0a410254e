/// A request's `id` exactly as the bridge wrote it: the JSON token (a string with its quotes
/// and escapes, or a number as written), echoed back byte for byte.
public struct RequestID: Hashable, Sendable {
    /// The token's bytes.
    let token: [UInt8]

    /// The id as stored for recognising a repeated line.
    var key: String { String(decoding: token, as: UTF8.self) }
}
