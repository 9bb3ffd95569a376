//! Matching behaviour through the public API: boundaries, normalisation, case, ambiguity.

use byline_gazetteer::{CaseMode, Entry, EntryId, Gazetteer, Label};

fn gazetteer(case: CaseMode) -> Gazetteer {
    Gazetteer::builder()
        .case(case)
        .entries([
            Entry::new("Iran", Label::Gpe).id("Q794"),
            Entry::new("Iranian", Label::Norp).alias("Iranians"),
            Entry::new("Hamas", Label::Org).id("Q38799"),
            Entry::new("Zürich", Label::Gpe).id("Q72"),
            Entry::new("Vladimir Putin", Label::Person)
                .id("Q7747")
                .alias("Putin"),
            Entry::new("Russia", Label::Gpe).id("Q159"),
            Entry::new("United States", Label::Gpe)
                .id("Q30")
                .alias("US")
                .alias("U.S."),
            Entry::new("World Health Organization", Label::Org).alias("WHO"),
            Entry::new("Theresa May", Label::Person)
                .id("Q264766")
                .alias("May"),
            Entry::new("New York", Label::Gpe).id("Q60"),
            Entry::new("New York City", Label::Gpe).id("Q60"),
            Entry::new("O’Brien Institute", Label::Org),
            Entry::new("Guinea-Bissau", Label::Gpe),
            Entry::new("Straße", Label::Loc),
            Entry::new("Αθήνα", Label::Gpe).id("Q1524"),
            Entry::new("北京", Label::Gpe).id("Q956"),
        ])
        .build()
        .unwrap()
}

/// (text, expected matched strings with the matched entry's name) in smart mode.
const SMART: &[(&str, &[(&str, &str)])] = &[
    (
        "Iranian troops left Iran.",
        &[("Iranian", "Iranian"), ("Iran", "Iran")],
    ),
    ("Iranians and Iranianism", &[("Iranians", "Iranian")]),
    ("The Bahamas are not Hamas.", &[("Hamas", "Hamas")]),
    ("Hamas-led government", &[("Hamas", "Hamas")]),
    (
        "Putin's visit to Russia’s capital",
        &[("Putin", "Vladimir Putin"), ("Russia", "Russia")],
    ),
    (
        "Vladimir\n   Putin spoke",
        &[("Vladimir\n   Putin", "Vladimir Putin")],
    ),
    (
        "Zurich and ZÜRICH",
        &[("Zurich", "Zürich"), ("ZÜRICH", "Zürich")],
    ),
    ("IRAN, iran and Iran", &[("IRAN", "Iran"), ("Iran", "Iran")]),
    ("Let us ask who knows", &[]),
    (
        "the US and the U.S. and the WHO",
        &[
            ("US", "United States"),
            ("U.S.", "United States"),
            ("WHO", "World Health Organization"),
        ],
    ),
    ("It may rain. May I?", &[]),
    (
        "Theresa May spoke. May said no.",
        &[("Theresa May", "Theresa May"), ("May", "Theresa May")],
    ),
    (
        "in New York City today, New York",
        &[("New York City", "New York City"), ("New York", "New York")],
    ),
    ("New Yorkers", &[]),
    (
        "the O'Brien Institute",
        &[("O'Brien Institute", "O’Brien Institute")],
    ),
    ("Guinea–Bissau", &[("Guinea–Bissau", "Guinea-Bissau")]),
    ("STRASSE", &[("STRASSE", "Straße")]),
    ("ΑΘΉΝΑ and Αθήνα", &[("ΑΘΉΝΑ", "Αθήνα"), ("Αθήνα", "Αθήνα")]),
    ("我在北京工作", &[("北京", "北京")]),
    ("RussiaIran", &[]),
    ("Russia Iran", &[("Russia", "Russia"), ("Iran", "Iran")]),
];

fn found(gaz: &Gazetteer, text: &str) -> Vec<(String, String)> {
    gaz.find(text)
        .iter()
        .map(|m| {
            (
                text[m.span.range()].to_owned(),
                gaz.entry(m.entry).name.clone(),
            )
        })
        .collect()
}

