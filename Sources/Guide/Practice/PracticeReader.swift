import Foundation
import TextReading
import YarnScript

/// Practice's learned reader: one small linear model per move (one-vs-rest), over the same
/// language layer and features as the safety net's learned reader (``FeatureExtractor``),
/// trained on every labelled trainee utterance the project has (`gids practice --train`),
/// and the ``PracticeCombiner`` that decides each move from its scores and the patterns'
/// findings.
///
/// It reads what the lexicons' patterns have no words for; the patterns stay as the
/// explanation (see ``PracticeLexicon/read(_:reader:net:)``).
///
/// Its file is `Dialogues/practice/moves.bin`: the header (`GIDSPM03`, feature version,
/// bits, training digest), then per move its name, bias, scale and weights, stored as 16-bit
/// integers with one scale per move so that the file stays small, then the combiner: its
/// number of inputs, and per move a bias, a threshold and a weight per input (32-bit floats).
/// All numbers are little-endian. Training quantises the same way, so the figures of
/// cross-validation are the figures of the shipped file.
public struct PracticeReader: Sendable {
    public static let magic = Array("GIDSPM03".utf8)
    /// The file name, in the content folder's `practice/`.
    public static let file = "moves.bin"

    /// One move's model.
    public struct Move: Sendable, Equatable {
        public var name: String
        /// The model; its score is one of the combiner's inputs.
        public var model: LinearModel
    }

    public let moves: [Move]
    /// What decides each move from the moves' scores and the patterns' findings.
    public let combiner: PracticeCombiner
    public let bits: Int
    /// A digest of the lines, labels and settings the reader was trained from.
    public let trainingDigest: UInt64
    let extractor: FeatureExtractor

    /// A reader of these models; the features are made with the safety net's clause words.
    public init(
        moves: [Move], combiner: PracticeCombiner, bits: Int, trainingDigest: UInt64,
        clauseVocabulary: ClauseVocabulary
    ) {
        precondition(
            combiner.models.count == moves.count
                && combiner.models.allSatisfy {
                    $0.weights.count == PracticeCombiner.Reading.featureCount(moves: moves.count)
                }, "a combiner for these moves")
        self.moves = moves
        self.combiner = combiner
        self.bits = bits
        self.trainingDigest = trainingDigest
        extractor = FeatureExtractor(bits: bits, clauseReader: ClauseReader(vocabulary: clauseVocabulary))
    }

    /// Each move's score for a read utterance, from 0 to 1, in the order of ``moves``.
    public func scores(_ passage: Passage, readings: WordReadings) -> [(move: Move, score: Float)] {
        let features = extractor.features(of: passage, readings: readings)
        return moves.map { ($0, $0.model.score(features)) }
    }

    /// One move's model as the reader keeps it: its score is the combiner's input, and the
    /// threshold every linear model carries (0.5) decides nothing here.
    static func model(weights: [Float], bias: Float, digest: UInt64) -> LinearModel {
        LinearModel(
            featureVersion: FeatureExtractor.version, bits: Int(weights.count.trailingZeroBitCount), weights: weights,
            bias: bias, threshold: 0.5, trainingDigest: digest, lines: [])
    }

    /// A model's weights rounded as the file stores them: 16-bit steps of the largest weight.
    public static func quantised(_ weights: [Float]) -> [Float] {
        let scale = scale(of: weights)
        return weights.map { Float(Int16(($0 / scale).rounded())) * scale }
    }

    private static func scale(of weights: [Float]) -> Float {
        max(weights.map(abs).max() ?? 0, 1e-12) / Float(Int16.max)
    }

    // MARK: - The file

    /// The reader in its file form.
    public var data: Data {
        var bytes = Self.magic
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
        put(FeatureExtractor.version)
        put(UInt32(bits))
        put(trainingDigest)
        put(UInt32(moves.count))
        for move in moves {
            put(UInt32(move.name.utf8.count))
            bytes += Array(move.name.utf8)
            put(move.model.bias.bitPattern)
            let scale = Self.scale(of: move.model.weights)
            put(scale.bitPattern)
            for weight in move.model.weights { put(Int16((weight / scale).rounded())) }
        }
        put(UInt32(PracticeCombiner.Reading.featureCount(moves: moves.count)))
        for model in combiner.models {
            put(model.bias.bitPattern)
            put(model.threshold.bitPattern)
            for weight in model.weights { put(weight.bitPattern) }
        }
        return Data(bytes)
    }

