import Foundation

/// A logistic-regression model over hashed features: the learned reader's whole knowledge,
/// in one small file beside the lexicons, evaluated in Swift.
///
/// The file holds a header (format, feature version, size, bias, threshold, the digest of
/// the training data), the weights as 32-bit floats, and the labelled lines it was trained
/// on (for "the nearest labelled lines" in explanations). All numbers are little-endian.
public struct LinearModel: Sendable, Equatable {
    public static let magic = Array("GIDSLM01".utf8)

    /// The feature version the model was trained with (``FeatureExtractor/version``).
    public var featureVersion: UInt32
    public var bits: Int
    public var weights: [Float]
    public var bias: Float
    /// The score from which the model says yes, chosen by cross-validation when trained.
    public var threshold: Float
    /// A digest of everything the model was trained from (lines, labels, settings), to tell
    /// whether a shipped model still matches its training data.
    public var trainingDigest: UInt64
    /// The lines it was trained on.
    public var lines: [LabelledText]

    public init(
        featureVersion: UInt32, bits: Int, weights: [Float], bias: Float, threshold: Float, trainingDigest: UInt64,
        lines: [LabelledText]
    ) {
        self.featureVersion = featureVersion
        self.bits = bits
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.trainingDigest = trainingDigest
        self.lines = lines
    }

    /// The probability the model gives a text with these features.
    public func score(_ features: SparseVector) -> Float {
        1 / (1 + exp(-(bias + features.dot(weights))))
    }

    /// Whether the model says yes.
    public func says(_ features: SparseVector) -> Bool {
        score(features) >= threshold
    }

    // MARK: - The file

    /// Why a model file cannot be used.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The model in its file form.
    public var data: Data {
        var bytes = Self.magic
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
        put(featureVersion)
        put(UInt32(bits))
        put(bias.bitPattern)
        put(threshold.bitPattern)
        put(trainingDigest)
        put(UInt32(weights.count))
        for weight in weights { put(weight.bitPattern) }
        put(UInt32(lines.count))
        for line in lines {
            put(UInt8(line.label ? 1 : 0))
            for text in [line.group, line.language, line.category, line.text] {
                put(UInt32(text.utf8.count))
                bytes += Array(text.utf8)
            }
        }
        return Data(bytes)
    }

    /// Reads a model file's bytes; without `includingLines` the labelled lines at its end are
    /// left unread (``lines`` is empty), for a reader that only scores.
    public init(data: Data, includingLines: Bool = true) throws(FileError) {
        var reader = ByteReader(bytes: [UInt8](data))
        guard reader.take(Self.magic.count) == Self.magic else {
            throw FileError(description: "not a gids model file (it does not start with GIDSLM01)")
        }
        do {
            featureVersion = try reader.integer()
            bits = Int(try reader.integer() as UInt32)
            bias = Float(bitPattern: try reader.integer())
            threshold = Float(bitPattern: try reader.integer())
            trainingDigest = try reader.integer()
            let count = Int(try reader.integer() as UInt32)
            guard bits <= 24, count == 1 << bits else {
                throw FileError(description: "the model has \(count) weights for \(bits) bits")
            }
            weights = try reader.floats(count)
            guard includingLines else {
                lines = []
                return
            }
            let lineCount = Int(try reader.integer() as UInt32)
            lines = try (0..<lineCount).map { _ in
                let label = try reader.integer() as UInt8
                let group = try reader.text()
                let language = try reader.text()
                let category = try reader.text()
                return LabelledText(
                    text: try reader.text(), language: language, label: label == 1, category: category, group: group)
            }
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(description: "the model file is cut short")
        }
        guard reader.isAtEnd else { throw FileError(description: "the model file has bytes after its end") }
    }
}

/// Reads little-endian numbers and length-prefixed text from bytes.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    struct CutShort: Error {}

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func integer<T: FixedWidthInteger>() throws -> T {
        guard let taken = take(MemoryLayout<T>.size) else { throw CutShort() }
        return T(littleEndian: taken.withUnsafeBytes { $0.loadUnaligned(as: T.self) })
    }

    /// `count` little-endian 32-bit floats, read in one go.
    mutating func floats(_ count: Int) throws -> [Float] {
        guard offset + count * 4 <= bytes.count else { throw CutShort() }
        defer { offset += count * 4 }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map {
                Float(
                    bitPattern: UInt32(
                        littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * 4, as: UInt32.self)))
            }
        }
    }

    mutating func text() throws -> String {
        let count = Int(try integer() as UInt32)
        guard let taken = take(count) else { throw CutShort() }
        return String(decoding: taken, as: UTF8.self)
    }
}
