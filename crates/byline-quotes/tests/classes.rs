//! Constructions news prints every day that once gave no quotation or a wrong one, each as a class:
//! every test generates its members by varying what must not matter (speakers, verbs, marks,
//! adverbs, predicates), and states the class it holds for.

use byline_gazetteer::{EntityMention, Label};
use byline_quotes::{Quotation, QuoteExtractor, QuoteKind, Span};
use byline_tokenize::Tokenizer;

fn run(text: &str) -> Vec<Quotation> {
    run_with(text, &[])
}

fn run_with(text: &str, entities: &[EntityMention]) -> Vec<Quotation> {
    let seg = Tokenizer::new().segment(text);
    QuoteExtractor::new().extract(text, &seg, entities)
}

/// Content pieces, speaker and cue of each quotation, as text.
fn read(text: &str, quotes: &[Quotation]) -> Vec<(Vec<String>, String, String)> {
    quotes
        .iter()
        .map(|q| {
            let pieces = q
                .content
                .iter()
                .map(|s| s.as_str(text).to_string())
                .collect();
            let speaker = q
                .speaker
                .as_ref()
                .map(|s| s.span.as_str(text))
                .unwrap_or("");
            let cue = q.cue.map(|c| c.as_str(text)).unwrap_or("");
            (pieces, speaker.to_string(), cue.to_string())
        })
        .collect()
}

fn owned(pieces: &[&str]) -> Vec<String> {
    pieces.iter().map(|s| s.to_string()).collect()
}

const SPEAKERS: &[&str] = &[
    "Lopez",
    "the minister",
    "Senator Maria Lopez",
    "she",
    "the council",
];
const STYLES: &[(&str, &str)] = &[
    ("\"", "\""),
    ("\u{201c}", "\u{201d}"),
    ("'", "'"),
    ("\u{2018}", "\u{2019}"),
    ("\u{ab}", "\u{bb}"),
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[test]
fn an_adverb_between_speaker_and_cue_keeps_the_attribution() {
    for adverb in [
        "also",
        "then",
        "later",
        "again",
        "once more",
        "reportedly",
        "previously",
    ] {
        for speaker in SPEAKERS {
            let text = format!("{} {adverb} said the deal was dead.", cap(speaker));
            let got = read(&text, &run(&text));
            let want = (
                owned(&["the deal was dead."]),
                cap(speaker),
                "said".to_string(),
            );
            assert_eq!(got, [want], "{text}");
            let text = format!("\"It is over,\" {speaker} {adverb} said.");
            let got = read(&text, &run(&text));
            assert_eq!(
                got,
                [(
                    owned(&["\"It is over,\""]),
                    speaker.to_string(),
                    "said".into()
                )]
            );
        }
    }
}

#[test]
fn single_marks_and_guillemets_quote_as_double_marks_do() {
    for (open, close) in STYLES {
        for (verb, after) in [("told", " MPs"), ("said", ""), ("warned", "")] {
            let text = format!("{open}We will fight on,{close} the prime minister {verb}{after}.");
            let got = read(&text, &run(&text));
            let piece = format!("{open}We will fight on,{close}");
            let want = (
                vec![piece],
                "the prime minister".to_string(),
                verb.to_string(),
            );
            assert_eq!(got, [want], "{text}");
        }
        let text = format!("{open}Shameful,{close} said the opposition leader, Jane Doe.");
        let got = read(&text, &run(&text));
        assert_eq!(got[0].1, "the opposition leader", "{text}");
        let text = format!("{open}Yes,{close} he said, {open}but not today.{close}");
        let got = read(&text, &run(&text));
        let want = vec![
            format!("{open}Yes,{close}"),
            format!("{open}but not today.{close}"),
        ];
        assert_eq!(
            got,
            [(want, "he".to_string(), "said".to_string())],
            "{text}"
        );
    }
}

#[test]
fn a_speaker_keeps_its_modifier() {
    let forms = [
        "Workers at the plant",
        "Members of the board",
        "A spokesman for the council",
        "Officials in Kabul",
        "Inspector Lane of the city police",
        "The officer who led the raid",
        "Residents who saw the fire",
    ];
    for form in forms {
        for verb in ["said", "warned", "told reporters"] {
            let text = format!("{form} {verb} the deal was dead.");
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].1, form, "{text}");
        }
    }
}

#[test]
fn a_quotation_after_a_predicate_and_a_colon_is_the_subjects() {
    let subjects = [
        ("The minister", "The minister"),
        ("Her answer", "Her"),
        ("His reply", "His"),
        ("Lopez's reply", "Lopez"),
        ("The senator", "The senator"),
    ];
    let predicates = ["was blunt", "was short", "was one word", "was firm"];
    for (subject, speaker) in subjects {
        for predicate in predicates {
            for (open, close) in STYLES {
                let text = format!("{subject} {predicate}: {open}No bailout.{close}");
                let got = read(&text, &run(&text));
                let want = (
                    vec![format!("{open}No bailout.{close}")],
                    speaker.to_string(),
                    predicate.to_string(),
                );
                assert_eq!(got, [want], "{text}");
            }
        }
    }
    // Not about a person: no speaker to credit.
    for subject in ["The message", "The result", "The reason"] {
        let text = format!("{subject} was simple: \"Go home.\"");
        assert!(run(&text).iter().all(|q| q.speaker.is_none()), "{text}");
    }
}

#[test]
fn a_quotation_over_paragraphs_is_credited_once_to_the_tag_at_its_end() {
    for (first, second) in [("Lopez", "she"), ("the minister", "he"), ("Lee", "Lee")] {
        let text = format!(
            "\"We will fight on,\" {first} said. \"We will not give up.\n\n\"The plan is dead,\" {second} said."
        );
        let quotes = run(&text);
        let got = read(&text, &quotes);
        let mut pieces: Vec<&String> = got.iter().flat_map(|q| &q.0).collect();
        let n = pieces.len();
        pieces.sort();
        pieces.dedup();
        assert_eq!(pieces.len(), n, "a piece credited twice: {got:?}");
        let last = got.last().unwrap();
        assert_eq!(
            last.0,
            owned(&["\"We will not give up.", "\"The plan is dead,\""]),
            "{text}"
        );
        assert_eq!(last.1, second);
    }
}

#[test]
fn a_sentence_after_a_dash_credit_is_not_a_speaker() {
    for opener in ["In a statement,", "On Monday,", "However,", "But", "Later,"] {
        let text = format!(
            "\u{201c}We will rebuild\u{201d} \u{2014} {opener} the council said it would act."
        );
        let got = read(&text, &run(&text));
        assert!(
            got.iter()
                .all(|q| !opener.starts_with(q.1.as_str()) || q.1.is_empty()),
            "{got:?}"
        );
        let quote = got
            .iter()
            .find(|q| q.0 == ["\u{201c}We will rebuild\u{201d}"]);
        assert_eq!(quote.map(|q| q.1.as_str()), Some("the council"), "{text}");
    }
    // A name after the dash still is.
    let text = "\u{201c}We will rebuild\u{201d} \u{2014} Mayor Ann Lee";
    assert_eq!(read(text, &run(text))[0].1, "Mayor Ann Lee");
}

