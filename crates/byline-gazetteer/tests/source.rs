//! Each entry's source: the open dataset of the embedded default, the file of a user's
//! gazetteer, kept through saving, loading and rebuilding.

use std::io::Write;

use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};

/// (source, description) of each candidate for `alias`, best first.
fn sources(gaz: &Gazetteer, alias: &str) -> Vec<(Option<String>, Option<String>)> {
    gaz.lookup(alias)
        .into_iter()
        .map(|id| {
            (
                gaz.source(id).map(str::to_owned),
                gaz.description(id).map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn georgia_the_country_and_the_state_name_different_sources() {
    let gaz = Gazetteer::embedded();
    let found = sources(&gaz, "Georgia");
    assert_eq!(found.len(), 2, "{found:?}");
    let (country, state) = (&found[0], &found[1]);
    assert_eq!(country.1.as_deref(), Some("country"));
    assert_eq!(state.1.as_deref(), Some("US state"));
    assert!(
        country.0.as_deref().unwrap().contains("country-codes"),
        "{found:?}"
    );
    assert!(state.0.as_deref().unwrap().contains("dr5hn"), "{found:?}");
    assert_ne!(country.0, state.0);
}

#[test]
fn every_embedded_entry_has_a_source() {
    let gaz = Gazetteer::embedded();
    let mut names = std::collections::BTreeSet::new();
    for i in 0..gaz.len() {
        let source = gaz.source(EntryId(i as u32));
        let source =
            source.unwrap_or_else(|| panic!("{} has no source", gaz.name(EntryId(i as u32))));
        assert!(!source.trim().is_empty());
        names.insert(source.to_owned());
    }
    // A small table, not a string per entry.
    assert!(names.len() < 1000, "{} source names", names.len());
}

#[test]
fn a_user_file_names_its_entries_by_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    for (file, body) in [
        ("places.tsv", "Q230\tGeorgia\tGPE\n"),
        ("places.csv", "name,label,id\nGeorgia,GPE,Q230\n"),
        (
            "places.jsonl",
            "{\"name\": \"Georgia\", \"label\": \"GPE\"}\n",
        ),
    ] {
        let path = dir.path().join(file);
        std::fs::File::create(&path)
            .unwrap()
            .write_all(body.as_bytes())
            .unwrap();
        let gaz = Gazetteer::builder()
            .add_path(&path)
            .unwrap()
            .build()
            .unwrap();
        // The file name, whatever folder it lies in.
        assert_eq!(
            sources(&gaz, "Georgia"),
            vec![(Some(file.to_owned()), None)]
        );
    }
}

#[test]
fn a_reader_names_its_entries_by_the_name_given_and_a_record_may_name_its_own() {
    let jsonl = "{\"name\": \"Georgia\", \"label\": \"GPE\", \"source\": \"my atlas\"}\n\
                 {\"name\": \"Tbilisi\", \"label\": \"GPE\", \"source\": null}\n\
                 {\"name\": \"Batumi\", \"label\": \"GPE\", \"source\": \"\"}\n";
    let gaz = Gazetteer::builder()
        .add_jsonl_reader(jsonl.as_bytes(), "caucasus.jsonl")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(sources(&gaz, "Georgia")[0].0.as_deref(), Some("my atlas"));
    assert_eq!(
        sources(&gaz, "Tbilisi")[0].0.as_deref(),
        Some("caucasus.jsonl")
    );
    assert_eq!(
        sources(&gaz, "Batumi")[0].0.as_deref(),
        Some("caucasus.jsonl")
    );
    let bad = "{\"name\": \"Georgia\", \"label\": \"GPE\", \"source\": 3}\n";
    let err = Gazetteer::builder()
        .add_jsonl_reader(bad.as_bytes(), "bad.jsonl")
        .map(|_| ())
        .expect_err("a number is not a source")
        .to_string();
    assert!(err.contains("bad.jsonl") && err.contains("source"), "{err}");
}

#[test]
fn entries_added_in_code_have_no_source() {
    let gaz = Gazetteer::new([Entry::new("Georgia", Label::Gpe)]).unwrap();
    assert_eq!(gaz.source(EntryId(0)), None);
}

/// Sources mixed from several files and code, in any order, survive saving and loading, and
/// rebuilding from the embedded default keeps its sources.
#[test]
fn sources_survive_saving_loading_and_rebuilding() {
    let files = ["a.tsv", "b.tsv", "c.tsv"];
    for rotate in 0..files.len() {
        let mut builder = Gazetteer::builder();
        builder.entry(Entry::new("Coded", Label::Org));
        for k in 0..files.len() {
            let file = files[(k + rotate) % files.len()];
            let body = format!("\tPlace {file}\tGPE\n\tShared\tGPE\n");
            builder.add_tsv_reader(body.as_bytes(), file).unwrap();
        }
        let gaz = builder.build().unwrap();
        let loaded = Gazetteer::from_bytes(&gaz.to_bytes()).unwrap();
        assert_eq!(loaded.len(), gaz.len());
        for i in 0..gaz.len() {
            let id = EntryId(i as u32);
            assert_eq!(loaded.source(id), gaz.source(id));
        }
        for file in files {
            assert_eq!(
                sources(&loaded, &format!("Place {file}"))[0].0.as_deref(),
                Some(file)
            );
        }
        assert_eq!(sources(&loaded, "Coded")[0].0, None);
        assert_eq!(sources(&loaded, "Shared").len(), 3);
    }
    let rebuilt = Gazetteer::builder().add_embedded().build().unwrap();
    assert_eq!(
        sources(&rebuilt, "Georgia"),
        sources(&Gazetteer::embedded(), "Georgia")
    );
}

#[test]
fn a_gazetteer_saved_in_the_format_without_sources_gets_a_clear_error() {
    let mut old = Gazetteer::new([Entry::new("Georgia", Label::Gpe)])
        .unwrap()
        .to_bytes();
    old[..8].copy_from_slice(b"BYLGAZ03");
    let err = Gazetteer::from_bytes(&old)
        .map(|_| ())
        .expect_err("an old format")
        .to_string();
    assert!(
        err.contains("older") && err.contains("build it again"),
        "{err}"
    );
}
