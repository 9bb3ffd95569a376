//! Entity mentions of a document: the gazetteer's, and the entity model's for the people,
//! organisations and places no gazetteer lists. The gazetteer stays the linker: a mention the
//! model finds gets an entity id when an alias of a fitting entry matches it.

use std::collections::HashMap;

use byline_gazetteer::{EntityMention, EntityRecognizer, Gazetteer, Label};
use byline_tag::ModelMention;
use byline_tokenize::Segmentation;

mod context;
mod document;
mod evidence;

/// Who found an entity mention.
///
/// ```
/// use byline::EntitySource;
/// assert_eq!(EntitySource::Both.as_str(), "both");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntitySource {
    /// The gazetteer (or its person-name rules, or an acronym the text defines for a name) alone.
    Gazetteer,
    /// The entity model alone.
    Model,
    /// The gazetteer and the model agree on the span and the kind of entity.
    Both,
}

impl EntitySource {
    /// The name used in JSON output: `"gazetteer"`, `"model"` or `"both"`.
    ///
    /// ```
    /// assert_eq!(byline::EntitySource::Model.as_str(), "model");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            EntitySource::Gazetteer => "gazetteer",
            EntitySource::Model => "model",
            EntitySource::Both => "both",
        }
    }
}

/// The smallest margin at which a mention the model alone finds is kept, by label: on UNER
/// English-EWT dev, tagged by a model trained without it, model-only mentions above these
/// margins were right more often than wrong, those below were not (`train_entities --calibrate`).
/// Model-only places were not right more often than wrong at any margin: places come from the
/// gazetteer, which the model may still confirm or relabel as a person or organisation.
fn min_margin(label: &str) -> f32 {
    match label {
        "PER" => 8.7,
        "ORG" => 11.7,
        _ => f32::INFINITY,
    }
}

fn fits(label: Label, model: &str) -> bool {
    matches!(
        (label, model),
        (Label::Person, "PER")
            | (Label::Org, "ORG")
            | (Label::Gpe | Label::Loc | Label::Fac, "LOC")
    )
}

/// The gazetteer's mentions, then the model's merged in: a model mention replaces the
/// gazetteer mentions it overlaps, unless one has its span and a fitting label (then both
/// found it). Returns the mentions in order with their sources.
pub(crate) fn recognize(
    recognizer: &EntityRecognizer,
    model: bool,
    text: &str,
    segmentation: &Segmentation,
) -> (Vec<EntityMention>, Vec<EntitySource>) {
    let gazetteer_mentions = recognizer.recognize(text, segmentation);
    if !model {
        let mut out: Vec<_> = gazetteer_mentions
            .into_iter()
            .map(|m| (m, EntitySource::Gazetteer))
            .collect();
        context::apply(recognizer.gazetteer(), text, &mut out);
        document::apply(recognizer.gazetteer(), text, &mut out);
        return out.into_iter().unzip();
    }
    let found = byline_tag::model_mentions(text, segmentation, &gazetteer_mentions);
    merge(
        recognizer.gazetteer(),
        text,
        segmentation,
        gazetteer_mentions,
        &found,
    )
}

fn merge(
    gazetteer: &Gazetteer,
    text: &str,
    segmentation: &Segmentation,
    gaz: Vec<EntityMention>,
    found: &[ModelMention],
) -> (Vec<EntityMention>, Vec<EntitySource>) {
    let mut out: Vec<(EntityMention, EntitySource)> = Vec::with_capacity(gaz.len() + found.len());
    let mut f = 0;
    let mut gaz = gaz.into_iter().peekable();
    loop {
        let next_gaz_start = gaz.peek().map(|m| m.span.start);
        let next_model = found.get(f);
        match (next_gaz_start, next_model) {
            (None, None) => break,
            (Some(gs), Some(m))
                if gs < m.span.start && gaz.peek().is_some_and(|g| g.span.end <= m.span.start) =>
            {
                let g = gaz.next().expect("peeked");
                out.push((g, EntitySource::Gazetteer));
            }
            (Some(_), None) => {
                let g = gaz.next().expect("peeked");
                out.push((g, EntitySource::Gazetteer));
            }
            (_, Some(m)) => {
                f += 1;
                let mut overlapped = Vec::new();
                while let Some(g) = gaz.peek() {
                    if g.span.start < m.span.end {
                        overlapped.push(gaz.next().expect("peeked"));
                    } else {
                        break;
                    }
                }
                if let [g] = overlapped.as_slice() {
                    if g.span == m.span && fits(g.label, m.label) {
                        out.push((overlapped.pop().expect("one"), EntitySource::Both));
                        continue;
                    }
                }
                if m.margin < min_margin(m.label) {
                    out.extend(overlapped.into_iter().map(|g| (g, EntitySource::Gazetteer)));
                    continue;
                }
                out.push((
                    model_mention(gazetteer, text, m, &overlapped),
                    EntitySource::Model,
                ));
            }
        }
    }
    // A gazetteer mention kept beside an unsure model mention may reach into the next model
    // mention: the earlier one stays, so mentions never overlap.
    let mut end = 0;
    out.retain(|(m, _)| {
        let apart = m.span.start >= end;
        if apart {
            end = m.span.end;
        }
        apart
    });
    // Names no gazetteer lists, where the words around them say what they are: the model's
    // unsure mentions among them included.
    evidence::apply(gazetteer, text, segmentation, found, &mut out);
    share_people(&mut out);
    context::apply(gazetteer, text, &mut out);
    document::apply(gazetteer, text, &mut out);
    out.into_iter().unzip()
}