#[test]
fn a_quoted_question_keeps_its_tag_past_a_manner_phrase() {
    let manners = [
        "",
        " in a low voice",
        " with a smile",
        " quietly",
        " at the rally",
        " again",
    ];
    for (mark, words) in [("?", "Why now"), ("!", "Stop")] {
        for speaker in ["Lee", "the officer", "she"] {
            for manner in manners {
                for verb in ["asked", "shouted", "said"] {
                    let text = format!("\"{words}{mark}\" {speaker} {verb}{manner}.");
                    let quotes = run(&text);
                    let got = read(&text, &quotes);
                    let want = (
                        vec![format!("\"{words}{mark}\"")],
                        speaker.to_string(),
                        verb.to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                    assert_eq!(quotes[0].kind, QuoteKind::Direct);
                }
            }
        }
    }
}

#[test]
fn the_noise_a_verb_of_manner_makes_is_not_speech() {
    for verb in [
        "shouting",
        "shouted",
        "chanted",
        "yelled",
        "screamed",
        "muttering",
    ] {
        for object in ["insults", "slogans", "obscenities", "abuse"] {
            for rest in ["", " at the police", " and left"] {
                let text = format!("The fans were {verb} {object}{rest}.");
                assert!(
                    run(&text).is_empty(),
                    "{text}: {:?}",
                    read(&text, &run(&text))
                );
            }
        }
        // What follows as a clause or a quotation is still reported.
        let text = format!("The fans {verb} that the referee was blind.");
        assert_eq!(run(&text).len(), 1, "{text}");
    }
}

fn person(text: &str, at: &str, name: &str, id: Option<&str>) -> EntityMention {
    let start = text.find(at).unwrap();
    EntityMention {
        span: Span::new(start, start + at.len()),
        label: Label::Person,
        entity_id: id.map(str::to_string),
        name: name.to_string(),
        entry: None,
        title: None,
    }
}

/// Speaker name and entity of each quotation.
fn resolved(quotes: &[Quotation]) -> Vec<(Option<String>, Option<String>)> {
    quotes
        .iter()
        .map(|q| {
            let s = q.speaker.as_ref().unwrap();
            (s.name.clone(), s.entity_id.clone())
        })
        .collect()
}

#[test]
fn a_pronoun_is_not_someone_first_named_in_its_own_quotation() {
    for (pronoun, before) in [("he", "Tom Novak"), ("she", "Maria Lopez")] {
        for tag_first in [false, true] {
            let quote = "\"I met Mark Rutte and Anna Berg today.\"";
            let body = if tag_first {
                format!("{} said: {quote}", cap(pronoun))
            } else {
                format!("{}, {pronoun} said.", quote.replace(".\"", ",\""))
            };
            let text = format!("{before} arrived late. {body}");
            let ents = [
                person(&text, before, before, None),
                person(&text, "Mark Rutte", "Mark Rutte", Some("Q57792")),
            ];
            let quotes = run_with(&text, &ents);
            let names = resolved(&quotes);
            assert_eq!(names, [(Some(before.to_string()), None)], "{text}");
        }
    }
}

#[test]
fn a_bare_first_name_is_the_person_named_in_full_before() {
    for (full, first) in [("Maria Lopez", "Maria"), ("Tom Novak", "Tom")] {
        for opener in ["", "Later ", "Then "] {
            let text = format!("{full} spoke first. {opener}{first} said the deal was dead.");
            // The recognizer finds the full name; the bare first name it leaves alone.
            let quotes = run_with(&text, &[person(&text, full, full, None)]);
            assert_eq!(
                resolved(&quotes),
                [(Some(full.to_string()), None)],
                "{text}"
            );
            assert_eq!(
                quotes[0].speaker.as_ref().unwrap().span.as_str(&text),
                first
            );
        }
    }
}

#[test]
fn a_surname_does_not_link_past_another_given_name_sex_or_rank() {
    let first = "Mark Rutte met the mayor. ";
    let same = ["Rutte", "Mr. Rutte", "Prime Minister Rutte"];
    let other = [
        "Anna Rutte",
        "Officer Rutte",
        "Sergeant Rutte",
        "Mrs. Rutte",
        "Ms. Rutte",
    ];
    for (form, linked) in same
        .iter()
        .map(|f| (f, true))
        .chain(other.iter().map(|f| (f, false)))
    {
        let text = format!("{first}{form} said the road was closed.");
        let at = text.rfind("Rutte").unwrap();
        // The gazetteer links the surname to the entity it knows.
        let mut later = person(&text, "Rutte", "Mark Rutte", Some("Q57792"));
        later.span = Span::new(at, at + "Rutte".len());
        let ents = [
            person(&text, "Mark Rutte", "Mark Rutte", Some("Q57792")),
            later,
        ];
        let got = resolved(&run_with(&text, &ents));
        let id = got[0].1.as_deref();
        assert_eq!(id == Some("Q57792"), linked, "{text}: {got:?}");
    }
}

/// Class: a number modifying the role before a name after an inverted cue (`"...," said 9/11
/// widow Terry Strada`) belongs to the speaker; a number before a bare noun or a name after
/// `said` (`said 3 people died`) does not make one.
#[test]
fn a_number_before_the_role_of_an_inverted_speaker_keeps_the_speaker() {
    let numbers = ["9/11", "27-year-old", "49ers", "2016", "911"];
    let roles = ["widow", "nurse", "coach", "nominee"];
    let names = ["Terry Strada", "Ana Ruiz", "Kyle Shanahan"];
    for (open, close) in STYLES {
        for number in numbers {
            for role in roles {
                for name in names {
                    for verb in ["said", "added", "asked"] {
                        let text =
                            format!("{open}We want answers,{close} {verb} {number} {role} {name}.");
                        let got = read(&text, &run(&text));
                        let want = (
                            vec![format!("{open}We want answers,{close}")],
                            format!("{number} {role} {name}"),
                            verb.to_string(),
                        );
                        assert_eq!(got, [want], "{text}");
                    }
                }
            }
        }
    }
    for text in [
        "\"We want answers,\" said 3 people.",
        "\"We want answers,\" said 60 Democrats.",
    ] {
        let got = read(text, &run(text));
        assert!(
            got.iter().all(|q| !q.1.starts_with(['3', '6'])),
            "{text}: {got:?}"
        );
    }
}

/// Class: a stance verb whose object is named `as` a quotation (`criticized the law as a “crazy
/// system” during a stop`) reports the object and the quotation, ending with the closing mark
/// when a time, a setting or a clause after a comma follows, and running on when the phrase
/// goes on (`as a “grave threat” to stability`).
#[test]
fn an_object_named_as_a_quotation_ends_with_the_quotation() {
    // Verbs of judgement and admiration alike (`admires Putin as a "strong leader"`).
    let verbs = [
        "criticized",
        "described",
        "blasted",
        "dismissed",
        "called",
        "admires",
        "admired",
        "disparaged",
        "disparages",
        "belittled",
    ];
    let objects = [
        "the law",
        "Clinton",
        "the Affordable Care Act",
        "those reports",
    ];
    let names = [
        ("a ", "crazy system"),
        ("", "unfit"),
        ("an ", "intentional act"),
    ];
    let trailers = [
        " during a stop in Flint.",
        " on Wednesday.",
        ", but stopped short of more.",
        " in a speech to supporters.",
    ];
    let mut n = 0;
    for (open, close) in STYLES {
        for verb in verbs {
            for object in objects {
                for (article, name) in names {
                    for trailer in trailers {
                        let text = format!(
                            "Senator Lee {verb} {object} as {article}{open}{name}{close}{trailer}"
                        );
                        let got = read(&text, &run(&text));
                        let want = (
                            vec![format!("{object} as {article}{open}{name}{close}")],
                            "Senator Lee".to_string(),
                            verb.to_string(),
                        );
                        assert_eq!(got, [want], "{text}");
                        n += 1;
                    }
                }
            }
        }
    }
    assert_eq!(n, 5 * verbs.len() * 4 * 3 * 4);
    // The phrase goes on after the quotation: the content runs to the sentence's end.
    for trailer in [
        " as examples of his remarks.",
        " to regional stability.",
        " who has never worked.",
    ] {
        for (open, close) in STYLES {
            let text =
                format!("Senator Lee described the law as a {open}grave threat{close}{trailer}");
            let got = read(&text, &run(&text));
            let want = format!("the law as a {open}grave threat{close}{trailer}");
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, [want], "{text}");
        }
    }
}

