//! Gazetteer files: the three formats, gzip, and errors that name the file, line and field.

use std::io::Write;

use byline_gazetteer::{CaseMode, EntryId, Gazetteer, Label};

fn err_of(
    result: Result<&mut byline_gazetteer::GazetteerBuilder, byline_gazetteer::Error>,
) -> String {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn tsv_csv_and_jsonl_give_the_same_entries() {
    let tsv = "id\tname\tlabel\taliases\tweight\n\
               Q230\tGeorgia\tGPE\tSakartvelo\t1.0\n\
               Q1428\tGeorgia\tGPE\tGA|State of Georgia\t0.5\n";
    let csv = "name,label,id,aliases,weight\n\
               Georgia,GPE,Q230,Sakartvelo,1.0\n\
               Georgia,GPE,Q1428,GA|State of Georgia,0.5\n";
    let jsonl = "{\"id\": \"Q230\", \"name\": \"Georgia\", \"label\": \"GPE\", \"aliases\": [\"Sakartvelo\"]}\n\
                 \n\
                 {\"id\": \"Q1428\", \"name\": \"Georgia\", \"label\": \"GPE\", \"aliases\": [\"GA\", \"State of Georgia\"], \"weight\": 0.5}\n";
    let a = Gazetteer::builder()
        .add_tsv_reader(tsv.as_bytes(), "g.tsv")
        .unwrap()
        .build()
        .unwrap();
    let b = Gazetteer::builder()
        .add_csv_reader(csv.as_bytes(), "g.csv")
        .unwrap()
        .build()
        .unwrap();
    let c = Gazetteer::builder()
        .add_jsonl_reader(jsonl.as_bytes(), "g.jsonl")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(a.entries(), b.entries());
    assert_eq!(a.entries(), c.entries());
    // The shared alias keeps both entries, the heavier first.
    let m = &a.find("Georgia")[0];
    assert_eq!(m.candidates, [EntryId(0), EntryId(1)]);
    assert_eq!(a.qid(m.entry), Some("Q230"));
}

#[test]
fn errors_name_file_line_and_field() {
    let cases: &[(&str, &str, &str)] = &[
        ("x.tsv", "Q1\tParis\tGPE\nQ2\tLyon\tTOWN\n", "x.tsv: line 2, field 3 (label): unknown label \"TOWN\" (expected PERSON, NORP, FAC, ORG, GPE, LOC or MISC)"),
        ("x.tsv", "Q1\tParis\n", "x.tsv: line 1: 2 fields, expected at least 3 (id, name, label)"),
        ("x.tsv", "Q1\tParis\tGPE\t\tmany\n", "x.tsv: line 1, field 5 (weight): weight \"many\" is not a finite number"),
        ("x.tsv", "Q1\t \tGPE\n", "x.tsv: line 1, field 2 (name): the name is empty"),
        ("x.csv", "name,label,case\nParis,GPE,loud\n", "x.csv: line 2, field case: unknown case mode \"loud\" (expected smart, exact or insensitive)"),
        ("x.csv", "id,aliases\nQ1,Paris\n", "x.csv: line 1: the header must name the columns `name` and `label` (and optionally `id`, `aliases`, `weight`, `case`, `description`)"),
        ("x.jsonl", "{\"name\": \"Paris\", \"label\": \"GPE\"}\n{\"name\": \"Lyon\"}\n", "x.jsonl: line 2, field label: missing"),
        ("x.jsonl", "{\"name\": \"Paris\", \"label\": \"GPE\", \"aliases\": \"Paname\"}\n", "x.jsonl: line 1, field aliases: expected an array of strings"),
        ("x.jsonl", "{\"name\": \"Paris\", \"label\": \"GPE\", \"id\": 90}\n", "x.jsonl: line 1, field id: expected a string or null"),
        ("x.jsonl", "{\"name\": \"Paris\", \"label\": \"GPE\", \"description\": 1}\n", "x.jsonl: line 1, field description: expected a string or null"),
        ("x.tsv", "Q1\tParis\tGPE\t\t\t\tcity\tx\n", "x.tsv: line 1: 8 fields, expected at most 7 (id, name, label, aliases, weight, case, description)"),
    ];
    for (name, data, want) in cases {
        let mut b = Gazetteer::builder();
        let got = match name.rsplit('.').next() {
            Some("tsv") => err_of(b.add_tsv_reader(data.as_bytes(), name)),
            Some("csv") => err_of(b.add_csv_reader(data.as_bytes(), name)),
            _ => err_of(b.add_jsonl_reader(data.as_bytes(), name)),
        };
        assert_eq!(&got, want);
    }
    let jsonl = "{\"name\": \"Paris\", \"label\": \"GPE\"\n";
    let got = err_of(Gazetteer::builder().add_jsonl_reader(jsonl.as_bytes(), "y.jsonl"));
    assert!(got.starts_with("y.jsonl: line 1: invalid JSON"), "{got}");
}

#[test]
fn files_by_extension_plain_and_gzipped() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("people.jsonl");
    std::fs::write(
        &plain,
        "{\"name\": \"John Kirby\", \"label\": \"PERSON\", \"case\": \"exact\"}\n",
    )
    .unwrap();
    let gz = dir.path().join("orgs.tsv.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all("\tWhite House\tORG\n".as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let gaz = Gazetteer::builder()
        .add_path(&plain)
        .unwrap()
        .add_path(&gz)
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(gaz.len(), 2);
    assert_eq!(gaz.case_of(EntryId(0)), CaseMode::Exact);
    assert_eq!(gaz.label(EntryId(1)), Label::Org);
    let text = "White House spokesman John Kirby, not JOHN KIRBY";
    assert_eq!(gaz.find(text).len(), 2);

    let missing = dir.path().join("none.csv");
    let err = err_of(Gazetteer::builder().add_path(&missing));
    assert!(err.starts_with(&missing.display().to_string()), "{err}");
    let odd = dir.path().join("list.xml");
    std::fs::write(&odd, "").unwrap();
    let err = err_of(Gazetteer::builder().add_path(&odd));
    assert!(err.contains("unknown gazetteer format"), "{err}");
}

#[test]
fn saved_bytes_that_are_damaged_never_panic() {
    let gaz = Gazetteer::builder()
        .add_tsv_reader(
            "Q1\tParis\tGPE\tParname\nQ2\tLyon\tGPE\n".as_bytes(),
            "x.tsv",
        )
        .unwrap()
        .build()
        .unwrap();
    let bytes = gaz.to_bytes();
    for i in 8..bytes.len() {
        for flip in [1u8, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[i] ^= flip;
            if let Ok(g) = Gazetteer::from_bytes(&bad) {
                // Whatever loads must search without panicking.
                let _ = g.find("Paris and Lyon, Parname");
                let _ = g.find_overlapping("Paris and Lyon");
            }
        }
    }
}

#[test]
fn descriptions_from_every_format_survive_saving() {
    let tsv = "Q90\tParis\tGPE\t\t0.9\t\tcapital of France\nQ830149\tParis\tGPE\t\t0.3\n";
    let csv = "name,label,description\nParis,GPE,city in Texas\n";
    let jsonl = "{\"name\": \"Reuters\", \"label\": \"ORG\", \"description\": \"news agency\"}\n";
    let gaz = Gazetteer::builder()
        .add_tsv_reader(tsv.as_bytes(), "a.tsv")
        .unwrap()
        .add_csv_reader(csv.as_bytes(), "b.csv")
        .unwrap()
        .add_jsonl_reader(jsonl.as_bytes(), "c.jsonl")
        .unwrap()
        .build()
        .unwrap();
    let described: Vec<Option<&str>> = (0..gaz.len() as u32)
        .map(|i| gaz.description(EntryId(i)))
        .collect();
    assert_eq!(
        described,
        [
            Some("capital of France"),
            None,
            Some("city in Texas"),
            Some("news agency")
        ]
    );
    // Best first: the weightier Paris, then the others in order of addition.
    let best: Vec<u32> = gaz.lookup("paris").iter().map(|e| e.0).collect();
    assert_eq!(best, [2, 0, 1]);
    let again = Gazetteer::from_bytes(&gaz.to_bytes()).unwrap();
    for i in 0..gaz.len() as u32 {
        assert_eq!(again.entry(EntryId(i)), gaz.entry(EntryId(i)));
    }
}

/// The seven columns of one entry, for the TSV tests below.
const ROW: [(&str, &str); 7] = [
    ("id", "Q1428"),
    ("name", "Georgia"),
    ("label", "GPE"),
    ("aliases", "GA|State of Georgia"),
    ("weight", "0.7"),
    ("case", "exact"),
    ("description", "US state"),
];

fn tsv_entries(tsv: &str) -> Vec<byline_gazetteer::Entry> {
    let gaz = Gazetteer::builder()
        .add_tsv_reader(tsv.as_bytes(), "h.tsv")
        .unwrap_or_else(|e| panic!("{e}\n{tsv}"))
        .build()
        .unwrap();
    gaz.entries().to_vec()
}

#[test]
fn a_tsv_header_names_the_columns_in_any_order_and_case() {
    // Without a header: the columns in their order.
    let plain: Vec<&str> = ROW.iter().map(|(_, v)| *v).collect();
    let want = tsv_entries(&format!("{}\n", plain.join("\t")));
    assert_eq!(want.len(), 1);
    assert_eq!(want[0].description.as_deref(), Some("US state"));
    // With a header: every rotation and reversal of the columns, the header in three cases,
    // with blank and comment lines before it, gives the same entry.
    let n = ROW.len();
    for rotate in 0..n {
        for reverse in [false, true] {
            let mut order: Vec<usize> = (0..n).map(|k| (k + rotate) % n).collect();
            if reverse {
                order.reverse();
            }
            for case in 0..3 {
                let header: Vec<String> = order
                    .iter()
                    .map(|&c| match case {
                        0 => ROW[c].0.to_owned(),
                        1 => ROW[c].0.to_uppercase(),
                        _ => format!(" {} ", ROW[c].0),
                    })
                    .collect();
                let values: Vec<&str> = order.iter().map(|&c| ROW[c].1).collect();
                let lead = ["", "\n", "# people\n\n"][case];
                let tsv = format!("{lead}{}\n{}\n", header.join("\t"), values.join("\t"));
                assert_eq!(tsv_entries(&tsv), want, "{tsv}");
            }
        }
    }
    // Only `name` and `label`, as a CSV header may give them.
    let short = tsv_entries("name\tlabel\nGeorgia\tGPE\n");
    assert_eq!(short.len(), 1);
    assert_eq!(
        (short[0].name.as_str(), short[0].id.as_deref()),
        ("Georgia", None)
    );
    assert_eq!(
        tsv_entries("name\tlabel\nGeorgia\tGPE\n"),
        Gazetteer::builder()
            .add_csv_reader("name,label\nGeorgia,GPE\n".as_bytes(), "h.csv")
            .unwrap()
            .build()
            .unwrap()
            .entries()
    );
}

#[test]
fn a_first_data_row_that_looks_like_a_header_is_an_entry() {
    // Ids and names that are column names: the label makes each row an entry.
    for first in [
        "id\tname\tORG",
        "name\tlabel\tPERSON",
        "label\tid\tGPE\tname|aliases",
        "\tname\tMISC",
    ] {
        let tsv = format!("{first}\nQ2\tParis\tGPE\n");
        let entries = tsv_entries(&tsv);
        assert_eq!(entries.len(), 2, "{tsv}");
        let fields: Vec<&str> = first.split('\t').collect();
        assert_eq!(entries[0].name, fields[1]);
        assert_eq!(entries[0].label.as_str(), fields[2]);
    }
}

#[test]
fn tsv_header_errors_name_the_line_and_the_column() {
    let cases: &[(&str, &str)] = &[
        ("id\taliases\n", "h.tsv: line 1: the header must name the columns `name` and `label` (and optionally `id`, `aliases`, `weight`, `case`, `description`)"),
        ("# x\nname\tlabel\tweight\nParis\tGPE\tmany\n", "h.tsv: line 3, field 3 (weight): weight \"many\" is not a finite number"),
        ("label\tname\nTOWN\tLyon\n", "h.tsv: line 2, field 1 (label): unknown label \"TOWN\" (expected PERSON, NORP, FAC, ORG, GPE, LOC or MISC)"),
        ("label\tname\nGPE\t\n", "h.tsv: line 2, field 2 (name): the name is empty"),
        ("label\tname\nGPE\n", "h.tsv: line 2, field 2 (name): the name is empty"),
        ("name\tlabel\nParis\tGPE\tQ90\n", "h.tsv: line 2: 3 fields, expected at most 2 (name, label)"),
    ];
    for (data, want) in cases {
        let got = err_of(Gazetteer::builder().add_tsv_reader(data.as_bytes(), "h.tsv"));
        assert_eq!(&got, want, "{data}");
    }
}
