import DialogueRuntime
import Testing

@Suite struct MarkupTests {
    let english = MarkupParser(locale: "en")
    let dutch = MarkupParser(locale: "nl")

    @Test("tags become attributes and leave the text")
    func attributes() {
        let result = english.parse("Dit is [b]belangrijk[/b] en [wave size=2]golvend[/wave].")
        #expect(result.text == "Dit is belangrijk en golvend.")
        #expect(
            result.attributes == [
                MarkupAttribute(name: "b", position: 7, length: 10),
                MarkupAttribute(name: "wave", position: 21, length: 7, properties: ["size": .integer(2)]),
            ])
    }

    @Test("a speaker prefix becomes the character attribute")
    func character() {
        let result = english.parse("Anna: Hoi daar")
        #expect(result.text == "Anna: Hoi daar")
        #expect(result.characterName == "Anna")
        #expect(result.textWithoutCharacterName == "Hoi daar")
        #expect(english.parse("Anna\\: Hoi").text == "Anna: Hoi")
        #expect(english.parse("Anna\\: Hoi").characterName == nil)
    }

    @Test("select picks the case named by the value")
    func select() {
        #expect(english.parse("[select value=she he=\"him\" she=\"her\" other=\"them\"/] left").text == "her left")
    }

    @Test(
        "plural follows the English and Dutch cardinal rules",
        arguments: [("1", "1 dag"), ("2", "2 dagen"), ("0", "0 dagen"), ("1.5", "1.5 dagen")])
    func plural(value: String, expected: String) {
        let line = "[plural value=\(value) one=\"% dag\" other=\"% dagen\"/]"
        #expect(dutch.parse(line).text == expected)
        #expect(english.parse(line).text == expected)
    }

    @Test(
        "ordinals follow English rules; Dutch always uses 'other'",
        arguments: [
            (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
            (102, "102nd"),
        ])
    func ordinal(value: Int, expected: String) {
        let line = "[ordinal value=\(value) one=\"%st\" two=\"%nd\" few=\"%rd\" other=\"%th\"/]"
        #expect(english.parse(line).text == expected)
        #expect(dutch.parse("[ordinal value=\(value) one=\"%ste\" other=\"%e\"/]").text == "\(value)e")
    }

    @Test("self-closing tags eat one following space unless told not to")
    func trimWhitespace() {
        #expect(english.parse("A [pauze/] B").text == "A B")
        #expect(english.parse("A [pauze trimwhitespace=false/] B").text == "A  B")
    }

    @Test("nomarkup keeps its content verbatim, escaped brackets are text")
    func verbatim() {
        #expect(english.parse("[nomarkup][b]ruw[/b][/nomarkup]").text == "[b]ruw[/b]")
        #expect(english.parse("\\[a\\]hallo\\[/a\\]").text == "[a]hallo[/a]")
    }

    @Test("broken markup leaves the line unprocessed so the person still reads it")
    func broken() {
        #expect(english.parse("Een [b]open tag").text == "Een [b]open tag")
        #expect(english.parse("[plural one=\"x\"/]").text == "[plural one=\"x\"/]")
        #expect(english.parse("[select value=x a=\"1\"/]").text == "[select value=x a=\"1\"/]")
    }

    @Test("mis-nested tags are split so each span stays inside its parent")
    func misnested() {
        let result = english.parse("[a]1[b]2[/a]3[/b]")
        #expect(result.text == "123")
        #expect(result.attributes.map { "\($0.name)@\($0.position)+\($0.length)" } == ["a@0+2", "b@1+1", "b@2+1"])
    }
}