/// A one-word person mention found by the model alone that is the last name of an earlier
/// person of the document is that person (`Olusegun Bakare ... Bakare`): the nearest earlier full
/// name with that last name, kept by last name as the mentions go, so that a document of many
/// one-word names costs one pass, not one look back per name.
fn share_people(out: &mut [(EntityMention, EntitySource)]) {
    let mut by_surname: HashMap<String, usize> = HashMap::new();
    for i in 0..out.len() {
        let (m, source) = &out[i];
        if m.label != Label::Person {
            continue;
        }
        if let Some((_, surname)) = m.name.rsplit_once(' ') {
            match by_surname.get_mut(surname) {
                Some(at) => *at = i,
                None => {
                    by_surname.insert(surname.to_owned(), i);
                }
            }
            continue;
        }
        if *source != EntitySource::Model {
            continue;
        }
        if let Some(&j) = by_surname.get(m.name.as_str()) {
            let (name, id, entry) = (
                out[j].0.name.clone(),
                out[j].0.entity_id.clone(),
                out[j].0.entry,
            );
            let m = &mut out[i].0;
            m.name = name;
            m.entity_id = id;
            m.entry = entry;
            if let Some((_, surname)) = m.name.rsplit_once(' ') {
                if let Some(at) = by_surname.get_mut(surname) {
                    *at = i;
                }
            }
        }
    }
}

