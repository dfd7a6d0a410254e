/// One value for every source language, so that looking one up cannot fail. A new source
/// language is a new field here, and the compiler then shows every place that must supply it.
/// A translation uses its source language's values (see ``SpokenLanguages/source(of:)``).
public struct PerLanguage<Value: Sendable>: Sendable {
    public var nl: Value
    public var en: Value

    public init(nl: Value, en: Value) {
        self.nl = nl
        self.en = en
    }

    /// The values found by language, or nil when a language has none.
    init?(_ values: [Language: Value]) {
        guard let nl = values[.nl], let en = values[.en] else { return nil }
        self.init(nl: nl, en: en)
    }

    /// The value of a source language (of Dutch for any other).
    public subscript(language: Language) -> Value {
        language == .en ? en : nl
    }
}
