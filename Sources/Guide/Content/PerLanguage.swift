/// One value for every language gids speaks, so that looking one up cannot fail. A new
/// language is a new field here, and the compiler then shows every place that must supply it.
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

    public subscript(language: Language) -> Value {
        switch language {
        case .nl: nl
        case .en: en
        }
    }
}
