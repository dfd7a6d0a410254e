import Guide
import Testing
import TextReading

/// Each rule of the safety net's reading, pinned by one exact message on the shipped lexicons
/// (see `SafetyReading`): each kind of negation, each role, each frame. Read with the rules
/// alone: the learned reader has its own tests.
@Suite struct SafetyReadingTests {
    private func read(_ text: String) throws -> SafetyAssessment {
        try shippedContent().safetyNet.with(learnedReader: nil).assess(text)
    }

    private func decision(_ text: String) throws -> SafetyAssessment.Decision {
        try read(text).decision
    }

    // MARK: - Negation: no proof of safety, so the check question, never silence

    @Test("a negation inside the risk asks instead of answering with the crisis answer")
    func negationInside() throws {
        #expect(try decision("ik wil dood") == .crisis)
        #expect(try decision("ik wil niet dood") == .check)
        #expect(try read("ik wil niet dood").reasons.first?.contains("negated") == true)
    }

    @Test("a negation before the risk in its clause counts, one before a clause break does not")
    func negationBefore() throws {
        #expect(try decision("ik denk echt niet aan zelfmoord") == .check)
        #expect(try decision("ik ben niet depressief maar ik wil dood") == .crisis)
    }

    @Test("a negation right after the risk counts: 'dood wil ik niet'")
    func negationAfter() throws {
        #expect(try decision("dood wil ik niet") == .check)
        #expect(try decision("dood wil ik") == .crisis)
    }

    @Test("a short denial after the risk counts: 'suicidal, no'")
    func shortDenial() throws {
        #expect(try decision("suicidal, no") == .check)
        #expect(try decision("suicidal, no idea what to do with myself anymore") == .crisis)
    }

    @Test("a question answered no counts: 'zelfmoordgedachten? nee hoor'")
    func questionAnsweredNo() throws {
        #expect(try decision("zelfmoordgedachten? nee hoor") == .check)
        #expect(try decision("je vroeg of ik aan zelfmoord denk: nee") == .check)
        #expect(try decision("zelfmoordgedachten? ja") == .check, "a question, no one named: asked")
    }

    // MARK: - Roles: whom the risk is about

    @Test("the writer, named or not named at all, gets the crisis answer")
    func writer() throws {
        #expect(try decision("ik wil er niet meer zijn") == .crisis)
        #expect(try decision("zelfmoordgedachten") == .crisis)
        #expect(try decision("mijn leven heeft geen zin meer, ik wil dood") == .crisis)
    }

    @Test("a question put to the listener is the check question, marked as put to someone")
    func listener() throws {
        let asked = try read("denk jij weleens aan zelfmoord?")
        #expect(asked.decision == .check)
        #expect(asked.isQuestionToListener)
    }

    @Test("someone else at risk is someone else in danger; told as done, someone else's death")
    func someoneElse() throws {
        #expect(try decision("mijn collega wil dood") == .someoneElseInDanger)
        #expect(try decision("mijn collega heeft zich van het leven beroofd") == .aboutSomeoneElse)
        #expect(try decision("my flatmate wants to kill himself, what do I do") == .someoneElseInDanger)
    }

    @Test("what someone is asked about is theirs: a client asked about suicidal thoughts is no crisis of the writer's")
    func oneAsked() throws {
        #expect(try decision("hoe vraag ik een cliënt naar suïcidale gedachten zonder sturend te zijn") == .clinical)
        #expect(try decision("ik vroeg mijn collega naar haar zelfmoordgedachten") == .someoneElseInDanger)
        // A possessive after the preposition says whose the topic is; no one asked, the usual reading.
        #expect(try decision("mijn teamleider vroeg me naar mijn suïcidale gedachten") == .crisis)
        #expect(try decision("ik wil met iemand praten over mijn zelfmoordgedachten") == .crisis)
        #expect(try read("mag ik je iets vragen over zelfmoord?").isQuestionToListener)
        // No one asked and no one's own named: asked about, never concluded either way.
        #expect(try decision("ik durf nu eindelijk de vraag naar zelfdoding te stellen") == .check)
        #expect(try decision("I keep talking about wanting to be dead") == .crisis, "a risk in more words")
        #expect(try decision("ik praat al weken over er een eind aan maken") == .crisis)
    }

