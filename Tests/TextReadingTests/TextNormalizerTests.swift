import Testing
import TextReading

@Suite struct TextNormalizerTests {
    @Test("folding lowers case, drops accents and turns punctuation into single spaces")
    func folding() {
        #expect(TextNormalizer.folded("Ik wíl  NIET meer!") == "ik wil niet meer")
        #expect(TextNormalizer.folded("  Zelf-moord?? ") == "zelf moord")
        #expect(TextNormalizer.folded("Ça va, Ærø, straße") == "ca va aro strase")
        #expect(TextNormalizer.folded("...") == "")
    }

    @Test("the fast path for ASCII folds every printable character as the full path does")
    func asciiAgreesWithFullPath() {
        let printable = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) }
        // Each character alone, next to letters, and the whole set: an "é" at the end sends
        // the same text through the full path.
        var samples = printable.map { "a\($0)B\($0)\($0)9" }
        samples.append(String(printable))
        samples.append(String(printable.reversed()))
        for sample in samples {
            let fast = TextNormalizer.folded(sample)
            let full = TextNormalizer.folded(sample + " é")
            #expect(full == (fast.isEmpty ? "e" : fast + " e"), "\(sample)")
        }
    }

    @Test("the fast path for printable ASCII sanitises every character as the full path does")
    func sanitizingASCIIAgreesWithFullPath() {
        let printable = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) }
        var samples = printable.map { "  a\($0)  B\($0)\($0)9 " }
        samples.append(String(printable))
        samples += ["", " ", "   ", "een  twee   drie "]
        for sample in samples {
            let fast = TextNormalizer.sanitized(sample)
            let full = TextNormalizer.sanitized(sample + " é")  // an "é" sends it through the full path
            #expect(full == (fast.isEmpty ? "é" : fast + " é"), "\(sample)")
        }
        #expect(TextNormalizer.sanitized("  een  twee ") == "een twee")
    }
}
