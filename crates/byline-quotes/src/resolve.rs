//! Speakers resolved inside the document: later name forms to the first full mention, pronouns to
//! the nearest compatible preceding speaker or person, and names to gazetteer entities.

use std::collections::HashMap;

use byline_gazetteer::{EntityMention, Label};
use byline_tokenize::Span;

use crate::extract::Doc;
use crate::lexicon::{DET, FEMALE, MALE, PLURAL, PRON, TITLE};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sex {
    Male,
    Female,
    Unknown,
}

#[derive(Clone, Debug)]
struct Person {
    /// Fullest name seen.
    name: String,
    /// Last word of the name, to match later short forms.
    last: String,
    id: Option<String>,
    sex: Sex,
    /// Byte offset of the latest mention.
    pos: usize,
    /// A person (not an organisation or a group).
    person: bool,
    plural: bool,
    /// Byte offset of the first mention.
    first: usize,
    /// Ranks seen with the name (`officer`, `sergeant`), lower case.
    ranks: Vec<String>,
}

/// Ranks of the police and the armed forces: before a surname they name someone other than a
/// public figure of that surname seen without the rank (`Officer Rutte` is not Mark Rutte).
const RANKS: &[&str] = &[
    "officer",
    "constable",
    "sergeant",
    "sgt.",
    "detective",
    "det.",
    "inspector",
    "trooper",
    "corporal",
    "cpl.",
    "private",
    "pvt.",
    "lieutenant",
    "lt.",
    "captain",
    "capt.",
    "agent",
    "major",
    "maj.",
    "colonel",
    "col.",
];

/// What a speaker span says of its person beside the surname, to tell one person from another
/// of the same surname.
#[derive(Clone, Copy, Debug, Default)]
struct Traits<'t> {
    /// The first of two or more name words (`Anna` in `Anna Rutte`).
    given: Option<&'t str>,
    /// A rank before the name, lower case.
    rank: Option<&'t str>,
    sex: Option<Sex>,
}

impl Person {
    /// Whether a name with `traits` may be this person: no other given name, no sex against
    /// it, and for a public figure (an entity) no rank it was not seen with.
    fn admits(&self, traits: &Traits<'_>) -> bool {
        let mut words = self.name.split(' ');
        let own_given = words.next();
        let multi = words.next().is_some();
        if let (Some(g), Some(o), true) = (traits.given, own_given, multi) {
            if !g.eq_ignore_ascii_case(o) {
                return false;
            }
        }
        if let Some(sex) = traits.sex {
            if self.sex != Sex::Unknown && sex != Sex::Unknown && self.sex != sex {
                return false;
            }
        }
        match traits.rank {
            Some(r) if self.id.is_some() => self.ranks.iter().any(|x| x == r),
            _ => true,
        }
    }
}

/// Whether an entity mention's canonical name may be the person of `traits`.
fn entity_admits(name: &str, traits: &Traits<'_>) -> bool {
    let mut words = name.split(' ');
    let own_given = words.next();
    let multi = words.next().is_some();
    if let (Some(g), Some(o), true) = (traits.given, own_given, multi) {
        if !g.eq_ignore_ascii_case(o) {
            return false;
        }
    }
    traits.rank.is_none()
}

pub(crate) struct Resolver<'a> {
    people: Vec<Person>,
    entities: &'a [EntityMention],
    first_name_sex: fn(&str) -> Sex,
    /// Entity mentions before this index are admitted as candidates.
    cursor: usize,
    /// The first person mention of the document for each last word of a name, so that a bare
    /// surname finds its person without a scan of every mention.
    person_by_last: HashMap<&'a str, usize>,
}

/// One resolved speaker: entity id and canonical name.
pub(crate) type Resolved = (Option<String>, Option<String>);

