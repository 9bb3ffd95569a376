//! The value types of a gazetteer: labels, case modes, entries.

use serde::{Deserialize, Serialize};

/// An entity's type, as in OntoNotes (PERSON, ORG, GPE, ...).
///
/// ```
/// use byline_gazetteer::Label;
///
/// assert_eq!("gpe".parse::<Label>(), Ok(Label::Gpe));
/// assert_eq!(Label::Norp.as_str(), "NORP");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum Label {
    /// People, real or fictional.
    Person,
    /// Nationalities, religious and political groups (`Iranian`, `Palestinians`).
    Norp,
    /// Buildings, airports, bridges.
    Fac,
    /// Companies, agencies, institutions, parties, news organisations.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: regions, mountains, bodies of water (`Middle East`, `Gaza Strip`).
    Loc,
    /// Anything else.
    Misc,
}

impl Label {
    /// Every label, in declaration order.
    ///
    /// ```
    /// use byline_gazetteer::Label;
    /// let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
    /// assert_eq!(names, ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "MISC"]);
    /// ```
    pub const ALL: [Label; 7] = [
        Label::Person,
        Label::Norp,
        Label::Fac,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Misc,
    ];

    /// The label's name in JSON (`"PERSON"`, `"ORG"`, ...).
    ///
    /// ```
    /// assert_eq!(byline_gazetteer::Label::Person.as_str(), "PERSON");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }

    /// Rank used to break ties between entries sharing an alias (lower wins).
    pub(crate) const fn priority(self) -> u8 {
        match self {
            Label::Gpe => 0,
            Label::Person => 1,
            Label::Org => 2,
            Label::Norp => 3,
            Label::Loc => 4,
            Label::Fac => 5,
            Label::Misc => 6,
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Label`] or [`CaseMode`] from an unknown name.
///
/// ```
/// assert!("CITY".parse::<byline_gazetteer::Label>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNameError {
    name: String,
}

impl std::fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown name {:?}", self.name)
    }
}

impl std::error::Error for ParseNameError {}

impl std::str::FromStr for Label {
    type Err = ParseNameError;

    /// Parses a label name, in any case (`PERSON`, `org`, `Gpe`).
    fn from_str(s: &str) -> Result<Label, ParseNameError> {
        Ok(match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Label::Person,
            "NORP" => Label::Norp,
            "FAC" => Label::Fac,
            "ORG" => Label::Org,
            "GPE" => Label::Gpe,
            "LOC" => Label::Loc,
            "MISC" => Label::Misc,
            _ => return Err(ParseNameError { name: s.to_owned() }),
        })
    }
}

/// How the case of an alias must agree with the text. See the [crate docs](crate#case).
///
/// ```
/// use byline_gazetteer::{CaseMode, Entry, Gazetteer, Label};
///
/// let gaz = Gazetteer::builder()
///     .case(CaseMode::Insensitive)
///     .entry(Entry::new("Nice", Label::Gpe))
///     .build()?;
/// assert_eq!(gaz.find("a nice day").len(), 1);
/// assert_eq!("exact".parse::<CaseMode>(), Ok(CaseMode::Exact));
/// # Ok::<(), byline_gazetteer::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// The text must have the alias's case.
    Exact,
    /// Any case.
    Insensitive,
    /// Acronyms and common words in their own case, other names in any case but all lower.
    #[default]
    Smart,
}

impl std::str::FromStr for CaseMode {
    type Err = ParseNameError;

    /// Parses `smart`, `exact` or `insensitive`, in any case.
    fn from_str(s: &str) -> Result<CaseMode, ParseNameError> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "smart" => CaseMode::Smart,
            "exact" => CaseMode::Exact,
            "insensitive" => CaseMode::Insensitive,
            _ => return Err(ParseNameError { name: s.to_owned() }),
        })
    }
}

/// Index of an entry in its [`Gazetteer`](crate::Gazetteer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

/// One canonical entity and the aliases that name it.
///
/// ```
/// use byline_gazetteer::{Entry, Label};
///
/// let e = Entry::new("Vladimir Putin", Label::Person).id("Q7747").alias("Putin");
/// assert_eq!(e.aliases, ["Vladimir Putin", "Putin"]);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Wikidata QID where the data has one.
    pub id: Option<String>,
    /// Canonical name.
    pub name: String,
    /// Entity type.
    pub label: Label,
    /// Surface forms that name the entity (the canonical name is always one).
    pub aliases: Vec<String>,
    /// Prior weight used to break ties between entries sharing an alias.
    pub weight: f32,
    /// A short description that tells the entry from others of the same name (`capital of
    /// France`, `US state`, `news agency`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Entry {
    /// An entry with no id, weight 1, and its name as its one alias.
    ///
    /// ```
    /// let e = byline_gazetteer::Entry::new("Reuters", byline_gazetteer::Label::Org);
    /// assert_eq!((e.aliases.len(), e.weight, e.id), (1, 1.0, None));
    /// ```
    pub fn new(name: impl Into<String>, label: Label) -> Entry {
        let name = name.into();
        Entry {
            id: None,
            aliases: vec![name.clone()],
            name,
            label,
            weight: 1.0,
            description: None,
        }
    }

    /// Sets the id.
    ///
    /// ```
    /// let e = byline_gazetteer::Entry::new("Iran", byline_gazetteer::Label::Gpe).id("Q794");
    /// assert_eq!(e.id.as_deref(), Some("Q794"));
    /// ```
    pub fn id(mut self, id: impl Into<String>) -> Entry {
        self.id = Some(id.into());
        self
    }

    /// Adds an alias.
    ///
    /// ```
    /// let e = byline_gazetteer::Entry::new("Iran", byline_gazetteer::Label::Gpe).alias("Persia");
    /// assert_eq!(e.aliases, ["Iran", "Persia"]);
    /// ```
    pub fn alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the description.
    ///
    /// ```
    /// let e = byline_gazetteer::Entry::new("Paris", byline_gazetteer::Label::Gpe)
    ///     .description("capital of France");
    /// assert_eq!(e.description.as_deref(), Some("capital of France"));
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Entry {
        self.description = Some(description.into());
        self
    }

    /// Sets the weight.
    ///
    /// ```
    /// let e = byline_gazetteer::Entry::new("Georgia", byline_gazetteer::Label::Gpe).weight(2.0);
    /// assert_eq!(e.weight, 2.0);
    /// ```
    pub fn weight(mut self, weight: f32) -> Entry {
        self.weight = weight;
        self
    }
}
