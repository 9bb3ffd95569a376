//! A table of the constructions news text uses to quote people, each with the quotations byline
//! must find in it (and, for scare quotes and titles, must not find).

use byline_gazetteer::{EntityMention, Label};
use byline_quotes::{QuoteExtractor, QuoteKind, Span};
use byline_tokenize::Tokenizer;

/// One expected quotation: its content pieces as the text gives them, its speaker's text, its
/// kind, and its quoted fragments (`None`: not checked).
struct Want {
    content: &'static [&'static str],
    speaker: Option<&'static str>,
    kind: QuoteKind,
    quoted: Option<&'static [&'static str]>,
}

const fn want(
    content: &'static [&'static str],
    speaker: Option<&'static str>,
    kind: QuoteKind,
) -> Want {
    Want {
        content,
        speaker,
        kind,
        quoted: None,
    }
}

use QuoteKind::{Direct, Indirect, Mixed};

const CASES: &[(&str, &str, &[Want])] = &[
    (
        "a quotation split by its speaker tag is one quotation in two pieces",
        "\"We will,\" he said, \"win.\"",
        &[want(&["\"We will,\"", "\"win.\""], Some("he"), Direct)],
    ),
    (
        "a quotation holding a nested quotation",
        "\"He told me 'never again,' and he meant it,\" Ms. Lopez said.",
        &[want(&["\"He told me 'never again,' and he meant it,\""], Some("Ms. Lopez"), Direct)],
    ),
    (
        "curly marks, with the speaker after the verb",
        "“Prices will keep rising,” said Maria Gonzalez, an economist at the bank.",
        &[want(&["“Prices will keep rising,”"], Some("Maria Gonzalez"), Direct)],
    ),
    (
        "doubled apostrophes stand for double quote marks",
        "''We are ready for talks,'' the minister said.",
        &[want(&["''We are ready for talks,''"], Some("the minister"), Direct)],
    ),
    (
        "a quotation over two paragraphs: the first opens and never closes",
        "\"The first part of the plan is done.\n\n\"The second part starts in May,\" the mayor said.",
        &[want(
            &["\"The first part of the plan is done.", "\"The second part starts in May,\""],
            Some("the mayor"),
            Direct,
        )],
    ),
    (
        "a colon-introduced quotation running into the next paragraph",
        "The mayor said: \"The first part is done.\n\n\"The second part starts in May.\"",
        &[want(
            &["\"The first part is done.", "\"The second part starts in May.\""],
            Some("The mayor"),
            Direct,
        )],
    ),
    (
        "a quotation after the tag's sentence continues the speaker",
        "\"Coal is not the villain,\" he said. \"Carbon is.\"",
        &[want(&["\"Coal is not the villain,\"", "\"Carbon is.\""], Some("he"), Direct)],
    ),
    (
        "a question answered by a tag after its question mark",
        "\"Why now?\" Senator Ruiz asked.",
        &[want(&["\"Why now?\""], Some("Senator Ruiz"), Direct)],
    ),
    (
        "a dash credit",
        "“Anna is a true expert, and her record shows it.” — Commissioner Geoffrey Starks",
        &[want(&["“Anna is a true expert, and her record shows it.”"], Some("Commissioner Geoffrey Starks"), Direct)],
    ),
    (
        "a credit with a hyphen for a dash, as plain-text wires write it",
        "“As I said before, she is a true expert.” -Commissioner Geoffrey Starks",
        &[want(&["“As I said before, she is a true expert.”"], Some("Commissioner Geoffrey Starks"), Direct)],
    ),
    (
        "a speaker named in the paragraph before, ending in a colon",
        "And from Chairwoman Rosenworcel:\n\n“Anna brings a wealth of experience to the agency.\"",
        &[want(&["“Anna brings a wealth of experience to the agency.\""], Some("Chairwoman Rosenworcel"), Direct)],
    ),
    (
        "an odd number of marks and a left single mark used as an apostrophe inside a word",
        "Ana told us we \"couldn‘t park there\" but we did.",
        &[Want {
            content: &["we \"couldn‘t park there\" but we did."],
            speaker: Some("Ana"),
            kind: Mixed,
            quoted: Some(&["couldn‘t park there"]),
        }],
    ),
    (
        "guillemets used as bullets are no quotation",
        "» Prices rose in May.\n» \"We expect more,\" the analyst said.",
        &[want(&["\"We expect more,\""], Some("the analyst"), Direct)],
    ),
    (
        "a stray mark damages only its own paragraph",
        "The sign read \"open.\n\nLater, \"We are closed,\" the owner said.",
        &[
            want(&["\"open."], Some("The sign"), Direct),
            want(&["\"We are closed,\""], Some("the owner"), Direct),
        ],
    ),
    (
        "a mixed quotation: a characterisation holding quoted words",
        "The senator called the plan \"a disaster\" and \"a waste.\"",
        &[Want {
            content: &["the plan \"a disaster\" and \"a waste.\""],
            speaker: Some("The senator"),
            kind: Mixed,
            quoted: Some(&["a disaster", "a waste"]),
        }],
    ),
    (
        "a mixed quotation after a participle takes the clause's speaker",
        "White House spokesman John Kirby criticised the deal, describing it as \"worrisome.\"",
        &[
            want(&["the deal"], Some("White House spokesman John Kirby"), Indirect),
            Want {
            content: &["it as \"worrisome.\""],
            speaker: Some("White House spokesman John Kirby"),
            kind: Mixed,
            quoted: Some(&["worrisome"]),
            },
        ],
    ),
    (
        "reported speech holding a quoted fragment",
        "Cruz said he has had \"areas of significant disagreement\" with Trump.",
        &[want(&["he has had \"areas of significant disagreement\" with Trump."], Some("Cruz"), Mixed)],
    ),
    ("scare quotes are no quotation", "The so-called \"experts\" were nowhere to be seen.", &[]),
    ("a title of a work is no quotation", "She starred in \"The Crown\" last year.", &[]),
    ("apostrophes are never quote marks", "Russia's rock 'n' roll fans of the '90s cheered the voters' choice.", &[]),
    (
        "indirect speech with a bare clause",
        "The minister said the talks would resume on Monday.",
        &[want(&["the talks would resume on Monday."], Some("The minister"), Indirect)],
    ),
    (
        "indirect speech before its tag",
        "The talks will resume on Monday, officials said.",
        &[want(&["The talks will resume on Monday"], Some("officials"), Indirect)],
    ),
    (
        "a tag inside its sentence splits the content in two",
        "The talks, the minister said, will resume in June.",
        &[want(&["The talks", "will resume in June."], Some("the minister"), Indirect)],
    ),
    (
        "according to",
        "According to the ministry, the talks will resume in June.",
        &[want(&["the talks will resume in June."], Some("the ministry"), Indirect)],
    ),
    (
        "told with a hearer and that",
        "Mr. Smith told reporters that he would resign.",
        &[want(&["that he would resign."], Some("Mr. Smith"), Indirect)],
    ),
    (
        "a verb group with an auxiliary and an adverb",
        "Moscow has strongly denied that it supplied the weapons.",
        &[want(&["that it supplied the weapons."], Some("Moscow"), Indirect)],
    ),
    (
        "a phrasal cue",
        "Germany expressed concern that the deal could collapse.",
        &[want(&["that the deal could collapse."], Some("Germany"), Indirect)],
    ),
    (
        "a role as the speaker",
        "A senior official said the deal was close.",
        &[want(&["the deal was close."], Some("A senior official"), Indirect)],
    ),
    (
        "a possessive speaker",
        "The company's spokesman said the plant would close.",
        &[want(&["the plant would close."], Some("The company's spokesman"), Indirect)],
    ),
    (
        "a noun phrase after the verb starts the reported clause, not a later that",
        "The governor said the vote was a clear sign that voters want change.",
        &[want(&["the vote was a clear sign that voters want change."], Some("The governor"), Indirect)],
    ),
    (
        "a time between the verb and that",
        "The agency said on Tuesday that the bridge would reopen.",
        &[want(&["that the bridge would reopen."], Some("The agency"), Indirect)],
    ),
    (
        "a verb of judgement with its object as content",
        "Senator Hale criticized the new budget plan.",
        &[want(&["the new budget plan."], Some("Senator Hale"), Indirect)],
    ),
    (
        "declining to comment",
        "The company declined to comment.",
        &[want(&["to comment."], Some("The company"), Indirect)],
    ),
    (
        "a share of those polled as the speaker",
        "Only 12 percent said they trusted the council.",
        &[want(&["they trusted the council."], Some("Only 12 percent"), Indirect)],
    ),
    (
        "a relative clause reporting speech ends at its comma",
        "The mayor, who said the budget was sound, left early.",
        &[want(&["the budget was sound"], Some("who"), Indirect)],
    ),
    (
        "an apposition with commas of its own",
        "Ann Ruiz, a nurse from Dayton, Ohio, said the clinic had closed.",
        &[want(&["the clinic had closed."], Some("Ann Ruiz"), Indirect)],
    ),
    (
        "a participle referring to something after a tag",
        "\"It will pass,\" she said, referring to the storm.",
        &[
            want(&["\"It will pass,\""], Some("she"), Direct),
            want(&["the storm."], Some("she"), Indirect),
        ],
    ),
    (
        "a question put to the speaker, asked by no one named",
        "Asked whether he would run again, the mayor said no.",
        &[
            want(&["whether he would run again"], None, Indirect),
            want(&["no."], Some("the mayor"), Indirect),
        ],
    ),
    (
        "a question put by someone named after by",
        "When asked by a reporter about the fire, he left.",
        &[want(&["about the fire"], Some("a reporter"), Indirect)],
    ),
    (
        "reported speech in a fronted subordinate clause ends at its comma",
        "Although the coach said the team was ready, it lost badly.",
        &[want(&["the team was ready"], Some("the coach"), Indirect)],
    ),
    (
        "a tag inside its sentence before a clause that gives a reason",
        "Prices will rise, she said, because the harvest failed.",
        &[want(&["Prices will rise", "because the harvest failed."], Some("she"), Indirect)],
    ),
    (
        "calling for something",
        "The union called for an independent inquiry.",
        &[want(&["an independent inquiry."], Some("The union"), Indirect)],
    ),
    (
        "according to after a conjunction",
        "But according to the filing, the firm lost money.",
        &[want(&["the firm lost money."], Some("the filing"), Indirect)],
    ),
    (
        "keeping up ties reports nothing",
        "Moscow maintains close relations with several regional powers.",
        &[],
    ),
    (
        "a plural noun that looks like a verb is no cue",
        "The senator's comments drew wide criticism.",
        &[],
    ),
    (
        "a verb and its particle as the cue",
        "The senator spoke about the cost of the new bridge.",
        &[want(&["the cost of the new bridge."], Some("The senator"), Indirect)],
    ),
    (
        "an expectation held by no one named is the whole clause",
        "The council is expected to approve the budget on Friday.",
        &[want(&["The council is expected to approve the budget on Friday."], None, Indirect)],
    ),
    (
        "a hope names its aim",
        "The mayor hopes to finish the bridge by spring.",
        &[want(&["to finish the bridge by spring."], Some("The mayor"), Indirect)],
    ),
    (
        "a short phrase after the verb is no content",
        "Ms. Avery reported from Kiev.",
        &[],
    ),
    (
        "a comparison after a comma ends the reported clause",
        "Most voters said the plan was fair, compared with a third last year.",
        &[want(&["the plan was fair"], Some("Most voters"), Indirect)],
    ),
    (
        "a verb of judgement that seeks something",
        "The firm sought a delay in the trial.",
        &[want(&["a delay in the trial."], Some("The firm"), Indirect)],
    ),
    (
        "two shares of those polled in one sentence",
        "One in three said the tax was too high and one in four said it was too low.",
        &[
            want(&["the tax was too high"], Some("One in three"), Indirect),
            want(&["it was too low."], Some("one in four"), Indirect),
        ],
    ),
    (
        "a time between the speaker and the verb",
        "The spokesman on Thursday evening said the plant was safe.",
        &[want(&["the plant was safe."], Some("The spokesman"), Indirect)],
    ),
    (
        "an aside between dashes after the speaker",
        "The judge -- who had heard the case for a year -- said the ruling was final.",
        &[want(&["the ruling was final."], Some("The judge"), Indirect)],
    ),
    (
        "people named before a preposition speak",
        "Some advocates for cheaper housing said the plan fell short.",
        &[want(&["the plan fell short."], Some("Some advocates for cheaper housing"), Indirect)],
    ),
    (
        "names between commas before the verb are its subject, not content before an inverted tag",
        "The firm's new chief, Dana Ortiz, said the budget would shrink.",
        &[want(&["the budget would shrink."], Some("The firm's new chief"), Indirect)],
    ),
    (
        "a belief inside reported speech is part of its content",
        "The senator says he doesn't think the bill will pass.",
        &[want(&["he doesn't think the bill will pass."], Some("The senator"), Indirect)],
    ),
    (
        "an impression held by no one named is the whole clause",
        "The visitors seemed unsure of the rules.",
        &[want(&["The visitors seemed unsure of the rules."], None, Indirect)],
    ),
    (
        "a question put to someone in the passive",
        "In an interview last week, the mayor was asked about the strike.",
        &[want(&["about the strike."], None, Indirect)],
    ),
    (
        "an apposition to a speaker after the verb is not content",
        "The plan is too costly, said Ann Lee, the city's budget director.",
        &[want(&["The plan is too costly"], Some("Ann Lee"), Indirect)],
    ),
    (
        "a subject of two joined by and",
        "Cruz said both he and Rubio promised to end the program.",
        &[
            want(&["both he and Rubio promised to end the program."], Some("Cruz"), Indirect),
            want(&["to end the program."], Some("Rubio"), Indirect),
        ],
    ),
    (
        "a headline in title case",
        "Lopez Says City Will Cut Bus Fares",
        &[want(&["City Will Cut Bus Fares"], Some("Lopez"), Indirect)],
    ),
    (
        "according to at the end of a sentence with no comma before it",
        "Turnout rose by a third according to the county clerk.",
        &[want(&["Turnout rose by a third"], Some("the county clerk"), Indirect)],
    ),
    (
        "a fronted clause inside a that-clause does not end it",
        "He told reporters that if the vote failed, he would resign.",
        &[want(&["that if the vote failed, he would resign."], Some("He"), Indirect)],
    ),
    (
        "naming someone without quote marks",
        "The editorial board called him a reckless leader.",
        &[want(&["him a reckless leader."], Some("The editorial board"), Indirect)],
    ),
    (
        "going on for a while reports nothing",
        "The rally went on for hours.",
        &[],
    ),
    (
        "continuing to do something reports nothing",
        "Prices continued to rise in the spring.",
        &[],
    ),
    (
        "verbs that report speech only before a quotation",
        "The coach laughed it off. She bet the farm on a win.",
        &[],
    ),
    (
        "an appearance held by no one named",
        "The ceasefire appears to be holding.",
        &[want(&["The ceasefire appears to be holding."], None, Indirect)],
    ),
    (
        "opposing something named",
        "Senator Diaz opposed the new tariff.",
        &[want(&["the new tariff."], Some("Senator Diaz"), Indirect)],
    ),
    (
        "agreeing to something named",
        "The union agreed to the new contract.",
        &[want(&["the new contract."], Some("The union"), Indirect)],
    ),
    (
        "a stance adjective with a that-clause",
        "Democrats are confident that the bill will pass.",
        &[want(&["the bill will pass."], Some("Democrats"), Indirect)],
    ),
    (
        "a passive verb reports no speaker of its own",
        "He was told to leave the building.",
        &[],
    ),
];

