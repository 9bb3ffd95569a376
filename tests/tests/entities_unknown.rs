//! Names no gazetteer lists, found through the pipeline because the words around them say what
//! they are: people next to a speech verb, in an apposition or after a role; organisations by
//! their head word or an `X of Y` form; clubs in a match result. Each class is checked over
//! invented names of many origins and frames that vary the name's position, the verb and its
//! tense, and the words around; ordinary capitalised words must stay non-entities.

use byline::{Document, Label, Pipeline};

/// (text, label) of each mention.
fn mentions(doc: &Document) -> Vec<(&str, Label)> {
    doc.entities()
        .iter()
        .map(|m| (m.span.as_str(doc.text()), m.label))
        .collect()
}

/// Invented people: African, Arabic, Turkish, East and South Asian, Slavic, Hispanic, English.
const PEOPLE: [&str; 16] = [
    "Olusegun Bakare",
    "Chiamaka Okonkwo-Eze",
    "Tariq Haddad",
    "Layla Mansouri",
    "Mehmet Yilmazer",
    "Elif Demirkaya",
    "Nguyen Van Thanh",
    "Hiroshi Tanabe",
    "Priya Raghunathan",
    "Oksana Kovalenko",
    "Dmitri Sokolovsky",
    "Alejandra Pereyra",
    "Tomas Echeverria",
    "Gareth Pembridge",
    "Gareth J. Pembridge",
    "Ana de Souza Lima",
];

const PERSON_FRAMES: [&str; 16] = [
    "{} said prices had doubled.",
    "{} says the market will recover.",
    "{} also said the talks had failed.",
    "{} had earlier told reporters the talks had failed.",
    "Prices had doubled, said {}, a trader in Lagos.",
    "The talks had failed, {} told reporters.",
    "The strike would go on, {} added.",
    "{}, a trader in Lagos, said prices had doubled.",
    "{}, the mayor of a small town, was not there.",
    "A farmer, {}, said the rains came late.",
    "Union leader {} said the strike would continue.",
    "The strike was called by union leader {} on Monday.",
    "According to {}, the talks had failed.",
    "The plan was welcomed by {}, a teacher in the town.",
    "Yesterday {} told reporters the talks had failed.",
    "Shares fell sharply, {} warned on Tuesday.",
];

