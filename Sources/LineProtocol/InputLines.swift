/// Splits a byte stream into lines of at most a given length. A longer line is skipped up
/// to its end and reported once; a line cut off by the end of input is reported too. A
/// `\r` before the `\n` is dropped.
public struct InputLines: Sendable {
    /// One piece of input.
    public enum Item: Equatable, Sendable {
        case line([UInt8])
        case failed(ProtocolError)
    }

    public let maximumLength: Int
    private var pending: [UInt8] = []
    private var skippingLongLine = false

    public init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    /// Adds bytes just read; returns the lines they complete.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Item] {
        // One copy into an array: the loop below over a concrete array is specialised, while
        // over a collection from another module it would go through generic calls per byte.
        feed(contiguous: Array(bytes))
    }

    private mutating func feed(contiguous bytes: [UInt8]) -> [Item] {
        var items: [Item] = []
        var rest = bytes[...]
        while let newline = rest.firstIndex(of: 0x0A) {
            append(rest[..<newline], to: &items)
            if skippingLongLine {
                skippingLongLine = false
            } else {
                if pending.last == 0x0D { pending.removeLast() }
                items.append(.line(pending))
            }
            pending = []
            rest = rest[rest.index(after: newline)...]
        }
        append(rest, to: &items)
        return items
    }

    /// Adds part of a line; a line that grows too long is reported once and skipped.
    private mutating func append(_ part: some Collection<UInt8>, to items: inout [Item]) {
        guard !skippingLongLine else { return }
        guard pending.count + part.count <= maximumLength else {
            pending = []
            skippingLongLine = true
            items.append(.failed(.lineTooLong(limit: maximumLength)))
            return
        }
        pending.append(contentsOf: part)
    }

    /// The end of input: a partial line left over is reported.
    public mutating func finish() -> [Item] {
        defer { pending = [] }
        return pending.isEmpty ? [] : [.failed(.truncated)]
    }
}
