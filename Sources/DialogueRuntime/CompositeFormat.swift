import Foundation

/// The `format(template, value)` function: .NET composite formatting with one argument, as Yarn
/// Spinner's standard library does it, in the invariant culture (`.` before decimals, `,` between
/// thousands), so a dialogue reads the same on every machine.
///
/// A template is text with items `{0}`, `{0:F2}`, `{0,6}` or `{0,-6:N1}` (index, alignment, format),
/// and `{{`, `}}` for literal braces. Numbers take the standard formats `F`, `N`, `P`, `E` and `G`
/// (each with an optional precision) or a custom pattern of `0`, `#`, `.`, `,` and `%`, such as
/// `0.00` or `#,##0`; strings and booleans ignore the format and only take the alignment.
///
///     format("{0:F1} km", 4.25)  // "4.2 km"
///     format("{0:N0} people", 12500)  // "12,500 people"
public enum CompositeFormat {
    /// A template that cannot be used, with a plain explanation.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong with the template, and what to write instead.
        public var description: String
    }

    /// The template with its items filled in with `value`.
    public static func format(_ template: String, _ value: Value) throws(Problem) -> String {
        var result = ""
        for piece in try pieces(of: template) {
            switch piece {
            case .text(let text): result += text
            case .item(let alignment, let specifier): result += aligned(try text(of: value, specifier), alignment)
            }
        }
        return result
    }

    /// Checks a template without a value, so the compiler can report a mistake in a template
    /// written out in the dialogue where it stands.
    public static func validate(_ template: String) throws(Problem) {
        for case .item(_, let specifier) in try pieces(of: template) {
            _ = try text(of: .number(0), specifier)
        }
    }

    private enum Piece {
        case text(String)
        case item(alignment: Int, specifier: String)
    }

    private static func pieces(of template: String) throws(Problem) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(template)
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "}" {
                guard rest.first == "}" else { throw Problem(description: "a '}' must be written '}}' in a template") }
                rest = rest.dropFirst()
                text.append("}")
                continue
            }
            guard character == "{" else {
                text.append(character)
                continue
            }
            if rest.first == "{" {
                rest = rest.dropFirst()
                text.append("{")
                continue
            }
            guard let close = rest.firstIndex(of: "}") else {
                throw Problem(description: "the item '{\(rest)' has no closing '}'")
            }
            let item = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let (head, specifier) =
                item.firstIndex(of: ":").map { (item[..<$0], String(item[item.index(after: $0)...])) } ?? (item, "")
            let parts = head.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0].trimmingCharacters(in: .whitespaces) == "0" else {
                throw Problem(
                    description: "'{\(item)}' refers to argument \(parts[0]), but format takes one value: {0}")
            }
            var alignment = 0
            if parts.count == 2 {
                guard let width = Int(parts[1].trimmingCharacters(in: .whitespaces)), abs(width) <= 1000 else {
                    throw Problem(description: "'\(parts[1])' in '{\(item)}' is not a width")
                }
                alignment = width
            }
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
            pieces.append(.item(alignment: alignment, specifier: specifier))
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    private static func aligned(_ text: String, _ alignment: Int) -> String {
        let padding = String(repeating: " ", count: max(0, abs(alignment) - text.count))
        return alignment < 0 ? text + padding : padding + text
    }

    private static func text(of value: Value, _ specifier: String) throws(Problem) -> String {
        guard case .number(let number) = value, !specifier.isEmpty else { return value.text }
        if let kind = specifier.first?.uppercased(), "FNPEG".contains(kind) {
            let digits = specifier.dropFirst()
            guard digits.isEmpty || (digits.allSatisfy(\.isASCII) && Int(digits).map { $0 <= 99 } == true) else {
                throw Problem(description: "'\(specifier)' is not a format: a precision after \(kind) is 0 to 99")
            }
            return standard(kind, precision: Int(digits), Double(number))
        }
        return try custom(specifier, Double(number))
    }

    private static func standard(_ kind: String, precision: Int?, _ number: Double) -> String {
        switch kind {
        case "F": return fixed(number, decimals: precision ?? 2, grouped: false)
        case "N": return fixed(number, decimals: precision ?? 2, grouped: true)
        case "P": return fixed(number * 100, decimals: precision ?? 2, grouped: true) + " %"
        case "E":
            let text = String(format: "%.\(precision ?? 6)E", number)
            guard let e = text.firstIndex(of: "E") else { return text }
            let exponent = text[text.index(after: e)...]
            let sign = exponent.first == "-" ? "-" : "+"
            let digits = exponent.drop { $0 == "+" || $0 == "-" }
            return text[..<e] + "E" + sign + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        default: return precision.map { String(format: "%.\($0)G", number) } ?? Value.number(Float(number)).text
        }
    }

    private static func fixed(_ number: Double, decimals: Int, grouped: Bool) -> String {
        let text = String(format: "%.\(decimals)f", number)
        guard grouped else { return text }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let point = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        return (negative ? "-" : "") + grouping(unsigned[..<point]) + unsigned[point...]
    }

    private static func grouping(_ digits: Substring) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// A custom pattern such as `0.00`, `#,##0` or `0%`: `0` is a digit always shown, `#` one
    /// shown when significant, `,` in the whole part groups thousands, `%` multiplies by 100.
    private static func custom(_ pattern: String, _ number: Double) throws(Problem) -> String {
        guard pattern.contains(where: { $0 == "0" || $0 == "#" }),
            pattern.allSatisfy({ "0#.,% ".contains($0) })
        else {
            throw Problem(
                description:
                    "'\(pattern)' is not a format: use F, N, P, E or G (with a precision, like F2), or a pattern of 0, #, ',' and '.', like 0.00"
            )
        }
        let value = pattern.contains("%") ? number * 100 : number
        let point = pattern.firstIndex(of: ".") ?? pattern.endIndex
        let wholePattern = pattern[..<point]
        let fractionPattern = point < pattern.endIndex ? pattern[pattern.index(after: point)...] : ""
        let required = fractionPattern.filter { $0 == "0" }.count
        let optional = fractionPattern.filter { $0 == "#" }.count
        var text = String(format: "%.\(required + optional)f", abs(value))
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            fraction = String(text[text.index(after: dot)...])
            text = String(text[..<dot])
            while fraction.count > required, fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let minimumWhole = wholePattern.filter { $0 == "0" }.count
        if text == "0", minimumWhole == 0 { text = "" }
        text = String(repeating: "0", count: max(0, minimumWhole - text.count)) + text
        if wholePattern.contains(",") { text = grouping(Substring(text)) }
        let negative = value < 0 && (text + fraction).contains { $0 >= "1" && $0 <= "9" }
        return (negative ? "-" : "") + text + (fraction.isEmpty ? "" : "." + fraction)
            + (pattern.contains("%") ? "%" : "")
    }
}
