import ByteOutput

/// The output edge of `gids serve` and `gids reply`: a batch's responses encoded in the
/// server's ``LineFormat`` and written to standard output in one write, in order. A bridge
/// that stops reading ends gids quietly (see `StandardOutput`).
public struct ResponseWriter: Sendable {
    /// How the lines are written.
    public let format: LineFormat
    private let output = StandardOutput()

    /// A writer of lines in `format` to standard output.
    public init(format: LineFormat) {
        self.format = format
    }

    /// Writes the responses to one batch, each as its line (or lines).
    public func write(_ responses: [ProtocolResponse]) {
        output.write(bytes: format.encode(responses))
    }
}