#[test]
fn smart_case_table() {
    let gaz = gazetteer(CaseMode::Smart);
    for (text, expected) in SMART {
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(found(&gaz, text), expected, "text: {text:?}");
    }
}

#[test]
fn insensitive_and_exact_modes() {
    let ins = gazetteer(CaseMode::Insensitive);
    let got: Vec<String> = found(&ins, "let us see iran")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(got, ["us", "iran"]);
    let exact = gazetteer(CaseMode::Exact);
    let got: Vec<String> = found(&exact, "IRAN and Iran")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(got, ["Iran"]);
}

#[test]
fn spans_are_on_char_boundaries_of_the_original() {
    let gaz = gazetteer(CaseMode::Smart);
    let text = "« Zürich » — Straße: Αθήνα’s 北京";
    for m in gaz.find(text) {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
    assert_eq!(gaz.find(text).len(), 4);
}

#[test]
fn ambiguous_alias_resolves_by_weight_then_document() {
    let gaz = Gazetteer::new([
        Entry::new("Georgia", Label::Gpe)
            .id("Q230")
            .alias("Tbilisi's Georgia")
            .weight(1.0),
        Entry::new("Georgia", Label::Gpe)
            .id("Q1428")
            .alias("US state of Georgia")
            .weight(0.5),
    ])
    .unwrap();
    let m = &gaz.find("Georgia voted.")[0];
    assert_eq!(m.entry, EntryId(0));
    assert_eq!(m.candidates, [EntryId(0), EntryId(1)]);
    // Another alias naming the state alone is evidence for it.
    let ms = gaz.find("In the US state of Georgia, voters went out. Georgia counted.");
    assert_eq!(ms.last().unwrap().entry, EntryId(1));
    assert_eq!(ms.last().unwrap().candidates, [EntryId(1), EntryId(0)]);
}

#[test]
fn overlapping_reports_every_aligned_match() {
    let gaz = gazetteer(CaseMode::Smart);
    let text = "New York City, not Yorkshire";
    let all: Vec<&str> = gaz
        .find_overlapping(text)
        .iter()
        .map(|m| &text[m.span.range()])
        .collect();
    assert_eq!(all, ["New York City", "New York"]);
}

#[test]
fn shared_alias_keeps_all_entries() {
    let gaz = Gazetteer::new([
        Entry::new("Paris", Label::Gpe).id("Q90"),
        Entry::new("Paris", Label::Gpe).id("Q830149"),
        Entry::new("Paris Hilton", Label::Person).alias("Paris"),
    ])
    .unwrap();
    assert_eq!(gaz.lookup("paris"), [EntryId(0), EntryId(1), EntryId(2)]);
    assert_eq!(gaz.find("Paris")[0].candidates.len(), 3);
}

#[test]
fn save_and_load_round_trip() {
    let gaz = gazetteer(CaseMode::Exact);
    let back = Gazetteer::from_bytes(&gaz.to_bytes()).unwrap();
    assert_eq!(back.entries(), gaz.entries());
    let text = "IRAN and Iran, Putin in New York City";
    assert_eq!(back.find(text), gaz.find(text));
    let bytes = gaz.to_bytes();
    assert!(Gazetteer::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn long_text_across_chunks() {
    let gaz = gazetteer(CaseMode::Smart);
    let para = "Vladimir Putin met officials in Zürich and Iran.\n";
    let text = para.repeat(60_000);
    let ms = gaz.find(&text);
    assert_eq!(ms.len(), 3 * 60_000);
    for m in &ms {
        assert!(["Vladimir Putin", "Zürich", "Iran"].contains(&&text[m.span.range()]));
    }
}

#[test]
fn aliases_differing_in_case_are_all_kept() {
    let gaz = Gazetteer::builder()
        .entry_with_case(
            Entry::new("Hamas", Label::Org).alias("HAMAS"),
            CaseMode::Exact,
        )
        .build()
        .unwrap();
    let text = "HAMAS, Hamas, hamas";
    let got: Vec<&str> = gaz
        .find(text)
        .iter()
        .map(|m| &text[m.span.range()])
        .collect();
    assert_eq!(got, ["HAMAS", "Hamas"]);
    assert_eq!(gaz.find(text)[0].candidates, [EntryId(0)]);
}