impl<'a> Resolver<'a> {
    pub(crate) fn new(
        entities: &'a [EntityMention],
        first_name_sex: fn(&str) -> Sex,
    ) -> Resolver<'a> {
        let mut person_by_last = HashMap::new();
        for (k, m) in entities.iter().enumerate() {
            if m.label == Label::Person {
                let last = m.name.rsplit(' ').next().unwrap_or("");
                person_by_last.entry(last).or_insert(k);
            }
        }
        Resolver {
            people: Vec::new(),
            entities,
            first_name_sex,
            cursor: 0,
            person_by_last,
        }
    }

    /// Resolves the speaker on tokens `[s, e)` of a quotation with `content`; speakers must come
    /// in text order.
    pub(crate) fn resolve(
        &mut self,
        doc: &Doc<'_>,
        s: usize,
        e: usize,
        content: &[Span],
    ) -> Resolved {
        let span = Span::new(doc.toks[s].start, doc.toks[e - 1].end);
        let text = doc.text;
        // `Obama, who said ...`: a relative pronoun stands for the phrase before its comma.
        if e == s + 1 && doc.lower_is(s, "who") {
            if let Some((a, b)) = crate::extract::antecedent(doc, s) {
                return self.resolve(doc, a, b, content);
            }
        }
        // Entity mentions known before this speaker become candidates.
        self.admit_entities(span.start);
        // A pronoun.
        if e == s + 1 && doc.toks[s].flags & PRON != 0 {
            let f = doc.toks[s].flags;
            let word = span.as_str(text).to_ascii_lowercase();
            let want = if f & MALE != 0 {
                Some(Sex::Male)
            } else if f & FEMALE != 0 {
                Some(Sex::Female)
            } else {
                None
            };
            let plural = f & PLURAL != 0;
            let it = word == "it";
            if word == "i" || word == "you" || word == "we" {
                return (None, None);
            }
            let mut best: Option<usize> = None;
            for (k, p) in self.people.iter().enumerate() {
                if p.pos >= span.start || best.is_some_and(|b| self.people[b].pos >= p.pos) {
                    continue;
                }
                // Not someone first named inside the words this speaker says.
                if content
                    .iter()
                    .any(|c| c.start <= p.first && p.first < c.end)
                {
                    continue;
                }
                let ok = match want {
                    Some(sex) => p.person && (p.sex == sex || p.sex == Sex::Unknown),
                    None => (it && !p.person && !p.plural) || (plural && (!p.person || p.plural)),
                };
                if ok {
                    best = Some(k);
                }
            }
            if let Some(k) = best {
                let p = &mut self.people[k];
                if let Some(sex) = want {
                    p.sex = sex;
                }
                p.pos = span.start;
                return (p.id.clone(), Some(p.name.clone()));
            }
            return (None, None);
        }
        // Two speakers joined by `and` (`Russia and Arab countries`, `Smith and Jones`) are no
        // one entity; a name that holds the `and` (`Procter and Gamble`) still is.
        // (Mentions are in text order: only the few starting right before the `and` can hold
        // it, so the look-up stays logarithmic however many mentions the document has.)
        let joined = (s..e).any(|k| {
            let t = &doc.toks[k];
            let before = self.entities.partition_point(|m| m.span.start <= t.start);
            text[t.start..t.end].eq_ignore_ascii_case("and")
                && !self.entities[before.saturating_sub(4)..before]
                    .iter()
                    .any(|m| m.span.start <= t.start && t.end <= m.span.end)
        });
        if joined {
            return (None, None);
        }
        // An entity mention inside the speaker span.
        // Mentions are in text order: start at the first one inside the span, not at the top.
        let first = self.entities.partition_point(|m| m.span.start < span.start);
        let mention = self.entities[first..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| m.span.end <= span.end)
            .max_by_key(|m| (m.label == Label::Person, m.span.end));
        // Title and name words.
        let mut sex = Sex::Unknown;
        let mut name_start = None;
        let mut name_end = e;
        let mut rank_word: Option<&str> = None;
        for k in s..e {
            let t = &doc.toks[k];
            if t.flags & TITLE != 0 {
                if t.flags & MALE != 0 {
                    sex = Sex::Male;
                } else if t.flags & FEMALE != 0 {
                    sex = Sex::Female;
                }
            }
            let w = &text[t.start..t.end];
            let cap = t.is_word() && w.chars().next().is_some_and(|c| c.is_uppercase());
            let rank = RANKS.iter().any(|r| w.eq_ignore_ascii_case(r));
            if rank {
                rank_word = Some(w);
            }
            let titled = t.flags & (TITLE | DET) != 0 || rank;
            if cap && !titled && !w.starts_with(['\'', '’']) {
                if name_start.is_none() {
                    name_start = Some(k);
                }
                name_end = k + 1;
            } else if name_start.is_some() && !(t.is_word() && w == "of") {
                // The name is the last run of capitalised words.
                if k < e {
                    name_start = None;
                }
            }
        }
        let name_run = name_start.map(|ns| (ns, name_end));
        let traits = Traits {
            given: name_run
                .filter(|(ns, ne)| ne - ns >= 2)
                .map(|(ns, _)| &text[doc.toks[ns].start..doc.toks[ns].end]),
            rank: rank_word.map(|w| {
                RANKS
                    .iter()
                    .copied()
                    .find(|r| w.eq_ignore_ascii_case(r))
                    .unwrap_or("")
            }),
            sex: (sex != Sex::Unknown).then_some(sex),
        };
        // A mention the gazetteer linked by a surname the span's other words contradict is not
        // that entity (`Anna Rutte`, `Officer Rutte` beside Mark Rutte).
        let run_start = name_run.map(|(ns, _)| doc.toks[ns].start);
        let first_name_sex = self.first_name_sex;
        let mention = mention.filter(|m| {
            // A title of the other sex than the entity's first name (`Mrs. Rutte`).
            let their = first_name_sex(m.name.split(' ').next().unwrap_or(""));
            let other_sex = traits
                .sex
                .is_some_and(|s| their != Sex::Unknown && s != their);
            // The gazetteer matched the whole name the span gives: trust its alias.
            let whole = run_start.is_some_and(|r| m.span.start <= r) && traits.rank.is_none();
            !(m.label == Label::Person && m.entity_id.is_some())
                || !other_sex && (whole || entity_admits(&m.name, &traits))
        });
        if let Some(m) = mention {
            let person = m.label == Label::Person;
            // One entry per person or organisation, however often it speaks.
            if let Some(p) = self
                .people
                .iter_mut()
                .rev()
                .find(|p| p.id.is_some() && p.id == m.entity_id || p.name == m.name)
            {
                p.pos = span.start;
                if person && sex != Sex::Unknown {
                    p.sex = sex;
                }
                return (p.id.clone(), Some(p.name.clone()));
            }
            return self.remember(m, sex, span.start, person);
        }
        let Some((ns, ne)) = name_run else {
            // A role or a group (`a senior official`, `analysts`): not resolved to a name.
            return (None, None);
        };
        let name = text[doc.toks[ns].start..doc.toks[ne - 1].end].to_string();
        let last = text[doc.toks[ne - 1].start..doc.toks[ne - 1].end].to_string();
        // A later form of a name seen before (`Raisi`, `President Raisi`), or a first name alone
        // (`Maria` for Maria Lopez).
        let alone = ne - ns == 1;
        let found = self
            .people
            .iter()
            .rposition(|p| p.name == name || p.last == last && p.admits(&traits))
            .or_else(|| {
                alone
                    .then(|| {
                        self.people.iter().rposition(|p| {
                            p.person
                                && p.name.split(' ').count() >= 2
                                && p.name.split(' ').next() == Some(name.as_str())
                        })
                    })
                    .flatten()
            });
        if let Some(p) = found.map(|k| &mut self.people[k]) {
            if let Some(r) = traits.rank {
                if !p.ranks.iter().any(|x| x == r) {
                    p.ranks.push(r.to_string());
                }
            }
            p.pos = span.start;
            if sex != Sex::Unknown {
                p.sex = sex;
            }
            if name.len() > p.name.len() && p.id.is_none() && p.name.split(' ').count() < 2 {
                p.name = name;
            }
            return (p.id.clone(), Some(p.name.clone()));
        }
        // Otherwise a person entity mentioned earlier in the document with that last name.
        let entities = self.entities;
        if let Some(m) = self
            .person_by_last
            .get(last.as_str())
            .map(|&k| &entities[k])
            .filter(|m| {
                let their = (self.first_name_sex)(m.name.split(' ').next().unwrap_or(""));
                let other_sex = traits
                    .sex
                    .is_some_and(|s| their != Sex::Unknown && s != their);
                !other_sex && entity_admits(&m.name, &traits)
            })
        {
            return self.remember(m, sex, span.start, true);
        }
        let words = ne - ns;
        let person = words >= 2
            || sex != Sex::Unknown
            || doc.toks[s..e].iter().any(|t| t.flags & TITLE != 0);
        let sex = if sex == Sex::Unknown && words >= 2 {
            (self.first_name_sex)(&text[doc.toks[ns].start..doc.toks[ns].end])
        } else {
            sex
        };
        self.people.push(Person {
            name: name.clone(),
            last,
            id: None,
            sex,
            pos: span.start,
            person: person || traits.rank.is_some(),
            plural: false,
            first: span.start,
            ranks: traits.rank.map(|r| vec![r.to_string()]).unwrap_or_default(),
        });
        (None, Some(name))
    }

    /// Remembers an entity mention as a new speaker candidate at `pos`. A person's sex is the
    /// one the title words gave (`sex`), else the one of the first name.
    fn remember(&mut self, m: &EntityMention, sex: Sex, pos: usize, person: bool) -> Resolved {
        let sex = if sex == Sex::Unknown && person {
            (self.first_name_sex)(m.name.split(' ').next().unwrap_or(""))
        } else {
            sex
        };
        self.people.push(Person {
            name: m.name.clone(),
            last: m.name.rsplit(' ').next().unwrap_or("").to_string(),
            id: m.entity_id.clone(),
            sex,
            pos,
            person,
            plural: false,
            first: pos,
            ranks: Vec::new(),
        });
        (m.entity_id.clone(), Some(m.name.clone()))
    }

    fn admit_entities(&mut self, before: usize) {
        // Person and organisation mentions before `before` that are not yet known.
        let entities = self.entities;
        while self.cursor < entities.len() && entities[self.cursor].span.start < before {
            let m = &entities[self.cursor];
            self.cursor += 1;
            let person = m.label == Label::Person;
            if !(person || m.label == Label::Org) {
                continue;
            }
            if let Some(p) = self.people.iter_mut().find(|p| p.name == m.name) {
                if p.pos < m.span.start {
                    p.pos = m.span.start;
                }
                continue;
            }
            self.remember(m, Sex::Unknown, m.span.start, person);
        }
    }
}