/// A mention for what the model found: linked to a gazetteer entry whose alias is its text and
/// whose label fits, else unlinked under its own text.
fn model_mention(
    gazetteer: &Gazetteer,
    text: &str,
    m: &ModelMention,
    overlapped: &[EntityMention],
) -> EntityMention {
    let surface = m.span.as_str(text);
    let linked = gazetteer
        .lookup(surface)
        .into_iter()
        .find(|&id| fits(gazetteer.label(id), m.label));
    let label = match (linked, m.label) {
        (Some(id), _) => gazetteer.label(id),
        (None, "PER") => Label::Person,
        (None, "ORG") => Label::Org,
        (None, _) => overlapped
            .iter()
            .map(|g| g.label)
            .find(|&l| fits(l, "LOC"))
            .unwrap_or(Label::Gpe),
    };
    EntityMention {
        span: m.span,
        label,
        entity_id: linked.and_then(|id| gazetteer.qid(id).map(str::to_string)),
        name: linked.map_or_else(|| surface.to_string(), |id| gazetteer.name(id).to_string()),
        entry: linked,
        title: overlapped.iter().find_map(|g| g.title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_gazetteer::Entry;
    use byline_tokenize::Span;

    fn gaz_mention(gazetteer: &Gazetteer, text: &str, span: Span, entry: u32) -> EntityMention {
        let id = byline_gazetteer::EntryId(entry);
        let _ = text;
        EntityMention {
            span,
            label: gazetteer.label(id),
            entity_id: gazetteer.qid(id).map(str::to_string),
            name: gazetteer.name(id).to_string(),
            entry: Some(id),
            title: None,
        }
    }

    fn seg(text: &str) -> Segmentation {
        byline_tokenize::Tokenizer::new().segment(text)
    }

    fn model(span: Span, label: &'static str, margin: f32) -> ModelMention {
        ModelMention {
            span,
            label,
            margin,
        }
    }

    #[test]
    fn a_person_the_model_finds_replaces_the_place_inside_the_name() {
        let gazetteer = Gazetteer::new([Entry::new("Jordan", Label::Gpe).id("Q810")]).unwrap();
        let text = "Kevin Jordan spoke.";
        let gaz = vec![gaz_mention(&gazetteer, text, Span::new(6, 12), 0)];
        let (m, s) = merge(
            &gazetteer,
            text,
            &seg(text),
            gaz,
            &[model(Span::new(0, 12), "PER", 30.0)],
        );
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].span, m[0].label, m[0].entity_id.as_deref()),
            (Span::new(0, 12), Label::Person, None)
        );
        assert_eq!(s, [EntitySource::Model]);
    }

    #[test]
    fn agreement_keeps_the_link_and_says_both() {
        let gazetteer = Gazetteer::new([Entry::new("Atlanta", Label::Gpe).id("Q23556")]).unwrap();
        let text = "Voters in Atlanta";
        let gaz = vec![gaz_mention(&gazetteer, text, Span::new(10, 17), 0)];
        let (m, s) = merge(
            &gazetteer,
            text,
            &seg(text),
            gaz,
            &[model(Span::new(10, 17), "LOC", 0.1)],
        );
        assert_eq!(m[0].entity_id.as_deref(), Some("Q23556"));
        assert_eq!(s, [EntitySource::Both]);
    }

    #[test]
    fn an_unsure_model_mention_leaves_the_gazetteer_alone() {
        let gazetteer = Gazetteer::new([Entry::new("Leeds", Label::Gpe)]).unwrap();
        let text = "Leeds won";
        let gaz = vec![gaz_mention(&gazetteer, text, Span::new(0, 5), 0)];
        for (label, margin) in [("ORG", 0.5), ("PER", 1.0), ("LOC", 100.0)] {
            let found = [model(Span::new(0, 9), label, margin)];
            let (m, s) = merge(&gazetteer, text, &seg(text), gaz.clone(), &found);
            assert_eq!(
                (m[0].label, s[0]),
                (Label::Gpe, EntitySource::Gazetteer),
                "{label}"
            );
        }
    }

    #[test]
    fn a_confident_model_relabels_and_links_to_a_fitting_entry() {
        let gazetteer = Gazetteer::new([
            Entry::new("Barcelona", Label::Gpe).id("Q1492"),
            Entry::new("FC Barcelona", Label::Org)
                .id("Q7156")
                .alias("Barcelona"),
        ])
        .unwrap();
        let text = "Barcelona beat Leeds";
        let gaz = vec![gaz_mention(&gazetteer, text, Span::new(0, 9), 0)];
        let (m, s) = merge(
            &gazetteer,
            text,
            &seg(text),
            gaz,
            &[model(Span::new(0, 9), "ORG", 50.0)],
        );
        assert_eq!(
            (m[0].label, m[0].entity_id.as_deref()),
            (Label::Org, Some("Q7156"))
        );
        assert_eq!(s, [EntitySource::Model]);
    }

    #[test]
    fn mentions_never_overlap_whatever_the_model_finds() {
        let gazetteer = Gazetteer::new([Entry::new("New York Times", Label::Org)]).unwrap();
        let text = "New York Times Square";
        let gaz = vec![gaz_mention(&gazetteer, text, Span::new(0, 14), 0)];
        for (a, b) in [(0, 8), (0, 3), (4, 8), (9, 14), (9, 21), (15, 21)] {
            for margin in [0.0, 100.0] {
                let found = [model(Span::new(a, b), "PER", margin)];
                let (m, _) = merge(&gazetteer, text, &seg(text), gaz.clone(), &found);
                assert!(
                    m.windows(2).all(|w| w[0].span.end <= w[1].span.start),
                    "{a}..{b} {margin}"
                );
            }
        }
        let found = [
            model(Span::new(0, 3), "PER", 0.0),
            model(Span::new(9, 21), "ORG", 100.0),
        ];
        let (m, _) = merge(&gazetteer, text, &seg(text), gaz.clone(), &found);
        assert!(m.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }

    #[test]
    fn a_surname_alone_shares_the_earlier_full_name() {
        let gazetteer = Gazetteer::new([Entry::new("Nowhere", Label::Gpe)]).unwrap();
        let text = "Olusegun Bakare said Bakare";
        let found = [
            model(Span::new(0, 15), "PER", 50.0),
            model(Span::new(21, 27), "PER", 50.0),
        ];
        let (m, _) = merge(&gazetteer, text, &seg(text), Vec::new(), &found);
        assert_eq!(m[1].name, "Olusegun Bakare");
    }
}