fn run(text: &str) -> Vec<byline_quotes::Quotation> {
    let seg = Tokenizer::new().segment(text);
    QuoteExtractor::new().extract(text, &seg, &[])
}

#[test]
fn every_construction_gives_its_quotations() {
    let mut failures = Vec::new();
    for (name, text, wants) in CASES {
        let got = run(text);
        let describe = |q: &byline_quotes::Quotation| {
            let pieces: Vec<&str> = q.content.iter().map(|s| s.as_str(text)).collect();
            let speaker = q.speaker.as_ref().map(|s| s.span.as_str(text));
            format!("{pieces:?} by {speaker:?} ({:?})", q.kind)
        };
        if got.len() != wants.len() {
            let got: Vec<String> = got.iter().map(describe).collect();
            failures.push(format!(
                "{name}: expected {} quotations, got {got:?}",
                wants.len()
            ));
            continue;
        }
        for (q, w) in got.iter().zip(wants.iter()) {
            let pieces: Vec<&str> = q.content.iter().map(|s| s.as_str(text)).collect();
            let speaker = q.speaker.as_ref().map(|s| s.span.as_str(text));
            let quoted: Vec<&str> = q.quoted.iter().map(|s| s.as_str(text)).collect();
            let ok = pieces == w.content
                && speaker == w.speaker
                && q.kind == w.kind
                && w.quoted.is_none_or(|want| quoted == want);
            if !ok {
                failures.push(format!("{name}: got {} quoting {quoted:?}", describe(q)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn later_name_forms_and_pronouns_resolve_to_the_first_full_mention() {
    let text = "Iranian President Ebrahim Raisi arrived in Moscow. \"We are friends,\" Raisi said. \
                Mary Novak, his host, smiled. \"It was a long day,\" she said. \"We talked,\" he added.";
    let seg = Tokenizer::new().segment(text);
    let start = text.find("Ebrahim Raisi").unwrap();
    let raisi = EntityMention {
        span: Span::new(start, start + "Ebrahim Raisi".len()),
        label: Label::Person,
        entity_id: Some("Q5947347".to_string()),
        name: "Ebrahim Raisi".to_string(),
        entry: None,
        title: None,
    };
    let start = text.find("Mary Novak").unwrap();
    let novak = EntityMention {
        span: Span::new(start, start + "Mary Novak".len()),
        label: Label::Person,
        entity_id: None,
        name: "Mary Novak".to_string(),
        entry: None,
        title: None,
    };
    let quotes = QuoteExtractor::new().extract(text, &seg, &[raisi, novak]);
    let speakers: Vec<(&str, Option<&str>, Option<&str>)> = quotes
        .iter()
        .map(|q| {
            let s = q.speaker.as_ref().unwrap();
            (
                s.span.as_str(text),
                s.name.as_deref(),
                s.entity_id.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("Raisi", Some("Ebrahim Raisi"), Some("Q5947347")),
            ("she", Some("Mary Novak"), None),
            ("he", Some("Ebrahim Raisi"), Some("Q5947347")),
        ]
    );
}

#[test]
fn an_unknown_person_is_one_speaker_across_the_document() {
    let text = "\"We won,\" said Dana Whitfield, the coach. \"It was close,\" Whitfield added.";
    let quotes = run(text);
    let names: Vec<Option<&str>> = quotes
        .iter()
        .map(|q| q.speaker.as_ref().and_then(|s| s.name.as_deref()))
        .collect();
    assert_eq!(names, [Some("Dana Whitfield"), Some("Dana Whitfield")]);
}

#[test]
fn thousands_of_unbalanced_marks_are_handled_paragraph_by_paragraph() {
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(if i % 3 == 0 {
            "A \"stray mark here.\n"
        } else {
            "He said \"yes\" and \"no\" again.\n"
        });
    }
    text.push_str("He said \"yes\" today.\n");
    text.push_str("\"All done,\" she said.");
    let quotes = run(&text);
    let last = quotes.last().expect("the last paragraph's quotation");
    assert_eq!(last.content[0].as_str(&text), "\"All done,\"");
    assert_eq!(last.speaker.as_ref().unwrap().span.as_str(&text), "she");
}

#[test]
fn spans_are_on_char_boundaries_for_any_input() {
    let texts = [
        "“‘”’«»„\"'''' said",
        "é\"ü\" — ß, \"— said Ö,",
        "\"\n\n\"\n\"",
        "said: \"",
        "according to",
        "“A,” he said, “",
    ];
    for text in texts {
        for q in run(text) {
            for s in q.content.iter().chain(q.quoted.iter()).chain(q.cue.iter()) {
                assert!(text.get(s.start..s.end).is_some(), "{text:?} {s:?}");
            }
        }
    }
}

#[test]
fn a_sentence_of_thousands_of_tags_gives_each_a_bounded_content() {
    // One "sentence" (no full stop) of 2,000 quotations with tags and reporting clauses: each
    // relation's content stays a few hundred words at most, so the output (and the time) grows
    // with the text rather than with its square.
    let unit = "\"we will go,\" he said, and according to officials the mayor criticized the \
                deal, asked whether it was fair, arguing that ";
    let text = unit.repeat(2000) + ".";
    let quotes = run(&text);
    assert!(quotes.len() >= 2000, "{} quotations", quotes.len());
    let longest = quotes
        .iter()
        .map(|q| q.content.iter().map(|s| s.end - s.start).sum::<usize>())
        .max()
        .unwrap_or(0);
    assert!(longest <= 8_000, "a content of {longest} bytes");
    let total: usize = quotes
        .iter()
        .flat_map(|q| &q.content)
        .map(|s| s.end - s.start)
        .sum();
    assert!(
        total <= 50 * text.len(),
        "{total} bytes of content for {} of text",
        text.len()
    );
}