    @Test("a hint of leaving in a message that names the next job is about the job, unless that is denied")
    func leavingTheJob() throws {
        #expect(try decision("mijn laatste dienst is vrijdag, daarna begin ik bij de gemeente") == .none)
        #expect(try decision("my last shift ever on this ward today, going to work in a lab") == .none)
        #expect(try decision("laatste dienst vandaag, iedereen bedankt") == .check)
        #expect(try decision("morgen is mijn laatste dienst. niet omdat ik een andere baan heb") == .check)
        // Only hints: a clear risk stays the crisis answer.
        #expect(try decision("ik heb een nieuwe baan gevonden maar ik wil dood") == .crisis)
    }

    @Test("a patient's risk is clinical talk, unless it is happening now or was told as done")
    func patient() throws {
        #expect(try decision("een patiënt zegt dat hij dood wil") == .clinical)
        #expect(try decision("een patiënt staat op het dak en wil springen, wat moet ik doen") == .someoneElseInDanger)
        #expect(try decision("een patiënt heeft zich vannacht van het leven beroofd") == .aboutSomeoneElse)
        // When the words were said is no danger now; when they say it will happen, it is.
        #expect(try decision("mevrouw zei vanavond weer dat ze liever dood wil, overgedragen") == .clinical)
        #expect(try decision("a resident told me tonight he wants to die, I informed the doctor") == .clinical)
        #expect(try decision("mijn cliënt zei dat ze vanavond van de brug springt") == .someoneElseInDanger)
        #expect(try decision("een cliënt zei zonet dat hij dood wil") == .someoneElseInDanger, "just said")
        #expect(try decision("een cliënt zegt net dat hij dood wil") == .someoneElseInDanger)
        #expect(try decision("a patient told me minutes ago he wants to kill himself") == .someoneElseInDanger)
        #expect(
            try decision("een cliënt zei vanavond dat ze alle pillen wil innemen") == .someoneElseInDanger,
            "a plan with means reported stays urgent")
        #expect(
            try decision("een jongen zit nu in de bus met een mes en zegt dat hij zichzelf wat gaat doen")
                == .someoneElseInDanger, "an act announced")
    }

    @Test("'hij' points back to whoever was named last; 'mijn collega' is someone else, 'mijn leven' the writer's")
    func pronounsAndPossessives() throws {
        #expect(try decision("de bewoner van kamer 4, hij wil niet meer leven") == .clinical)
        #expect(try decision("mijn vriendin zegt dat ze niet meer wil leven") == .someoneElseInDanger)
        #expect(try decision("ik wil een einde maken aan mijn leven") == .crisis)
    }

    @Test("people in general are nobody in danger: a normalising lead-in is no one's crisis")
    func people() throws {
        #expect(try decision("sommige collega's denken na zoiets aan een eind aan hun leven te maken") == .clinical)
        #expect(try decision("people sometimes think about ending their life after something like this") == .clinical)
    }

    @Test("the writer as the one told is not the one at risk: 'she told me she'd hurt her baby'")
    func toldToTheWriter() throws {
        #expect(try decision("a mum on the ward told me she was scared she'd hurt her baby") != .crisis)
        #expect(try decision("I'm scared I'll hurt my baby") == .crisis)
    }

    @Test("quoted words are their speaker's; quoted words of no one named are asked about")
    func quotations() throws {
        #expect(try decision("de cliënt zei vanochtend: 'ik wil dood'") == .clinical)
        #expect(try decision("mevrouw zei bij het wassen \"ik wil niet meer leven\"") == .clinical)
        #expect(try decision("\"ik wil dood\" stond er op het briefje") == .check)
        #expect(try decision("ik zei tegen mijn teamleider: ik wil dood") == .crisis)
        #expect(
            try decision("Mw. zegt tijdens de zorg: 'ik wil dood'. Arts ingelicht.") == .clinical, "a title's full stop"
        )
    }

    @Test("words reported as said without quotation marks are the reporter's: 'de madame zei ik wil nie meer leven'")
    func reportedWithoutQuotes() throws {
        #expect(try decision("de madame zei ik wil nie meer leven, dokter komt morgen") == .clinical)
        #expect(try decision("patient told me I want to die, I told the charge nurse") == .clinical)
        #expect(
            try decision("Patient told me ma'am I want to die already") == .clinical, "'die' is no subordinator here")
        #expect(try decision("ik zei ik wil dood") == .crisis, "the writer reporting their own words")
        #expect(
            try decision("de cliënt zei ik heb besloten ermee te stoppen") == .clinical, "the subject inside the risk")
        #expect(try decision("she told me to kill myself") == .crisis, "said to the writer, who is the one at risk")
        #expect(try decision("mijn cliënt zei dat ik niet meer wil leven") == .crisis, "'dat' makes it no quotation")
    }

    @Test("harm a patient did to the writer is an incident; harm the writer fears doing is asked about")
    func harmedByPatient() throws {
        #expect(try decision("een cliënt sloeg me vandaag in mijn gezicht, melding gemaakt") == .none)
        #expect(try decision("vannacht werd ik door een patiënt geslagen") == .none, "a passive names who did it")
        #expect(try decision("got punched by a drunk patient last night, I'm ok") == .none)
        #expect(
            try decision("een bewoner heeft me geslagen, ik heb een MIC-melding gedaan") == .none,
            "the writer acting in another clause")
        #expect(
            try decision("een cliënt werd psychotisch en dreigde hij mij en een collega iets aan te doen") == .none,
            "'hij' is the patient named before it")
        #expect(try decision("ik sloeg bijna een bewoner") == .check, "the writer as the one who hits")
        #expect(try decision("ik ben bang dat ik een cliënt ga slaan") == .check)
        #expect(try decision("de patiënt sloeg me en ik wilde hem terugslaan") == .check, "the writer acts in it too")
        #expect(try decision("een cliënt maakte me zo kwaad dat ik hem iets wilde aandoen") == .crisis)
        #expect(try decision("I'm scared I'll hit a patient like the patient hit me yesterday") == .check)
        #expect(try decision("mijn man sloeg me weer") == .crisis, "harm from someone at home stays danger")
    }

    @Test("a threat or blow to the writer is danger, whoever did it; someone threatening themselves is someone else")
    func threatToTheWriter() throws {
        #expect(try decision("husband threatened to kill me last night") == .crisis)
        #expect(try decision("someone hits me at least once a week") == .crisis)
        #expect(try decision("a relative threatened to kill me in the car park, security came") == .crisis)
        #expect(try decision("a relative threatens to kill me") == .crisis)
        #expect(try decision("my brother threatens to kill himself") == .someoneElseInDanger)
    }

    @Test("a clause with its subject dropped, as chat does, is the writer's: 'weer gekrast gisteravond'")
    func subjectDropped() throws {
        #expect(try decision("weer gekrast gisteravond") == .check)
        #expect(try decision("cut again last night") == .check)
        #expect(try decision("de cliënt heeft weer gekrast") == .clinical, "a patient named is the patient's")
    }

    @Test("envying a patient who died, or not waking up wished for oneself, is asked about; for the baby it is no risk")
    func envyAndWaking() throws {
        #expect(try decision("ik was jaloers op meneer van kamer 12 die vannacht vredig is ingeslapen") == .check)
        #expect(try decision("when Mrs H passed so peacefully this morning I felt jealous of her") == .check)
        #expect(try decision("ik ben jaloers op haar nieuwe baan") == .none)
        #expect(try decision("I hope the baby doesn't wake up tonight") == .none)
        #expect(try decision("I just hope I don't have to wake up again") == .crisis)
        #expect(
            try decision("Some mornings I'd rather not wake up at all") == .crisis,
            "'some mornings' is no people in general")
    }

    @Test(
        "a risk someone was asked about is no statement: a patient's intake is clinical, the writer asked is asked again"
    )
    func askedWhether() throws {
        #expect(
            try decision("asked him straight out if he was thinking about killing himself, he said no, documented")
                == .clinical)
        #expect(
            try decision(
                "heb bij de intake gevraagd of ze gedachten heeft om zichzelf iets aan te doen, dat ontkende ze")
                == .clinical)
        #expect(
            try decision("mijn collega vroeg of ik aan zelfmoord dacht") == .check, "'of' starts the writer's clause")
        #expect(try decision("I asked myself if I want to kill myself") == .crisis, "a question put to oneself")
        #expect(
            try decision("I asked my colleague if she was thinking of killing herself, she is on the roof now")
                == .someoneElseInDanger)
    }

    @Test(
        "a relative pronoun's clause is held by the person it stands for, and after a copula by the subject"
    )
    func relativeClauses() throws {
        #expect(try decision("How do I make a signaling plan with a client who does self-harm?") == .clinical)
        #expect(try decision("we hebben een bewoner die zelfmoordgedachten heeft, hoe ga ik daarmee om") == .clinical)
        #expect(try decision("ik heb een collega die zelfmoordgedachten heeft") == .someoneElseInDanger)
        #expect(try decision("I'm someone who self-harms") == .crisis, "the writer, after a copula")
        #expect(try decision("ik ben iemand die aan zelfmoord denkt") == .crisis, "the writer, after a copula")
        #expect(
            try decision("ik mis mijn broer die vorig jaar overleed en wil ook dood") == .crisis,
            "a relative clause that ended before the risk")
        #expect(try decision("I miss my brother who died last year and want to die too") == .crisis)
    }

    @Test("what a person is said to have with 'met' or 'with' is theirs")
    func havingSomething() throws {
        #expect(try decision("heb vandaag een intake gedaan bij een cliënt met suïcidale gedachten") == .clinical)
        #expect(try decision("we had a patient with self harm on the ward today") == .clinical)
        #expect(try decision("ik zit al weken met zelfmoordgedachten") == .crisis, "the writer, with no one named")
    }

    @Test(
        "the writer's wish to be dead or thought of suicide laughed off is asked about, never let pass; an act is not")
    func saidLaughing() throws {
        #expect(try decision("if I have to do one more fluid balance chart I'll kill myself lol") == .check)
        #expect(try read("ik wil dood haha").reasons.first?.contains("said laughing") == true)
        #expect(try decision("ik wil dood haha") == .check)
        #expect(try decision("ik wil dood") == .crisis)
        #expect(try decision("haha. mijn collega is op het dak gaan staan en wil springen") == .someoneElseInDanger)
        #expect(try decision("heb net alle pillen genomen haha") == .crisis, "an act is not laughed off")
        #expect(
            try decision("ik heb nergens meer lol in, wil gewoon dood") == .crisis, "laughter before the risk, or fun")
    }

    @Test("knowing or looking up how much would kill is a means hint, asked about")
    func knowingTheAmount() throws {
        #expect(try decision("ik weet precies hoeveel er nodig is, dat is het probleem") == .check)
        #expect(try decision("als verpleegkundige weet ik te goed wat een dodelijke dosis is") == .check)
        #expect(try decision("I have looked up lethal quantities of the medication I am prescribed") == .check)
        #expect(try decision("ik weet precies wat ik morgen ga doen") == .none)
        #expect(try decision("we checked the lethal dose for the patient's chart") == .clinical)
    }

    // MARK: - Frames

    @Test("clinical and training talk is not about the writer")
    func clinicalAndTraining() throws {
        #expect(try decision("morgen heb ik de cursus suïcidepreventie") == .clinical)
        #expect(try decision("we bespraken het protocol bij suïcidaliteit in het teamoverleg") == .clinical)
    }

    @Test("a risk named as a course's topic is asked about, never answered as a crisis or let pass")
    func courseWithNoOneNamed() throws {
        #expect(try decision("we hebben vandaag een vorming gehad rond zelfdoding") == .check)
        #expect(try decision("in de les ging het over zelfbeschadiging bij adolescenten") == .check)
        #expect(try decision("zelfdoding") == .crisis, "without the course, the writer's")
        #expect(try decision("had a lecture today on self-harm in adolescents") == .check, "a risk's fixed words")
        #expect(try decision("in het teamoverleg hebben we het suicideprotocol doorgenomen") == .check, "a compound")
        #expect(try decision("morgen is er een trainingsdag over zelfbeschadiging") == .check, "a course's compound")
        #expect(
            try decision("teamoverleg ging over zelfbeschadiging op de groep en hoe we daar als team mee omgaan")
                == .check, "a team meeting's topic")
        #expect(try decision("k heb de vorming rond suicide gevolgd") == .check, "the writer as the course's student")
        #expect(try decision("ik snij mezelf sinds de cursus") == .crisis, "a risk naming the writer is no topic")
        // A clinical word that is the risk itself names no course, nor does the risk said twice.
        #expect(try decision("zo suïcidaal vandaag") == .crisis)
        #expect(try decision("doodswens, doodswens") == .crisis)
    }

    @Test("a crisis said in more words, or beside a clinical word or a film, stays the crisis answer")
    func crisisBesideClinicalWords() throws {
        #expect(try decision("wil dood, wacht al weken op de crisisdienst") == .crisis)
        #expect(try decision("zelfmoordgedachten sinds de opname") == .crisis)
        #expect(try decision("wil niet meer leven, medicatie helpt niks") == .crisis)
        #expect(try decision("wil dood na die film") == .crisis)
    }

    @Test("'I want out' is asked about; out of the job it is no risk, out of life it is the crisis")
    func wantingOut() throws {
        #expect(try decision("I just want out") == .check)
        #expect(try decision("I want out of this job, I'm finished with it") == .none)
        #expect(try decision("i want out of this life") == .crisis)
    }

    @Test("each place a risk is named is read on its own: the course's subject first, the writer's own after it")
    func eachPlaceReadOnItsOwn() throws {
        #expect(try decision("sinds de training over zelfmoord denk ik zelf ook aan zelfmoord") == .crisis)
        #expect(try decision("sinds de training over zelfmoord ben ik moe") == .clinical)
    }

    @Test("a death told of a relative is theirs; 'bijna' makes it an attempt of the writer's own, asked about")
    func deathToldOfWhom() throws {
        #expect(try decision("mijn neef heeft vorig jaar een einde aan zijn leven gemaakt") == .aboutSomeoneElse)
        #expect(try decision("er is vannacht zelfmoord gepleegd op de afdeling") == .aboutSomeoneElse)
        #expect(try decision("het is een jaar geleden dat mijn broer zelfmoord pleegde") == .aboutSomeoneElse)
        #expect(try decision("anniversary of my friend's suicide today") == .aboutSomeoneElse)
        #expect(try decision("ik had vorig jaar bijna zelfmoord gepleegd") == .check)
    }

    @Test("idioms are no risk, and do not hide one beside them")
    func idioms() throws {
        #expect(try decision("ik ga dood van de hitte") == .none)
        #expect(try decision("this rota is killing me") == .none)
        #expect(try decision("amai 'k kan mezelf wel slaan, badge thuis laten liggen") == .none)
        #expect(try decision("ik ga dood van de hitte en ik wil dood") == .crisis)
    }

    // MARK: - Word forms

    @Test("a split Dutch verb is read joined, a chat spelling as the word, a long typo as the word meant")
    func wordForms() throws {
        #expect(try decision("ik overweeg mezelf op te hangen") == .crisis)
        #expect(try decision("k zie t nie meer zitten") != .none)
        #expect(try decision("zit al een tijdje met gedachten aan zelfmort") != .none)
        #expect(try decision("ikdenkaanzelfmoord") == .crisis)
    }

    @Test(
        "words typed without spaces are read as the words, unless the word is a typo of one",
        .enabled(if: SpellingDictionary.shared.isAvailable, "needs Hunspell's dictionaries (Debian: hunspell-nl)"))
    func runTogetherWords() throws {
        #expect(try decision("ikwil dood. echt.") == .crisis)
        #expect(try decision("wou dat ik kon gaan slapen en nooitmeer wakkerworden") == .crisis)
        // "gegoogled" is a typo of "gegoogeld", not "ge googled".
        #expect(try decision("heb ff gegoogled hoe ik het pijnloos kan doen") != .none)
        #expect(try decision("de medicijnkast was weer niet aangevuld") == .none)
        // A word a prefix of the lexicons takes ("zelfmoord*") stays one word.
        let net = try shippedContent().safetyNet
        #expect(net.read("zelfmoordgedachten").0.words == ["zelfmoordgedachten"])
        #expect(net.read("ikwil dood").0.words == ["ik", "wil", "dood"])
    }
}