#[test]
fn an_unlisted_person_is_found_where_the_words_around_speak_of_a_person() {
    let nlp = Pipeline::new();
    let mut missed = Vec::new();
    for person in PEOPLE {
        for frame in PERSON_FRAMES {
            let text = frame.replace("{}", person);
            let doc = nlp.annotate(text.as_str());
            let all = mentions(&doc);
            if !all.contains(&(person, Label::Person)) {
                missed.push(format!("{text:?}: {all:?}"));
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

const ORG_NAMES: [&str; 8] = [
    "Nordwind",
    "Keller",
    "Adebanjo",
    "Kaskad",
    "Sarmiento",
    "Halvorsen",
    "Takemura",
    "Al Rashidi",
];

const ORG_HEADS: [&str; 22] = [
    "Bank",
    "Group",
    "Holdings",
    "Logistics",
    "Airlines",
    "Motors",
    "Partners",
    "Capital",
    "Energy",
    "Technologies",
    "Systems",
    "Foundation",
    "Institute",
    "University",
    "Council",
    "Union",
    "Party",
    "Agency",
    "Corp",
    "Inc",
    "Ltd",
    "United",
];

const ORG_FRAMES: [&str; 6] = [
    "{} reported a loss.",
    "Analysts at {} said the shares fell.",
    "{} said it would cut 300 jobs.",
    "Shares in {} fell sharply on Tuesday.",
    "The deal was signed by {} and its lenders.",
    "Yesterday {} said it would cut 300 jobs.",
];

#[test]
fn an_unlisted_organisation_is_found_by_its_head_word() {
    let nlp = Pipeline::new();
    let mut missed = Vec::new();
    for name in ORG_NAMES {
        for head in ORG_HEADS {
            let org = format!("{name} {head}");
            for frame in ORG_FRAMES {
                let text = frame.replace("{}", &org);
                let doc = nlp.annotate(text.as_str());
                let all = mentions(&doc);
                if !all.contains(&(org.as_str(), Label::Org)) {
                    missed.push(format!("{text:?}: {all:?}"));
                }
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn the_head_of_a_place_or_field_is_an_organisation() {
    let nlp = Pipeline::new();
    let mut missed = Vec::new();
    for head in ["Ministry", "Institute", "Council", "University", "Bank"] {
        for of in ["Mining", "Water Resources", "Nordwind", "Lagos"] {
            let org = format!("{head} of {of}");
            for frame in [
                "The {} said the plan would go ahead.",
                "Officials at the {} declined to comment.",
            ] {
                let text = frame.replace("{}", &org);
                let doc = nlp.annotate(text.as_str());
                let all = mentions(&doc);
                if !all.contains(&(org.as_str(), Label::Org)) {
                    missed.push(format!("{text:?}: {all:?}"));
                }
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn an_organisation_name_goes_on_after_for_or_on_but_not_into_a_date() {
    let nlp = Pipeline::new();
    let mut missed = Vec::new();
    for name in ORG_NAMES {
        for (org, frame) in [
            (
                "{} Institute for Trade Studies",
                "Scholars at the {} said tariffs hurt.",
            ),
            (
                "{} Council on Water Policy",
                "A fellow at the {} said the plan was late.",
            ),
            ("{} Council", "The {} on Monday said the plan was late."),
            ("{} University", "She studied at {} on Long Island."),
            (
                "{} Center for Strategic and Regional Studies",
                "Scholars at the {} said tariffs hurt.",
            ),
            ("{} Foundation", "He works at the Brussels-based {} now."),
            (
                "{} Institute",
                "The {} and Kaskad State University signed a deal.",
            ),
            ("{} Party", "Alvin Yeung of {} New People Party spoke."),
            ("{} Science Foundation", "It was paid for by the US {}."),
            ("Center of {} Media Justice", "She directs the {} now."),
            ("{} Foundation", "The {} in March gave money to schools."),
        ] {
            let org = org.replace("{}", name);
            let text = frame.replace("{}", &org);
            let doc = nlp.annotate(text.as_str());
            let all = mentions(&doc);
            if !all.contains(&(org.as_str(), Label::Org)) {
                missed.push(format!("{text:?}: {all:?}"));
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn an_unlisted_club_in_a_match_result_is_an_organisation() {
    let nlp = Pipeline::new();
    let clubs = [
        ("Fenerbahce", "Galatasaray"),
        ("Besiktas", "Trabzonspor"),
        ("Kordova Rapid", "Valdesia"),
        ("Olimpik Tarna", "Zorya Vekh"),
    ];
    let frames = [
        "{A} beat {B} 2-1.",
        "{A} drew with {B} 1-1 on Saturday.",
        "{A} lost to {B} 0-3 at home.",
        "{A} 2-1 {B}",
        "{A} v {B} ended 2-2.",
    ];
    let mut missed = Vec::new();
    for (a, b) in clubs {
        for frame in frames {
            let text = frame.replace("{A}", a).replace("{B}", b);
            let doc = nlp.annotate(text.as_str());
            let all = mentions(&doc);
            for club in [a, b] {
                if !all.contains(&(club, Label::Org)) {
                    missed.push(format!("{text:?} {club}: {all:?}"));
                }
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn ordinary_capitalised_words_stay_non_entities() {
    let nlp = Pipeline::new();
    // (text, words no mention may contain)
    let cases = [
        ("Prices had doubled, analysts said.", vec!["Prices"]),
        ("However, prices rose.", vec!["However"]),
        ("Analysts said the shares fell.", vec!["Analysts"]),
        (
            "Officials told reporters the talks had failed.",
            vec!["Officials"],
        ),
        ("Local residents said the water was dirty.", vec!["Local"]),
        ("Police said the driver fled.", vec!["Police"]),
        (
            "Bank Holiday traffic was heavy, officials said.",
            vec!["Bank", "Holiday"],
        ),
        ("In March, prices rose, traders said.", vec!["March"]),
        (
            "On Monday the union said the strike would go on.",
            vec!["Monday"],
        ),
        (
            "Shares Fall As Lenders Report Heavy Losses",
            vec!["Shares", "Lenders", "Losses"],
        ),
        ("Traders Say Prices Have Doubled", vec!["Traders", "Prices"]),
        ("Renewable power grew, the report said.", vec!["Renewable"]),
        (
            "Central bankers said rates would stay high.",
            vec!["Central"],
        ),
        ("Yesterday prices fell, dealers said.", vec!["Yesterday"]),
        ("Nobody said anything.", vec!["Nobody"]),
        ("Del. Nordwind said the bill would pass.", vec!["Del."]),
        (
            "Experts beat expectations 2-1 in the poll.",
            vec!["Experts"],
        ),
    ];
    let mut wrong = Vec::new();
    for (text, words) in cases {
        let doc = nlp.annotate(text);
        let all = mentions(&doc);
        if all
            .iter()
            .any(|(m, _)| words.iter().any(|w| m.split(' ').any(|x| x == *w)))
        {
            wrong.push(format!("{text:?}: {all:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