/// Class: a time after an inverted cue (`"...," Mitch McConnell, R-Ky., said Tuesday`) is not
/// the speaker: the speaker is the name before the cue, whatever the day, the affiliation
/// between commas and the quote marks.
#[test]
fn a_time_after_the_cue_is_not_the_speaker() {
    let names = [
        "Senate Majority Leader Mitch McConnell",
        "Mitch McConnell",
        "Ann Lee",
    ];
    let asides = [", R-Ky.,", ", D-Calif.,", " (R-Ky.)", ""];
    let times = ["Tuesday", "Monday night", "Friday evening", "Sunday"];
    for (open, close) in STYLES {
        for name in names {
            for aside in asides {
                for time in times {
                    let text = format!(
                        "{open}Our assumption is that the veto will be overridden,{close} {name}{aside} said {time}."
                    );
                    let got = read(&text, &run(&text));
                    let want = (
                        vec![format!(
                            "{open}Our assumption is that the veto will be overridden,{close}"
                        )],
                        name.to_string(),
                        "said".to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
}

/// Class: a speaker carrying a participle phrase (`Protesters marching through the streets
/// chanted`, `Residents living near the plant said`) is the whole phrase, not the noun phrase
/// inside the participle's object.
#[test]
fn a_speaker_keeps_its_participle_phrase() {
    let speakers = [
        "Protesters marching through the streets",
        "Residents living near the plant",
        "Workers standing outside the gates",
        "Fans waiting at the stadium",
    ];
    for speaker in speakers {
        for (open, close) in STYLES {
            let text = format!("{speaker} chanted {open}What curfew?{close} and kept going.");
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, speaker, "{text}");
            let text = format!("{open}It is over,{close} {} said.", speaker.to_lowercase());
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, speaker.to_lowercase(), "{text}");
        }
        for verb in ["said", "told reporters", "warned"] {
            let text = format!("{speaker} {verb} the curfew was unfair.");
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, speaker, "{text}");
        }
    }
}

/// Class: an inverted speech verb opening its sentence, its speaker, then a colon or a comma and
/// the quotation (`Said Ellis: "..."`, `Added the minister, "..."`), whatever the verb, the
/// speaker form, the mark and the sentence before.
#[test]
fn a_fronted_inverted_cue_credits_the_quotation_after_it() {
    let verbs = ["Said", "Added", "Wrote", "Asked"];
    let speakers = [
        "Ellis",
        "the minister",
        "Senator Maria Lopez",
        "a spokesman for the council",
    ];
    let befores = ["", "Tax breaks would make the code complicated. "];
    for (open, close) in STYLES {
        for verb in verbs {
            for speaker in speakers {
                for mark in [":", ","] {
                    for before in befores {
                        let text = format!(
                            "{before}{verb} {speaker}{mark} {open}I don't get the sense she is interested.{close}"
                        );
                        let got = read(&text, &run(&text));
                        let want = (
                            vec![format!(
                                "{open}I don't get the sense she is interested.{close}"
                            )],
                            speaker.to_string(),
                            verb.to_string(),
                        );
                        assert_eq!(got, [want], "{text}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_transcript_quoted_line_by_line_credits_each_line_to_its_label() {
    // Interviews printed as a quotation paragraph after paragraph, each opening with the
    // speaker's name in capitals: `"WALLACE: ...` / `"PENCE: ...`. Whatever the line says
    // (a cue of its own, a quotation inside with the same or another mark), it is the label's.
    let labels = [
        ("WALLACE", "PENCE"),
        ("Q", "LOPEZ"),
        ("MS. LOPEZ", "REP. DIAZ"),
    ];
    let lines = [
        "Well, look, Hillary Clinton apparently thinks this is an episode of {i}Shark Tank.{j} But this is serious, Chris.",
        "But, Governor, as the Journal wrote, it shows people worry. Why would he say {i}no{j} to that?",
        "The mayor said the bridge is safe, and I believe her.",
    ];
    let inner = [
        ("\"", "\""),
        ("\u{2018}", "\u{2019}"),
        ("\u{201c}", "\u{201d}"),
    ];
    for (open, close) in [("\"", "\""), ("\u{201c}", "\u{201d}")] {
        for (first, second) in labels {
            for line in lines {
                for (i, j) in inner {
                    for closed in [false, true] {
                        let body = line.replace("{i}", i).replace("{j}", j);
                        let end = if closed { close } else { "" };
                        let text = format!(
                            "Partial transcript as follows:\n\n{open}{first}: {body}{end}\n\n{open}{second}: Let us start with the news.{end}"
                        );
                        let got = read(&text, &run(&text));
                        let line1 = (owned(&[&format!("{body}{end}")]), first.to_string());
                        let line2 = (
                            vec![format!("Let us start with the news.{end}")],
                            second.to_string(),
                        );
                        let said: Vec<(Vec<String>, String)> =
                            got.iter().map(|(c, s, _)| (c.clone(), s.clone())).collect();
                        assert!(said.contains(&line1), "{text}\n{got:?}");
                        assert!(said.contains(&line2), "{text}\n{got:?}");
                        for (pieces, _, _) in &got {
                            for p in pieces {
                                assert!(!p.contains(&format!("{first}:")), "{text}\n{got:?}");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_quotation_resumed_after_its_tag_by_a_conjunction_is_a_piece_of_it() {
    // `"A," she said, but "B."`: the conjunction and the quotation after it carry the tag's
    // content on, whatever the speaker, the marks or an adverb after the conjunction.
    for (open, close) in STYLES {
        for speaker in SPEAKERS {
            for conj in ["but", "and", "and still", "yet also", "but then"] {
                let text = format!(
                    "{open}You know, I like the plan,{close} {speaker} said, {conj} {open}it costs too much.{close}"
                );
                let got = read(&text, &run(&text));
                let want = (
                    vec![
                        format!("{open}You know, I like the plan,{close}"),
                        format!("{conj} {open}it costs too much.{close}"),
                    ],
                    speaker.to_string(),
                    "said".to_string(),
                );
                assert_eq!(got, [want], "{text}");
            }
        }
    }
}

#[test]
fn a_participle_after_a_tag_credits_the_quotation_after_it_to_itself() {
    // `"A," he said, adding, "B."`: the participle reports the second quotation; it is not a
    // piece of the first tag's.
    for (open, close) in STYLES {
        for speaker in SPEAKERS {
            for verb in ["adding", "saying", "noting", "insisting", "explaining"] {
                for adverb in ["", " later", " quickly"] {
                    let text = format!(
                        "{open}We cannot afford this,{close} {speaker} said, {verb}{adverb}, {open}The alliance costs a fortune.{close}"
                    );
                    let got = read(&text, &run(&text));
                    let first = (
                        vec![format!("{open}We cannot afford this,{close}")],
                        speaker.to_string(),
                        "said".to_string(),
                    );
                    let second = (
                        vec![format!("{open}The alliance costs a fortune.{close}")],
                        speaker.to_string(),
                        verb.to_string(),
                    );
                    assert_eq!(got, [first, second], "{text}");
                }
            }
        }
    }
}

#[test]
fn a_paragraph_left_open_runs_on_only_into_one_reopened_with_the_same_mark() {
    // An opening mark with no closing mark runs on into the next paragraph when that
    // paragraph reopens with the same mark (`"A.` / `"B," she said.` is one quotation); a
    // straight mark left open before a curly one (or the other way round) is a different text.
    let first = "Melanie thought the whole thing was outrageous. She was anxious, sure.";
    let second = "It never crossed my mind that I was losing it,";
    let marks = [("\"", "\""), ("\u{201c}", "\u{201d}")];
    for speaker in SPEAKERS {
        for (o1, _) in marks {
            for (o2, c2) in marks {
                let text = format!("{o1}{first}\n\n{o2}{second}{c2} {speaker} said.");
                let got = read(&text, &run(&text));
                let tagged: Vec<_> = got.iter().filter(|(_, _, cue)| cue == "said").collect();
                let mut want = Vec::new();
                if o1 == o2 {
                    want.push(format!("{o1}{first}"));
                }
                want.push(format!("{o2}{second}{c2}"));
                assert_eq!(tagged.len(), 1, "{text}\n{got:?}");
                assert_eq!(tagged[0].0, want, "{text}");
                assert_eq!(tagged[0].1, *speaker, "{text}");
            }
        }
    }
}

#[test]
fn a_fronted_setting_naming_a_quoted_title_is_not_content() {
    // `In an interview on "Face the Nation," Ryan said the shootings ...`: the quoted title
    // ends a setting, and the clause after the verb is what was said.
    let settings = [
        "In an interview on",
        "On this week's broadcast of",
        "At a forum hosted by",
        "During an appearance on",
    ];
    let speakers = [
        "Lopez",
        "House Speaker Paul D. Ryan",
        "the minister",
        "Gov. Mike Pence (R-Ind.)",
    ];
    for (open, close) in STYLES {
        for setting in settings {
            for speaker in speakers {
                for clause in [
                    "the shootings were a tragedy.",
                    "his rival was only joking.",
                ] {
                    let text =
                        format!("{setting} {open}Face the Nation,{close} {speaker} said {clause}");
                    let got = read(&text, &run(&text));
                    let spoken = speaker.trim_end_matches(" (R-Ind.)");
                    let want = (owned(&[clause]), spoken.to_string(), "said".to_string());
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
}

#[test]
fn a_dash_after_a_quotation_opens_a_comment_not_content() {
    // `likened the rules to "burning the Constitution" - a charge that stung`: what follows
    // the dash is the writer's, whatever the dash, the marks, the verb or the speaker.
    let predicates = [
        ("likened", "the rules to "),
        ("dismissed", "Estonia as being in the "),
        ("described", "the plan as "),
        ("called", "the deal "),
    ];
    for (open, close) in STYLES {
        for speaker in SPEAKERS {
            for (verb, object) in predicates {
                for dash in [" - ", " \u{2014} ", " -- ", " \u{2013} "] {
                    let text = format!(
                        "{} {verb} {object}{open}a grave mistake{close}{dash}a charge that might have stung.",
                        cap(speaker)
                    );
                    let got = read(&text, &run(&text));
                    let want = (
                        vec![format!("{object}{open}a grave mistake{close}")],
                        cap(speaker),
                        verb.to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
}

#[test]
fn a_subordinate_clause_after_a_tag_is_not_a_speaker_phrase() {
    // `"...," Warren told Stumpf, after he admitted that ...`: the clause after the comma
    // reports for its own subject; it neither takes the quotation nor the words before it.
    for (open, close) in STYLES {
        for speaker in SPEAKERS {
            for sub in ["after", "before", "when", "because", "although", "once"] {
                for verb in ["admitted", "conceded", "said"] {
                    let text = format!(
                        "{open}You should resign,{close} {speaker} told Stumpf, {sub} he {verb} that he had not been held accountable."
                    );
                    let got = read(&text, &run(&text));
                    let first = (
                        vec![format!("{open}You should resign,{close}")],
                        speaker.to_string(),
                        "told".to_string(),
                    );
                    let second = (
                        owned(&["that he had not been held accountable."]),
                        "he".to_string(),
                        verb.to_string(),
                    );
                    assert_eq!(got, [first, second], "{text}");
                }
            }
        }
    }
}

#[test]
fn a_quotation_closing_on_a_comma_before_a_conjunction_ends_the_content() {
    // `repeatedly says, "Don't you do it," until gunshots are heard`: the clause after the
    // closing mark is the writer's, whatever the conjunction, the marks or the speaker.
    for (open, close) in STYLES {
        for speaker in SPEAKERS {
            for conj in ["until", "when", "before", "as", "and", "but"] {
                for verb in ["says", "said", "shouted"] {
                    let text = format!(
                        "{} repeatedly {verb}, {open}Do not do it,{close} {conj} the shots rang out.",
                        cap(speaker)
                    );
                    let got = read(&text, &run(&text));
                    let want = (
                        vec![format!("{open}Do not do it,{close}")],
                        cap(speaker),
                        verb.to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
}

#[test]
fn words_owned_by_a_speaker_before_a_colon_are_the_speakers() {
    // `Her answer: "No."`, `Lopez's reply: "..."`: the owner of a noun of saying is the
    // speaker of the quotation after the colon, whatever the owner, the noun or the marks.
    let owners = [
        ("Her", "Her"),
        ("His", "His"),
        ("Their", "Their"),
        ("Lopez's", "Lopez"),
        ("Senator Maria Lopez\u{2019}s", "Senator Maria Lopez"),
    ];
    for (open, close) in STYLES {
        for (owner, speaker) in owners {
            for noun in ["answer", "reply", "message", "verdict", "response"] {
                for adjective in ["", "blunt "] {
                    let text =
                        format!("{owner} {adjective}{noun}: {open}We will not yield.{close}");
                    let got = read(&text, &run(&text));
                    let want = (
                        vec![format!("{open}We will not yield.{close}")],
                        speaker.to_string(),
                        noun.to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
    // Owned by no one: no speaker to credit.
    for text in ["The answer: \"Nobody knows.\"", "The verdict: \"Guilty.\""] {
        assert_eq!(read(text, &run(text)), [], "{text}");
    }
}

#[test]
fn a_noun_after_an_article_and_an_adjective_is_not_a_cue() {
    // `a strong signal that ...`, `an hourlong show`, `the low demand for`: a bare form after
    // `a`/`an` and a word describing it is a noun, never a verb of a speaker `a strong`.
    for adjective in ["strong", "clear", "massive", "hourlong", "new"] {
        for noun in [
            "signal", "show", "demand", "snap", "report", "claim", "comment",
        ] {
            for article in ["a", "an"] {
                let text = format!(
                    "It was {article} {adjective} {noun} that racism will not be tolerated."
                );
                assert_eq!(read(&text, &run(&text)), [], "{text}");
            }
        }
    }
    // A quantity with a verb after it still speaks: `a majority say ...`.
    for quantity in ["majority", "handful", "third", "quarter", "number"] {
        let text = format!("Of the voters polled, a {quantity} say the race is close.");
        let got = read(&text, &run(&text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, owned(&["the race is close."]), "{text}");
    }
}

/// `s` with its first letter in lower case, for a phrase that no longer opens the sentence.
fn uncap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // `I` and names keep their capital; only a determiner or a pronoun opening a phrase falls.
        Some(f)
            if ["The ", "He ", "She ", "They "]
                .iter()
                .any(|p| s.starts_with(p)) =>
        {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

#[test]
fn subjects_joined_by_and_speak_together() {
    let pairs = [
        ("Russia", "Arab countries"),
        ("Smith", "Jones"),
        ("The mayor", "the governor"),
        ("Senator Maria Lopez", "her aides"),
        ("He", "his lawyers"),
        ("The Bank of England", "the Treasury"),
    ];
    let verbs = ["said", "contend", "argued", "have long said", "also warned"];
    for (first, second) in pairs {
        let subject = format!("{first} and {second}");
        for verb in verbs {
            for (before, that) in [("", "that "), ("On Tuesday, ", ""), ("But ", "")] {
                let opening = if before.is_empty() {
                    subject.clone()
                } else {
                    uncap(&subject)
                };
                let text = format!("{before}{opening} {verb} {that}the plan had failed.");
                let got = read(&text, &run(&text));
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert_eq!(got[0].1, opening, "{text}");
                assert_eq!(got[0].0, [format!("{that}the plan had failed.")], "{text}");
            }
            // After a quotation, in every quote style.
            for (open, close) in STYLES {
                let text = format!("{open}It failed,{close} {} {verb}.", uncap(&subject));
                let got = read(&text, &run(&text));
                assert_eq!(
                    got,
                    [(
                        vec![format!("{open}It failed,{close}")],
                        uncap(&subject),
                        verb.rsplit(' ').next().unwrap().to_string()
                    )],
                    "{text}"
                );
            }
        }
        // Inverted after the quotation (a pronoun comes before its verb).
        if first == "He" {
            continue;
        }
        let text = format!("\"It failed,\" said {}.", uncap(&subject));
        let got = read(&text, &run(&text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, uncap(&subject), "{text}");
    }
    // `and` between a verb's object and a new subject joins no subjects.
    for text in [
        "Trump won Ohio and Clinton said the count was wrong.",
        "The deal collapsed and officials said the talks were over.",
    ] {
        let got = read(text, &run(text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert!(!got[0].1.contains(" and "), "{text}: {got:?}");
    }
}

#[test]
fn a_participle_after_a_verb_and_its_object_speaks_for_the_clause_subject() {
    let subjects = [
        "Trump",
        "The senator",
        "She",
        "Senator Maria Lopez",
        "The group",
    ];
    let objects = [
        "sent tweets",
        "sent messages",
        "issued a statement",
        "released a statement",
        "put out a statement",
        "fired off several tweets",
    ];
    for subject in subjects {
        for object in objects {
            for time in ["", " Tuesday", " early Friday"] {
                for cue in ["saying", "claiming", "arguing", "warning"] {
                    for that in ["", "that "] {
                        let text =
                            format!("{subject} {object}{time} {cue} {that}the vote was rigged.");
                        let got = read(&text, &run(&text));
                        let want = (
                            vec![format!("{that}the vote was rigged.")],
                            subject.to_string(),
                            cue.to_string(),
                        );
                        assert_eq!(got, [want], "{text}");
                    }
                }
            }
            // With a comma before the participle too: the speaker never holds the verb.
            let text = format!("{subject} {object}, saying the vote was rigged.");
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, subject, "{text}");
        }
    }
    // A participle after its own subject keeps it.
    for text in [
        "The mayor resigned, with officials saying she was tired.",
        "Officials saying the vote was rigged were ignored.",
    ] {
        let got = read(text, &run(text));
        assert!(
            got.iter().all(|q| q.1 == "officials" || q.1 == "Officials"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_quantity_standing_alone_is_the_speaker() {
    let quantities = ["some", "a few", "many", "most", "others", "several"];
    let verbs = [
        "say",
        "said",
        "argue",
        "believe",
        "told reporters",
        "have said",
    ];
    for quantity in quantities {
        for verb in verbs {
            let text = format!("{} {verb} the plan had failed.", cap(quantity));
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, cap(quantity), "{text}");
            assert_eq!(got[0].0, owned(&["the plan had failed."]), "{text}");
            for (open, close) in STYLES {
                let text = format!("{open}It failed,{close} {quantity} {verb}.");
                let got = read(&text, &run(&text));
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert_eq!(got[0].1, quantity, "{text}");
                assert_eq!(got[0].0, [format!("{open}It failed,{close}")], "{text}");
            }
            // After a clause of the writer's.
            let text = format!("The plan was dropped, but {quantity} {verb} it had worked.");
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, quantity, "{text}");
        }
    }
    // A quantity that modifies a noun is no speaker of its own.
    for (text, speaker) in [
        ("Many critics said the plan had failed.", "Many critics"),
        ("Some officials said the plan had failed.", "Some officials"),
        ("\"It failed,\" several analysts said.", "several analysts"),
    ] {
        let got = read(text, &run(text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, speaker, "{text}");
    }
}

#[test]
fn verbs_of_a_cry_or_a_sigh_report_a_quotation_only() {
    let verbs = [
        "cried",
        "shouted",
        "yelled",
        "whispered",
        "muttered",
        "exclaimed",
        "snapped",
        "sighed",
        "gasped",
        "groaned",
    ];
    for verb in verbs {
        for speaker in ["she", "the man", "Lopez", "Senator Maria Lopez"] {
            for (open, close) in STYLES {
                for words in ["Get out!", "We are ruined,"] {
                    let piece = format!("{open}{words}{close}");
                    let text = format!("{piece} {speaker} {verb}.");
                    let got = read(&text, &run(&text));
                    let want = (vec![piece.clone()], speaker.to_string(), verb.to_string());
                    assert_eq!(got, std::slice::from_ref(&want), "{text}");
                    // Inverted, and running on in a second sentence of the paragraph.
                    if speaker != "she" {
                        let text = format!("{piece} {verb} {speaker}.");
                        assert_eq!(read(&text, &run(&text)), [want], "{text}");
                    }
                    let text = format!("The door opened. {piece} {speaker} {verb}.");
                    let got = read(&text, &run(&text));
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(got[0].1, speaker, "{text}");
                }
            }
        }
    }
    // Without a quotation the sound or the feeling is no speech.
    for verb in ["cried", "sighed", "gasped", "groaned", "sobbed"] {
        for text in [
            format!("She {verb}."),
            format!("She {verb} as the plan failed."),
            format!("The plan failed, she {verb}."),
            format!("The crowd {verb} when the team lost."),
        ] {
            assert_eq!(read(&text, &run(&text)), [], "{text}");
        }
    }
    // Nor is the noise made the object of a verb of manner.
    for text in ["The fans were shouting insults.", "She cried tears of joy."] {
        assert_eq!(read(text, &run(text)), [], "{text}");
    }
}

#[test]
fn a_tag_after_a_quotation_keeps_its_speaker_past_a_phrase_of_manner_or_a_hearer() {
    let verbs = [
        "said",
        "inquired",
        "replied",
        "interrupted",
        "rejoined",
        "pleaded",
    ];
    let after = [
        "",
        " to reporters",
        " sarcastically",
        ", harshly,",
        " in terror",
        " with a smile",
        " to his companion, as they rose from the table",
    ];
    for verb in verbs {
        for rest in after {
            for (open, close) in STYLES {
                for speaker in ["the senator", "Lopez", "Senator Maria Lopez"] {
                    for words in ["Why not?", "We will win,"] {
                        let piece = format!("{open}{words}{close}");
                        let text = format!("{piece} {verb} {speaker}{rest}.");
                        let got = read(&text, &run(&text));
                        assert_eq!(got.len(), 1, "{text}: {got:?}");
                        assert_eq!(got[0].0, std::slice::from_ref(&piece), "{text}");
                        assert_eq!((&*got[0].1, &*got[0].2), (speaker, verb), "{text}");
                    }
                }
                for pronoun in ["he", "she", "I"] {
                    let piece = format!("{open}We will win,{close}");
                    let more = format!("{open}and soon.{close}");
                    let sep = if rest.ends_with(',') { " " } else { ", " };
                    let text = format!("{piece} {pronoun} {verb}{rest}{sep}{more}");
                    let got = read(&text, &run(&text));
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(got[0].0, [piece, more], "{text}");
                    assert_eq!((&*got[0].1, &*got[0].2), (pronoun, verb), "{text}");
                }
            }
        }
    }
    // Words quoted inside a clause are no quotation of the speaker after them.
    let text = "What she calls the \"silver standard,\" she says, is gone.";
    let got = read(text, &run(text));
    assert!(
        got.iter().all(|q| q.0 != ["\"silver standard,\""]),
        "{text}: {got:?}"
    );
    // Away from a quotation the dialogue verbs report nothing.
    for text in [
        "He returned home after the vote.",
        "She pleaded guilty to fraud.",
        "The firm will not pursue the case, and the senator returned to Ohio.",
        "Prices rose, the minister interrupted.",
    ] {
        assert_eq!(read(text, &run(text)), [], "{text}");
    }
}

#[test]
fn a_quotation_resumed_after_a_tag_and_a_semicolon_is_a_piece_of_it() {
    for (open, close) in STYLES {
        for speaker in ["the senator", "Lopez", "she", "the old officer"] {
            for verb in ["said", "replied", "cried"] {
                let first = format!("{open}We will win,{close}");
                let second = format!("{open}we have the votes.{close}");
                let inverted = speaker != "she";
                let tags = [
                    format!("{speaker} {verb}"),
                    format!("{verb} {speaker}"),
                    format!("{speaker} {verb} to reporters"),
                ];
                for tag in tags.iter().filter(|t| inverted || t.starts_with(speaker)) {
                    let text = format!("{first} {tag}; {second}");
                    let got = read(&text, &run(&text));
                    let want = (
                        vec![first.clone(), second.clone()],
                        speaker.to_string(),
                        verb.to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
}

#[test]
fn a_quotation_after_a_beat_of_what_someone_did_is_theirs() {
    let subjects = [
        "The mayor",
        "She",
        "He",
        "Lopez",
        "The senator",
        "Senator Maria Lopez",
    ];
    let beats = [
        "smiled.",
        "paused.",
        "shook her head.",
        "looked round and lowered his voice.",
        "flushed at once!",
    ];
    for subject in subjects {
        for beat in beats {
            for (open, close) in STYLES {
                let piece = format!("{open}We will not back down.{close}");
                let text = format!("{subject} {beat} {piece}");
                // A lone surname is a name where the entity mentions say so (the pipeline's
                // gazetteer and tagger); see the next test for a common noun in its place.
                let names: Vec<EntityMention> = (subject == "Lopez")
                    .then(|| person(&text, "Lopez", "Lopez", None))
                    .into_iter()
                    .collect();
                let named = &names[..];
                let got = read(&text, &run_with(&text, named));
                let want = (vec![piece.clone()], subject.to_string(), String::new());
                assert_eq!(got, std::slice::from_ref(&want), "{text}");
                // After another speaker's turn.
                let text = format!("{open}Why?{close} asked Smith. {subject} {beat} {piece}");
                let names: Vec<EntityMention> = (subject == "Lopez")
                    .then(|| person(&text, "Lopez", "Lopez", None))
                    .into_iter()
                    .collect();
                let named = &names[..];
                let got = read(&text, &run_with(&text, named));
                assert_eq!(got.len(), 2, "{text}: {got:?}");
                assert_eq!(got[1], want, "{text}");
            }
        }
    }
    // Not after a sentence with a quotation, `it` or an auxiliary, nor a second time for the
    // person quoted last.
    for text in [
        "It rained all day. \"We will not back down.\"",
        "\"Why?\" \"We will not back down.\"",
        "He didn't move. \"We will not back down.\"",
    ] {
        assert_eq!(read(text, &run(text)), [], "{text}");
    }
    let text = "\"We are ready,\" said Lopez. Lopez smiled. \"We will not back down.\"";
    let got = read(text, &run(text));
    assert_eq!(got.len(), 1, "{text}: {got:?}");
}

/// The mention of `at` in `text` with `label`, named `name`.
fn mention(text: &str, at: &str, label: Label, name: &str) -> EntityMention {
    EntityMention {
        label,
        name: name.to_string(),
        ..person(text, at, name, Some(name))
    }
}

#[test]
fn subjects_joined_by_and_resolve_to_no_one_entity() {
    for (first, second, verb) in [
        ("Russia", "Arab", "contend"),
        ("Smith", "Jones", "said"),
        ("Russia", "Iran", "argued"),
    ] {
        let text = format!("{first} and {second} countries {verb} that the plan failed.");
        let entities = [
            mention(&text, first, Label::Gpe, first),
            mention(&text, second, Label::Norp, second),
        ];
        let got = run_with(&text, &entities);
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(resolved(&got), [(None, None)], "{text}");
    }
    // A name that holds the `and` is one entity.
    let text = "Procter and Gamble said that the plan failed.";
    let entities = [mention(
        text,
        "Procter and Gamble",
        Label::Org,
        "Procter & Gamble",
    )];
    let got = run_with(text, &entities);
    assert_eq!(
        resolved(&got),
        [(
            Some("Procter & Gamble".to_string()),
            Some("Procter & Gamble".to_string())
        )],
        "{text}"
    );
}

/// A capitalised common noun opening the sentence before a quotation (`Prices rose. "..."`) is
/// no one who acted: the quotation gets no speaker from it. A single capitalised word is taken
/// for a person there only where the entity mentions name it or the text writes it capitalised
/// inside a sentence too (`Maria Lopez runs the shop. Lopez paused. "..."`).
#[test]
fn a_common_noun_opening_the_sentence_before_a_quotation_is_no_speaker() {
    let nouns = [
        "Prices", "Shares", "Markets", "Rain", "Traffic", "Costs", "Sales", "Tensions", "Crowds",
        "Protests",
    ];
    let beats = [
        "rose.",
        "fell sharply.",
        "climbed again.",
        "eased.",
        "grew!",
    ];
    for noun in nouns {
        for beat in beats {
            for (open, close) in STYLES {
                let text = format!("{noun} {beat} {open}This is a disaster.{close}");
                let got = read(&text, &run(&text));
                assert!(got.iter().all(|q| q.1 != noun), "{text}: {got:?}");
            }
        }
    }
    // The same shape with a name the text gives elsewhere, or the entity mentions give.
    for beat in beats {
        for (open, close) in STYLES {
            let piece = format!("{open}This is a disaster.{close}");
            let text = format!("Maria Lopez runs the shop. Lopez {beat} {piece}");
            let got = read(&text, &run(&text));
            assert_eq!(
                got,
                [(vec![piece.clone()], "Lopez".to_string(), String::new())],
                "{text}"
            );
            let text = format!("Okonkwo {beat} {piece}");
            let got = read(
                &text,
                &run_with(&text, &[person(&text, "Okonkwo", "Okonkwo", None)]),
            );
            assert_eq!(
                got,
                [(vec![piece.clone()], "Okonkwo".to_string(), String::new())],
                "{text}"
            );
        }
    }
}

/// The subject of a participle after `with` is the whole noun phrase before the participle,
/// subjects joined by `and` and modifiers included: `with Russia and Arab countries contending
/// that ...` is said by `Russia and Arab countries`, not `Arab countries`; `with officials in
/// Kyiv saying ...` by `officials in Kyiv`, not `Kyiv`.
#[test]
fn the_subject_of_a_participle_after_with_is_the_whole_phrase() {
    let subjects = [
        "Russia and Arab countries",
        "the mayor and the governor",
        "Smith and Jones",
        "officials in Kyiv",
        "workers at the plant",
        "members of the board",
        "critics",
        "Senator Maria Lopez",
    ];
    let openers = [
        "Talks stalled,",
        "The deal collapsed in March,",
        "Accusations of double standards have arisen,",
    ];
    for opener in openers {
        for subject in subjects {
            for cue in ["saying", "arguing", "contending", "warning", "insisting"] {
                for that in ["", "that "] {
                    let text =
                        format!("{opener} with {subject} {cue} {that}the terms were unfair.");
                    let got = read(&text, &run(&text));
                    let want = (
                        vec![format!("{that}the terms were unfair.")],
                        subject.to_string(),
                        cue.to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
}

/// A verb of writing or posting whose object is a text with a reporting participle after it
/// (`She wrote a letter claiming ...`, `He posted a video saying ...`) reports once, by the
/// participle, for the subject: the writing is no attribution of its own whose content is
/// `a letter claiming ...`. A participle with no clause after it (`found the area welcoming.`)
/// or a text as a subject (`its reporting has found that ...`) changes nothing.
#[test]
fn a_text_with_a_reporting_participle_is_reported_once() {
    let subjects = [
        "She",
        "The senator",
        "Lopez",
        "The group",
        "Senator Maria Lopez",
    ];
    let verbs = ["wrote", "posted", "published", "sent", "released", "shared"];
    let objects = [
        "a letter",
        "an op-ed",
        "a long video",
        "his latest post",
        "a short note",
        "an open letter",
    ];
    for subject in subjects {
        for verb in verbs {
            for object in objects {
                for cue in ["claiming", "saying", "arguing", "warning"] {
                    for that in ["", "that "] {
                        let text =
                            format!("{subject} {verb} {object} {cue} {that}the vote was rigged.");
                        let got = read(&text, &run(&text));
                        let want = (
                            vec![format!("{that}the vote was rigged.")],
                            subject.to_string(),
                            cue.to_string(),
                        );
                        assert_eq!(got, [want], "{text}");
                    }
                }
            }
        }
    }
    let text = "Bloomberg says its deeper reporting has found that the entities are his.";
    let got = read(text, &run(text));
    assert!(got.iter().any(|q| q.2 == "says"), "{text}: {got:?}");
    let text = "She wrote that the vote was rigged.";
    let got = read(text, &run(text));
    assert_eq!(got.len(), 1, "{text}: {got:?}");
    assert_eq!(got[0].2, "wrote", "{text}");
}

/// An aside between commas or dashes after the verb (`said, without evidence, that ...`,
/// `proclaimed - falsely - that ...`, `added, though, that ...`) leaves the verb introducing the
/// clause or quotation after it.
#[test]
fn an_aside_after_the_verb_keeps_what_it_introduces() {
    let asides = [
        (", ", "without evidence", ", "),
        (", ", "however", ", "),
        (", ", "for example", ", "),
        (", ", "with the benefit of hindsight", ", "),
        (" - ", "falsely", " - "),
        (" \u{2014} ", "jokingly but with an edge", " \u{2014} "),
        (" in July - ", "wrongly", " - "),
    ];
    for speaker in ["She", "The senator", "Lopez", "Senator Maria Lopez"] {
        for verb in ["said", "argued", "claimed", "added", "insisted", "says"] {
            for (open, aside, close) in asides {
                let text = format!("{speaker} {verb}{open}{aside}{close}that the vote was rigged.");
                let got = read(&text, &run(&text));
                let want = (
                    owned(&["that the vote was rigged."]),
                    speaker.to_string(),
                    verb.to_string(),
                );
                assert_eq!(got, [want], "{text}");
                for (qo, qc) in STYLES {
                    let quote = format!("{qo}We will win.{qc}");
                    let text = format!("{speaker} {verb}{open}{aside}{close}{quote}");
                    let got = read(&text, &run(&text));
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(
                        (got[0].1.as_str(), got[0].2.as_str()),
                        (speaker, verb),
                        "{text}"
                    );
                    assert!(got[0].0[0].contains("We will win."), "{text}: {got:?}");
                }
            }
        }
    }
}

/// Words quoted inside a phrase before the speaker (`To chants of "Marco! Marco!," the senator
/// said his campaign ...`) are not a quotation the verb tags when a clause follows the verb: the
/// verb introduces that clause. A quotation that opens the sentence stays tagged.
#[test]
fn a_quotation_inside_a_fronted_phrase_is_not_tagged_by_a_verb_with_a_clause() {
    let fronts = [
        "Walking into the office to chants of",
        "To shouts of",
        "Greeted with cries of",
    ];
    let chants = [
        "Marco! Marco!",
        "Four more years!",
        "Lock her up",
        "Yes, we can",
    ];
    for front in fronts {
        for chant in chants {
            for (open, close) in STYLES {
                for speaker in ["the senator", "Lopez", "she"] {
                    let text = format!(
                        "{front} {open}{chant},{close} {speaker} said his campaign was strong."
                    );
                    let got = read(&text, &run(&text));
                    let want = (
                        owned(&["his campaign was strong."]),
                        speaker.to_string(),
                        "said".to_string(),
                    );
                    assert_eq!(got, [want], "{text}");
                }
            }
        }
    }
    for (open, close) in STYLES {
        let text = format!("{open}We will win,{close} the senator said his aides told him.");
        let got = read(&text, &run(&text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert!(got[0].0[0].contains("We will win"), "{text}: {got:?}");
    }
}

/// The content of the quotation whose cue reads `cue`, as text, or `None` where no quotation has
/// that cue.
fn content_of(text: &str, quotes: &[Quotation], cue: &str) -> Option<String> {
    read(text, quotes)
        .into_iter()
        .find(|(_, _, c)| c == cue)
        .map(|(pieces, _, _)| pieces.join(" + "))
}

/// Content given as an infinitive (`vowed to block the bill`) ends before a comma that opens
/// the writer's account of what else the speaker did or of what happened: a participle
/// (`, citing rising costs`, `, leaving aides scrambling`) or a clause of contrast or time
/// (`, while ...`, `, though ...`, `, after ...`, `, but ...`). Speakers, tense, the boundary and
/// the sentence before must not matter.
#[test]
fn an_infinitive_ends_before_the_writers_participle_or_clause_of_contrast() {
    let verbs = [
        "vowed",
        "has vowed",
        "vows",
        "pledged",
        "pledges",
        "promised",
        "had promised",
        "threatened",
        "refused",
    ];
    let after = [
        ", citing rising costs.",
        ", while acknowledging that the votes were not there.",
        ", though the talks could collapse.",
        ", although critics doubt it.",
        ", after the vote failed.",
        ", but the board met anyway.",
        ", leaving aides scrambling.",
        ", whereas rivals stayed silent.",
    ];
    let mut n = 0;
    for speaker in SPEAKERS {
        for verb in verbs {
            let cue = verb.rsplit(' ').next().unwrap();
            for tail in after {
                for before in ["", "The vote is on Friday. "] {
                    let text = format!("{before}{} {verb} to block the bill{tail}", cap(speaker));
                    let got = content_of(&text, &run(&text), cue);
                    assert_eq!(got.as_deref(), Some("to block the bill"), "{text}");
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 720);
    // A participle telling of the noun before it, a list, or words in quotation marks stay.
    for (text, want) in [
        (
            "Lopez vowed to fix the missteps, culminating in the debate.",
            "to fix the missteps, culminating in the debate.",
        ),
        (
            "Lopez vowed to cut taxes, including the estate tax.",
            "to cut taxes, including the estate tax.",
        ),
        (
            "Lopez vowed to \"fight on, citing\" his record.",
            "to \"fight on, citing\" his record.",
        ),
    ] {
        let got = content_of(text, &run(text), "vowed");
        assert_eq!(got.as_deref(), Some(want), "{text}");
    }
}

/// A clause of contrast or time after a comma (`, while`, `, whereas`, `, although`,
/// `, though`, `, even as`, `, even though`, `, after`) with a speaker and a verb of speech or
/// belief of its own is that speaker's attribution and ends the content before it: `Lopez said
/// the plan had failed, while Smith said it was working`. Both speakers, their forms (names,
/// titles, pronouns, plurals, a modifier), the verbs and the opener must not matter.
#[test]
fn a_new_speaker_in_a_clause_of_contrast_ends_the_content_before_it() {
    let others = [
        "Smith",
        "the opposition leader",
        "critics",
        "officials in Brussels",
        "he",
        "two analysts",
    ];
    let openers = [
        "while",
        "whereas",
        "although",
        "though",
        "even as",
        "even though",
        "after",
    ];
    let verbs = [
        ("said", "said"),
        ("says", "says"),
        ("argued", "argued"),
        ("insisted", "insisted"),
        ("told reporters", "told"),
        ("believes", "believes"),
    ];
    let mut n = 0;
    for speaker in SPEAKERS {
        for opener in openers {
            for other in others {
                // `after officials in Brussels`: the speaker stage reads `after` as a
                // preposition and gives `Brussels` alone.
                if opener == "after" && other.contains(" in ") {
                    continue;
                }
                for (verb, cue) in verbs {
                    let text = format!(
                        "{} said the plan had failed, {opener} {other} {verb} it was working.",
                        cap(speaker)
                    );
                    let got = read(&text, &run(&text));
                    assert_eq!(got.len(), 2, "{text}: {got:?}");
                    assert_eq!(got[0].0, owned(&["the plan had failed"]), "{text}");
                    assert_eq!(got[1].0, owned(&["it was working."]), "{text}");
                    assert_eq!(got[1].1, *other, "{text}");
                    assert_eq!(got[1].2, cue, "{text}");
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 1230);
    // Not a clause opening the reported one right after `that`, nor a verb of stance.
    let text = "Lopez said that, while Smith said it was working, the plan had failed.";
    let got = content_of(text, &run(text), "said");
    assert_eq!(
        got.as_deref(),
        Some("that, while Smith said it was working, the plan had failed."),
        "{text}"
    );
}

/// `however` opening a clause after a comma (`47 percent said they would back the plan,
/// however that number has dropped`) ends the content: the writer turns to another fact. Not
/// `however` before the adjective or adverb it modifies (`however small`, `however
/// reluctantly`) nor between commas. Speakers, verbs, the clause and a fronted time must not
/// matter.
#[test]
fn however_opening_a_clause_ends_the_content() {
    let speakers = [
        "Lopez",
        "The minister",
        "Senator Maria Lopez",
        "She",
        "47 percent",
        "Most voters",
    ];
    let verbs = ["said", "say", "argued", "has said", "insisted", "predicted"];
    let clauses = [
        "that number has dropped",
        "the vote went the other way",
        "this time around support has slipped to 35 percent",
        "he did not",
        "critics remain unconvinced",
    ];
    let mut n = 0;
    for speaker in speakers {
        for verb in verbs {
            for clause in clauses {
                for before in ["", "Around that time, "] {
                    let text = format!(
                        "{before}{speaker} {verb} they would back the plan, however {clause}."
                    );
                    let got = read(&text, &run(&text));
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(got[0].0, owned(&["they would back the plan"]), "{text}");
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 360);
    for tail in [
        "however small the margin.",
        "however reluctantly.",
        "however, and left.",
    ] {
        let text = format!("Lopez said they would back the plan, {tail}");
        let got = content_of(&text, &run(&text), "said");
        assert_eq!(
            got,
            Some(format!("they would back the plan, {tail}")),
            "{text}"
        );
    }
}

/// A subordinate clause fronted inside reported content (`said that if the vote fails, he would
/// oppose the bill`, `said when ...`, `told reporters once ...`, `said it was hard but that
/// unless ...`) does not end the content at its comma, even where the main clause after it has
/// a verb that can report (`oppose`, `support`) and a subject of its own. Speakers,
/// verbs, the opener, the main clause's subject and whether `that` is there must not matter.
#[test]
fn a_fronted_clause_inside_the_content_does_not_end_it_at_its_comma() {
    let openers = [
        "if", "when", "once", "because", "although", "after", "before", "unless", "until", "since",
        "whenever",
    ];
    let frames = [
        "that {o} the vote fails, {p} would {v} the bill.",
        "{o} the vote fails, {p} would {v} the bill.",
        "the talks were hard but that {o} the vote fails, {p} would {v} the bill.",
    ];
    let mut n = 0;
    for speaker in SPEAKERS {
        for cue in ["said", "told reporters", "argued"] {
            for o in openers {
                for frame in frames {
                    for (p, v) in [
                        ("he", "oppose"),
                        ("they", "support"),
                        ("the party", "reject"),
                    ] {
                        let content = frame.replace("{o}", o).replace("{p}", p).replace("{v}", v);
                        let text = format!("{} {cue} {content}", cap(speaker));
                        let got = read(&text, &run(&text));
                        assert_eq!(got.len(), 1, "{text}: {got:?}");
                        assert!(
                            got[0].0[0].ends_with(&format!("would {v} the bill.")),
                            "{text}: {got:?}"
                        );
                        n += 1;
                    }
                }
            }
        }
    }
    assert_eq!(n, 1485);
}

/// An object reported without a clause (`criticized the proposal`, `called for a strike`, `said
/// as much`) ends before a phrase naming the medium or occasion it was said in: `in a statement
/// on Friday`, `during an interview with the BBC`, `in a recent tweet`, `in early-morning
/// tweets`, `on Twitter`. Speakers, verbs, the object, the medium and what follows the medium
/// must not matter.
#[test]
fn an_object_ends_before_the_medium_or_occasion_it_was_said_in() {
    let verbs = [
        ("criticized", "criticized"),
        ("has praised", "praised"),
        ("called for", "called for"),
        ("denied", "denied"),
        ("condemned", "condemned"),
    ];
    let objects = [
        "the proposal",
        "Smith",
        "a new inquiry",
        "the deal with Iran",
    ];
    let media = [
        "in a statement",
        "in a statement on Friday",
        "during an interview with the BBC",
        "in a recent tweet",
        "during a news conference in Berlin",
        "in an open letter to members",
        "during a visit to Kyiv",
        "in early-morning tweets",
        "in remarks to reporters",
        "on Twitter",
        "on CNN",
    ];
    let mut n = 0;
    for speaker in SPEAKERS {
        for (verb, cue) in verbs {
            for object in objects {
                for medium in media {
                    let text = format!("{} {verb} {object} {medium}.", cap(speaker));
                    let got = content_of(&text, &run(&text), cue);
                    assert_eq!(got.as_deref(), Some(object), "{text}");
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 1100);
    // A clause keeps its own phrase, and an `as` after the medium goes on with the content.
    for (text, cue, want) in [
        (
            "Lopez said the figures were wrong during a hearing last week.",
            "said",
            "the figures were wrong during a hearing last week.",
        ),
        (
            "Lopez described the plan in an interview as reckless.",
            "described",
            "the plan in an interview as reckless.",
        ),
    ] {
        let got = content_of(text, &run(text), cue);
        assert_eq!(got.as_deref(), Some(want), "{text}");
    }
}

/// An object reported without a clause (`endorsed Smith`, `announced new sanctions`) ends
/// before a time phrase closing the sentence or followed by a comma or `and`: `on Thursday`,
/// `last week`, `earlier this month`, `late Monday`, `in May 2015`. The time tells when it was
/// said. Not a time inside the object (`a levy last year on polluters`), nor a date before a
/// noun (`the Monday deadline`). Speakers, verbs, objects and what follows must not matter.
#[test]
fn an_object_ends_before_the_time_it_was_said() {
    let verbs = [
        "endorsed",
        "announced",
        "criticized",
        "has rejected",
        "praised",
    ];
    let objects = ["Smith", "the proposal", "new sanctions", "a rival bill"];
    let times = [
        "on Thursday",
        "Thursday",
        "last week",
        "earlier this month",
        "late Monday",
        "in May 2015",
        "on Sunday night",
        "this weekend",
    ];
    let tails = [".", ", a day after the vote.", " and left the room."];
    let mut n = 0;
    for speaker in SPEAKERS {
        for verb in verbs {
            let cue = verb.rsplit(' ').next().unwrap();
            for object in objects {
                for time in times {
                    for tail in tails {
                        let text = format!("{} {verb} {object} {time}{tail}", cap(speaker));
                        let got = content_of(&text, &run(&text), cue);
                        assert_eq!(got.as_deref(), Some(object), "{text}");
                        n += 1;
                    }
                }
            }
        }
    }
    assert_eq!(n, 2400);
    for (text, want) in [
        (
            "Lopez proposed a levy last year on polluters.",
            "a levy last year on polluters.",
        ),
        (
            "Lopez criticized the Monday deadline.",
            "the Monday deadline.",
        ),
        (
            "Lopez said the vote would be held on Friday.",
            "the vote would be held on Friday.",
        ),
    ] {
        let cue = text.split(' ').nth(1).unwrap();
        let got = content_of(text, &run(text), cue);
        assert_eq!(got.as_deref(), Some(want), "{text}");
    }
}

/// A speaker in an `as` clause credits the rest of the sentence: fronted (`As the mayor noted,
/// the city has no money.`), closing (`The city has no money, as the mayor said.`) or inside
/// (`The city, as the mayor put it, has no money.`, content in two pieces). The verb may carry
/// an auxiliary, an adverb or a time (`as she has noted`, `as he said on Tuesday`), and `put it`
/// is a cue in such a clause only.
#[test]
fn a_speaker_in_an_as_clause_credits_the_rest_of_the_sentence() {
    let speakers = [
        "the mayor",
        "Lopez",
        "Senator Maria Lopez",
        "she",
        "critics",
        "one of his aides",
        "the mayor and the governor",
        "Mr. Obama's advisers",
    ];
    let verbs = [
        ("noted", ""),
        ("said", ""),
        ("has noted", "noted"),
        ("pointed out", ""),
        ("put it", ""),
        ("wrote", ""),
        ("reported", ""),
        ("said on Tuesday", "said"),
        ("once observed", "observed"),
    ];
    for speaker in speakers {
        for (verb, cue) in verbs {
            let cue = if cue.is_empty() { verb } else { cue };
            let text = format!("As {speaker} {verb}, the city has no money left.");
            let got = read(&text, &run(&text));
            let want = (
                owned(&["the city has no money left."]),
                speaker.to_string(),
                cue.to_string(),
            );
            assert_eq!(got, [want], "{text}");
            for opener in ["But", "Of course,", "And"] {
                let text = format!("{opener} as {speaker} {verb}, the city has no money left.");
                let got = read(&text, &run(&text));
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert_eq!(got[0].0, owned(&["the city has no money left."]), "{text}");
            }
            let text = format!("The city has no money left, as {speaker} {verb}.");
            let got = read(&text, &run(&text));
            let want = (
                owned(&["The city has no money left"]),
                speaker.to_string(),
                cue.to_string(),
            );
            assert_eq!(got, [want], "{text}");
            let text = format!("The city, as {speaker} {verb}, has no money left.");
            let got = read(&text, &run(&text));
            let want = (
                owned(&["The city", "has no money left."]),
                speaker.to_string(),
                cue.to_string(),
            );
            assert_eq!(got, [want], "{text}");
        }
    }
    // No `as` clause: a verb with words of its own, `put it` outside such a clause, a clause
    // with a verb of its own before the speech verb.
    for text in [
        "She put it on the table.",
        "As prices rose and he said, we left.",
    ] {
        assert_eq!(read(text, &run(text)), [], "{text}");
    }
    let text = "He smiled as he explained how hard it is to run.";
    let got = read(text, &run(text));
    assert_eq!(got.len(), 1, "{text}: {got:?}");
    assert_eq!(got[0].0, owned(&["how hard it is to run."]), "{text}");
}

/// A share of a group before `of` is the speaker, whole: `most of them said`, `two of them
/// say`, `a majority of those polled said`, `none of us said`. Not a share inside another
/// phrase (`He bought two of them said to be fake.`).
#[test]
fn a_share_of_a_group_is_the_speaker() {
    let shares = [
        "Most",
        "Some",
        "Many",
        "Two",
        "None",
        "Each",
        "Half",
        "A majority",
        "Several",
        "All",
        "Three",
        "Either",
    ];
    let groups = [
        "them",
        "us",
        "those polled",
        "the workers",
        "the voters in Ohio",
    ];
    for share in shares {
        for group in groups {
            for verb in ["said", "say", "told reporters", "argued"] {
                for before in ["", "And until the shutdown, ", "In the end, "] {
                    let text = format!("{before}{share} of {group} {verb} they loved the job.");
                    let text = if before.is_empty() {
                        text
                    } else {
                        text.replacen(share, &share.to_lowercase(), 1)
                    };
                    let got = read(&text, &run(&text));
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    let speaker = format!("{share} of {group}");
                    assert!(got[0].1.eq_ignore_ascii_case(&speaker), "{text}: {got:?}");
                    assert_eq!(got[0].0, owned(&["they loved the job."]), "{text}");
                }
            }
        }
    }
    let text = "He bought two of them said to be fake.";
    assert_eq!(read(text, &run(text)), [], "{text}");
}

/// A quotation closing on a comma, then `and` or `but` and a pronoun (`"non-entities," but he
/// added ...`), ends the content there, as a comma outside the marks does.
#[test]
fn a_clause_after_a_quotation_closing_on_a_comma_ends_the_content() {
    for (open, close) in STYLES {
        for conj in ["but", "and"] {
            for pronoun in ["he", "she", "they", "we"] {
                for speaker in ["Reid", "The senator", "She"] {
                    let text = format!(
                        "{speaker} said the rivals were {open}non-entities,{close} {conj} \
                         {pronoun} gave them a compliment."
                    );
                    let got = read(&text, &run(&text));
                    assert_eq!(got.len(), 1, "{text}: {got:?}");
                    assert_eq!(
                        got[0].0,
                        [format!("the rivals were {open}non-entities,{close}")],
                        "{text}"
                    );
                }
            }
        }
    }
}

/// A speaker with a relative clause without `who` (`The voters we spoke to said`, `Residents I
/// interviewed say`, `the officials they met with said`) is the whole phrase; a past form after
/// the clause's `to` is no infinitive.
#[test]
fn a_speaker_with_a_relative_clause_without_who_is_the_whole_phrase() {
    let heads = [
        "The voters",
        "Residents",
        "Several people",
        "Two officials",
        "The workers",
    ];
    let clauses = [
        "we spoke to",
        "I interviewed",
        "they met with",
        "we talked to",
        "I asked",
        "we reached",
        "she surveyed",
    ];
    for head in heads {
        for clause in clauses {
            for verb in ["said", "say", "told us", "argued"] {
                let text = format!("{head} {clause} {verb} they were afraid.");
                let got = read(&text, &run(&text));
                let speaker = format!("{head} {clause}");
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert_eq!(got[0].1, speaker, "{text}");
                assert_eq!(got[0].0, owned(&["they were afraid."]), "{text}");
            }
        }
    }
    for text in [
        "What we heard said nothing.",
        "She declined to say whether she would run.",
    ] {
        let got = read(text, &run(text));
        assert!(
            got.iter().all(|q| q.2 != "said" && q.2 != "say"),
            "{text}: {got:?}"
        );
    }
}

/// A speech verb taken by an adjective of haste or care (`was quick to say that ...`, `is
/// careful to stress that ...`, `was at pains to insist that ...`) reports the speech, for the
/// subject before the adjective; other infinitives stay no cue (`declined to say`).
#[test]
fn an_infinitive_of_speech_after_an_adjective_of_haste_or_care_reports() {
    let subjects = ["He", "The mayor", "Senator Maria Lopez", "The company"];
    let frames = [
        "was quick to",
        "is careful to",
        "was eager to",
        "was keen to",
        "has been quick to",
        "was at pains to",
        "was swift to",
    ];
    for subject in subjects {
        for frame in frames {
            for verb in ["say", "stress", "insist", "argue", "emphasize", "explain"] {
                let text = format!("{subject} {frame} {verb} that the deal was dead.");
                let got = read(&text, &run(&text));
                let want = (
                    owned(&["that the deal was dead."]),
                    subject.to_string(),
                    verb.to_string(),
                );
                assert_eq!(got, [want], "{text}");
            }
        }
    }
    let text = "She declined to say whether she would run.";
    let got = read(text, &run(text));
    assert!(got.iter().all(|q| q.2 != "say"), "{text}: {got:?}");
}

/// A verb of judgement after `who` standing for a person (`Obama, who called the nominee
/// "unfit to serve"`, `the mayor, who criticized the ruling, ...`) reports for that person, as
/// a speech verb after `who` does.
#[test]
fn a_judgement_after_who_is_the_persons() {
    let people = [
        "President Barack Obama",
        "The mayor",
        "Lopez",
        "Senator Maria Lopez",
    ];
    let judgements = [
        ("called", "the nominee \"unfit to serve\""),
        ("criticized", "the ruling"),
        ("praised", "the plan as \"bold\""),
        ("denounced", "the attack"),
        ("described", "the deal as \"a disaster\""),
        ("endorsed", "Clinton"),
    ];
    for person in people {
        for (verb, object) in judgements {
            let text = format!("The vote drew a reaction from {person}, who {verb} {object}.");
            let got = read(&text, &run(&text));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(
                (got[0].1.as_str(), got[0].2.as_str()),
                ("who", verb),
                "{text}"
            );
            assert!(got[0].0[0].starts_with(object), "{text}: {got:?}");
        }
    }
}

/// A relative `who` as the speaker resolves to the person before its comma (`President Barack
/// Obama, who said ...` names Barack Obama), with or without the sentence going on after.
#[test]
fn a_relative_who_resolves_to_the_person_before_it() {
    let people = [
        ("President Barack Obama", "Barack Obama", "Q76"),
        ("Maria Lopez", "Maria Lopez", "Q1"),
        ("Senator Tariq Haddad", "Tariq Haddad", "Q2"),
    ];
    let clauses = [
        "who said the vote was rigged",
        "who argued that the vote was rigged",
        "who called the vote \"rigged\"",
        "who criticized the vote",
    ];
    for (phrase, name, id) in people {
        let at = phrase.rsplit_once(' ').map_or(phrase, |_| name);
        for clause in clauses {
            for (before, after) in [
                ("The vote drew a reaction from ", "."),
                ("", ", left early."),
            ] {
                let text = format!("{before}{phrase}, {clause}{after}");
                let entities = [person(&text, at, name, Some(id))];
                let got = run_with(&text, &entities);
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert_eq!(
                    resolved(&got),
                    [(Some(name.to_string()), Some(id.to_string()))],
                    "{text}"
                );
            }
        }
    }
}
