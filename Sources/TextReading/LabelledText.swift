/// A line of text with its label, for training and evaluating a learned reader.
public struct LabelledText: Sendable, Hashable {
    public var text: String
    /// The language it is written in (`nl`, `en`).
    public var language: String
    /// Whether it is what the reader should say yes to.
    public var label: Bool
    /// The finer label it was written with (`wish-dead`, `patient-death`, ...), for figures per category.
    public var category: String
    /// Where it comes from (a file): cross-validation holds out one group at a time, so no
    /// line is scored by a model trained on lines written by the same hand in the same round.
    public var group: String

    public init(text: String, language: String, label: Bool, category: String, group: String) {
        self.text = text
        self.language = language
        self.label = label
        self.category = category
        self.group = group
    }
}