    /// Reads a reader's file, or says why it cannot be used.
    public init(data: Data, clauseVocabulary: ClauseVocabulary) throws(LinearModel.FileError) {
        let bytes = [UInt8](data)
        var offset = 0
        func take(_ count: Int) throws(LinearModel.FileError) -> ArraySlice<UInt8> {
            guard offset + count <= bytes.count else { throw .init(description: "the moves model is cut short") }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
        func integer<T: FixedWidthInteger>(_: T.Type) throws(LinearModel.FileError) -> T {
            let slice = try take(MemoryLayout<T>.size)
            return T(littleEndian: slice.withUnsafeBytes { $0.loadUnaligned(as: T.self) })
        }
        let magic = Array(try take(Self.magic.count))
        guard magic.starts(with: Self.magic.dropLast(2)) else {
            throw .init(description: "not a gids moves model (it does not start with GIDSPM)")
        }
        guard magic == Self.magic else {
            throw .init(
                description:
                    "the moves model is of an older format (\(String(decoding: magic, as: UTF8.self))); retrain it with `gids practice --train`"
            )
        }
        let version = try integer(UInt32.self)
        guard version == FeatureExtractor.version else {
            throw .init(
                description:
                    "the moves model was trained with features of version \(version), and this gids makes version \(FeatureExtractor.version); retrain it with `gids practice --train`"
            )
        }
        let bits = Int(try integer(UInt32.self))
        guard bits <= 24 else { throw .init(description: "the moves model has \(bits) bits") }
        let digest = try integer(UInt64.self)
        let count = Int(try integer(UInt32.self))
        var moves: [Move] = []
        for _ in 0..<count {
            let name = String(decoding: try take(Int(try integer(UInt32.self))), as: UTF8.self)
            let bias = Float(bitPattern: try integer(UInt32.self))
            let scale = Float(bitPattern: try integer(UInt32.self))
            var weights = [Float](repeating: 0, count: 1 << bits)
            for index in weights.indices { weights[index] = Float(try integer(Int16.self)) * scale }
            moves.append(Move(name: name, model: Self.model(weights: weights, bias: bias, digest: digest)))
        }
        let inputs = Int(try integer(UInt32.self))
        guard inputs == PracticeCombiner.Reading.featureCount(moves: count) else {
            throw .init(description: "the moves model's combiner has \(inputs) inputs for \(count) moves")
        }
        var models: [PracticeCombiner.Model] = []
        for _ in 0..<count {
            let bias = Float(bitPattern: try integer(UInt32.self))
            let threshold = Float(bitPattern: try integer(UInt32.self))
            var weights: [Float] = []
            for _ in 0..<inputs { weights.append(Float(bitPattern: try integer(UInt32.self))) }
            models.append(PracticeCombiner.Model(weights: weights, bias: bias, threshold: threshold))
        }
        guard offset == bytes.count else { throw .init(description: "the moves model has bytes after its end") }
        self.init(
            moves: moves, combiner: PracticeCombiner(models: models), bits: bits,
            trainingDigest: digest, clauseVocabulary: clauseVocabulary)
    }

    /// Reads the file of a content folder's `practice/`, or says what is wrong with it.
    static func load(file: String, clauseVocabulary: ClauseVocabulary) throws(DiagnosticList) -> PracticeReader {
        let location = SourceLocation(file: file, line: 1, column: 1)
        do {
            return try PracticeReader(
                data: try Data(contentsOf: URL(fileURLWithPath: file)), clauseVocabulary: clauseVocabulary)
        } catch let error as LinearModel.FileError {
            throw DiagnosticList([Diagnostic(.error, at: location, error.description)])
        } catch {
            throw DiagnosticList([
                Diagnostic(.error, at: location, "the moves model cannot be read: \(error.localizedDescription)")
            ])
        }
    }
}
