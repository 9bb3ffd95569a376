//! The English word lists behind cue and speaker detection: reporting verbs in every form,
//! auxiliaries, pronouns, determiners and clause boundaries, looked up case-insensitively.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Reports speech and takes a clause (`said`, `argued`, `added`); may follow its content.
pub(crate) const SAY: u32 = 1;
/// Reports speech to a hearer (`told X that`, `assured`, `reminded`).
pub(crate) const TELL: u32 = 1 << 1;
/// A belief, intention or finding with a clause (`believes`, `fears`, `found`).
pub(crate) const BELIEF: u32 = 1 << 2;
/// Characterises something with quoted words (`called X "Y"`, `described it as "Y"`); a cue only
/// when a quotation follows in its clause.
pub(crate) const MIXED: u32 = 1 << 3;
/// Judges or acts on something named right after it (`criticized the plan`, `declined to
/// comment`): the object is the content, quoted or not.
pub(crate) const EVAL: u32 = 1 << 22;
/// Heads a cue of several words (`spoke about`, `pointed to`, `took issue with`); see
/// [`PHRASAL_CUES`].
pub(crate) const PHRASAL: u32 = 1 << 23;
/// Any cue class.
pub(crate) const CUE: u32 = SAY | TELL | BELIEF | MIXED | EVAL;
/// Base form (`say`).
pub(crate) const F_BASE: u32 = 1 << 4;
/// Third person singular (`says`).
pub(crate) const F_S: u32 = 1 << 5;
/// Past tense or participle (`said`).
pub(crate) const F_PAST: u32 = 1 << 6;
/// Present participle (`saying`).
pub(crate) const F_ING: u32 = 1 << 7;
/// An auxiliary (`has`, `was`, `will`, `did`).
pub(crate) const AUX: u32 = 1 << 8;
/// An adverb or negation that may sit inside a verb group (`also`, `not`, `later`).
pub(crate) const ADV: u32 = 1 << 9;
/// A subject pronoun.
pub(crate) const PRON: u32 = 1 << 10;
/// A determiner or possessive that opens a noun phrase.
pub(crate) const DET: u32 = 1 << 11;
/// A word that opens a clause and so ends a noun phrase going left.
pub(crate) const BOUNDARY: u32 = 1 << 12;
/// A preposition.
pub(crate) const PREP: u32 = 1 << 13;
/// A word of time (`Tuesday`, `yesterday`, `week`).
pub(crate) const TIME: u32 = 1 << 14;
/// A common noun that names people who speak (`officials`, `spokesman`, `analysts`).
pub(crate) const SPEAKER_NOUN: u32 = 1 << 15;
/// A noun expressing an attitude after `expressed` (`concern`, `disappointment`).
pub(crate) const ATTITUDE: u32 = 1 << 16;
/// A title before a name (`President`, `Mr.`, `spokesman`).
pub(crate) const TITLE: u32 = 1 << 17;
/// A pronoun or title that tells a male person.
pub(crate) const MALE: u32 = 1 << 18;
/// A pronoun or title that tells a female person.
pub(crate) const FEMALE: u32 = 1 << 19;
/// A plural pronoun (`they`, `we`).
pub(crate) const PLURAL: u32 = 1 << 20;
/// A verb of communication whose `-ing` form after a comma continues the clause's speaker.
pub(crate) const VERBISH: u32 = 1 << 21;

const SAY_VERBS: &[&str] = &[
    "comment",
    "recount",
    "say",
    "add",
    "note",
    "argue",
    "claim",
    "insist",
    "explain",
    "state",
    "write",
    "report",
    "announce",
    "declare",
    "acknowledge",
    "admit",
    "assert",
    "contend",
    "confirm",
    "deny",
    "suggest",
    "predict",
    "reply",
    "respond",
    "answer",
    "remark",
    "observe",
    "tweet",
    "testify",
    "concede",
    "complain",
    "recall",
    "emphasize",
    "emphasise",
    "stress",
    "maintain",
    "allege",
    "boast",
    "joke",
    "quip",
    "agree",
    "conclude",
    "continue",
    "counter",
    "retort",
    "reiterate",
    "estimate",
    "speculate",
    "indicate",
    "reveal",
    "disclose",
    "caution",
    "lament",
    "shout",
    "yell",
    "whisper",
    "exclaim",
    "muse",
    "wonder",
    "ask",
    "read",
    "learn",
    "hint",
    "proclaim",
    "opine",
    "posit",
    "grumble",
    "gush",
    "scoff",
    "charge",
    "warn",
    "promise",
    "vow",
    "pledge",
    "threaten",
    "demand",
    "urge",
    "post",
    "signal",
    "clarify",
    "elaborate",
    "assure",
    "mention",
    "acknowledged",
    "repeat",
    "protest",
    "object",
    "advise",
    "predict",
    "forecast",
    "swear",
    "guarantee",
    "lie",
    "brag",
    "snap",
    "sniff",
    "chuckle",
    "laugh",
    // Verbs of the manner of speaking: with a clause or a quotation they report it.
    "scream",
    "mutter",
    "chant",
    "mumble",
    "murmur",
];

/// Verbs of a sound or a feeling, and tags of dialogue, that report speech only with a quotation
/// they tag or introduce (`"Stop!" she cried`, `he sighed: "Fine."`, `"Why?" inquired Lee`):
/// alone or with a clause they report nothing (`she cried`, `the crowd roared its approval`, `he
/// returned home`, `she pleaded guilty`). Base forms; the lexicon counts every form as a speech
/// verb, and attribution checks for the quotation.
pub(crate) const QUOTATION_ONLY_VERBS: &[&str] = &[
    "cry",
    "sigh",
    "gasp",
    "groan",
    "growl",
    "hiss",
    "roar",
    "sob",
    "stammer",
    "bellow",
    "shriek",
    // Tags of a quotation in dialogue (`"...?" inquired Gregory`, `"...," he rejoined`).
    "inquire",
    "enquire",
    "interrupt",
    "rejoin",
    "interject",
    "interpose",
    "query",
    "drawl",
    "plead",
    "tease",
    "falter",
    "persist",
    "moan",
    "pursue",
    "return",
    "ejaculate",
];

const TELL_VERBS: &[&str] = &[
    "encourage",
    "exhort",
    "implore",
    "beg",
    "tell",
    "inform",
    "assure",
    "remind",
    "warn",
    "advise",
    "convince",
    "persuade",
    "notify",
    "brief",
];

const BELIEF_VERBS: &[&str] = &[
    "believe",
    "think",
    "feel",
    "fear",
    "hope",
    "expect",
    "worry",
    "doubt",
    "suspect",
    "assume",
    "know",
    "reckon",
    "bet",
    "find",
    "realize",
    "realise",
    "recognize",
    "understand",
    "decide",
    "show",
    "conclude",
    "determine",
    "acknowledge",
    "predict",
    "suggest",
    "imply",
];

const MIXED_VERBS: &[&str] = &[
    "reference",
    "laud",
    "call",
    "describe",
    "characterize",
    "characterise",
    "label",
    "dub",
    "brand",
    "term",
    "condemn",
    "accuse",
    "blame",
    "praise",
    "criticize",
    "criticise",
    "compare",
    "dismiss",
    "denounce",
    "slam",
    "blast",
    "mock",
    "hail",
    "decry",
    "defend",
    "reject",
    "question",
    "attack",
    "refer",
    "cite",
    "tout",
    "deride",
    "lambaste",
    "ridicule",
    "applaud",
    "commend",
    "welcome",
    "lament",
    "vow",
    "promise",
    "pledge",
    "urge",
    "demand",
    "liken",
    "portray",
    "paint",
    "cast",
    "consider",
    "deem",
    "view",
    "regard",
    "nickname",
    "thank",
    "credit",
    "fault",
    "chide",
    "scold",
    "rebuke",
    "warn",
    "threaten",
    "endorse",
    "support",
    "oppose",
    "predict",
    "express",
    "mention",
    "discuss",
    "rail",
    "quote",
    "echo",
    "insist",
    "pledge",
    "characterize",
    "frame",
    "declare",
    "pronounce",
    "acknowledge",
    "admire",
    "disparage",
    "belittle",
];

/// Forms of verbs of judgement and stance whose object news attribution counts as content
/// without quote marks. Only the forms that mostly report a stance in news text (measured on
/// PolNeAR train): `endorse` and `support` are too often plain actions.
const EVAL_FORMS: &[&str] = &[
    "endorsed",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "defended",
    "defends",
    "praised",
    "praises",
    "praising",
    "rejected",
    "dismissed",
    "dismisses",
    "dismissing",
    "accused",
    "accuses",
    "accusing",
    "condemned",
    "blamed",
    "blames",
    "blaming",
    "questioned",
    "cited",
    "cites",
    "citing",
    "declined",
    "refused",
    "refusing",
    "urged",
    "urges",
    "slammed",
    "slamming",
    "blasted",
    "blasting",
    "mocked",
    "denounced",
    "decried",
    "hailed",
    "touted",
    "touting",
    "lambasted",
    "lauded",
    "mentioned",
    "discussed",
    "highlighted",
    "emphasized",
    "emphasised",
    "invoked",
    "echoed",
    "likened",
    "referring",
    "referred",
    "refers",
    "described",
    "describes",
    "describing",
    "criticizing",
    "criticising",
    "denouncing",
    "questioning",
    "condemning",
    "urging",
    "ordered",
    "offered",
    "attacked",
    "sought",
    "seeks",
    "slams",
    "thanked",
    "opposed",
    "proposed",
    "supported",
];

/// Cues of a verb and its particles: (verb forms, the words after it, class). Each reports a
/// stance on what follows in most of its uses in news text (measured on PolNeAR train).
pub(crate) const PHRASAL_CUES: &[(&[&str], &[&str], u32)] = &[
    (&["spoke", "speaks", "talked", "talks"], &["about"], EVAL),
    (&["spoke", "speaks"], &["of"], EVAL),
    (&["pointed", "points", "pointing"], &["to"], EVAL),
    (&["took", "takes", "taking"], &["issue", "with"], EVAL),
    (&["sided", "sides", "siding"], &["with"], EVAL),
    (&["pushed", "pushes", "pushing"], &["for"], EVAL),
    (&["argued", "argues", "arguing"], &["for"], EVAL),
    (&["warned", "warns", "warning"], &["of"], EVAL),
    (&["warned", "warns", "warning"], &["against"], EVAL),
    (&["weighed", "weighs", "weighing"], &["in", "on"], EVAL),
    (&["commented", "comments", "commenting"], &["on"], EVAL),
    (&["talking"], &["about"], EVAL),
    (&["agreed", "agrees"], &["to"], EVAL),
    (&["agreed", "agrees"], &["with"], EVAL),
    (&["responded", "responds"], &["to"], EVAL),
    (&["asked", "asks"], &["for"], EVAL),
    (
        &["worried", "confident", "convinced", "hopeful", "aware"],
        &["that"],
        BELIEF,
    ),
    (&["made", "makes", "making"], &["clear"], SAY),
    (&["made", "makes", "making"], &["it", "clear"], SAY),
    // `as one aide put it, ...`: a cue only in an `as` clause (see the candidate cues).
    (&["put", "puts"], &["it"], SAY),
];

/// Irregular verbs: base, third person, past, participle, `-ing`.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["says", "said", "saying"]),
    ("tell", &["tells", "told", "telling"]),
    ("write", &["writes", "wrote", "written", "writing"]),
    ("think", &["thinks", "thought", "thinking"]),
    ("feel", &["feels", "felt", "feeling"]),
    ("know", &["knows", "knew", "known", "knowing"]),
    ("find", &["finds", "found", "finding"]),
    ("read", &["reads", "read", "reading"]),
    ("learn", &["learns", "learned", "learnt", "learning"]),
    (
        "understand",
        &["understands", "understood", "understanding"],
    ),
    ("show", &["shows", "showed", "shown", "showing"]),
    ("see", &["sees", "saw", "seen", "seeing"]),
    ("bet", &["bets", "bet", "betting"]),
    ("swear", &["swears", "swore", "sworn", "swearing"]),
    (
        "forecast",
        &["forecasts", "forecast", "forecasted", "forecasting"],
    ),
    ("cast", &["casts", "cast", "casting"]),
    ("lie", &["lies", "lied", "lying"]),
    ("quip", &["quips", "quipped", "quipping"]),
    ("admit", &["admits", "admitted", "admitting"]),
    ("refer", &["refers", "referred", "referring"]),
    ("dub", &["dubs", "dubbed", "dubbing"]),
    (
        "label",
        &["labels", "labeled", "labelled", "labeling", "labelling"],
    ),
    ("brag", &["brags", "bragged", "bragging"]),
    ("snap", &["snaps", "snapped", "snapping"]),
    ("rebut", &["rebuts", "rebutted", "rebutting"]),
    ("regret", &["regrets", "regretted", "regretting"]),
    ("commit", &["commits", "committed", "committing"]),
    ("plan", &["plans", "planned", "planning"]),
    ("object", &["objects", "objected", "objecting"]),
    ("sob", &["sobs", "sobbed", "sobbing"]),
];

/// The regular forms of `lemma`: third person, past, `-ing`.
fn regular_forms(lemma: &str) -> [String; 3] {
    let b = lemma.as_bytes();
    let last = b[b.len() - 1];
    let prev = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if last == b'e' {
        let stem = &lemma[..lemma.len() - 1];
        [
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        ]
    } else if last == b'y' && !vowel(prev) {
        let stem = &lemma[..lemma.len() - 1];
        [
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{lemma}ing"),
        ]
    } else if lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || last == b's'
        || last == b'x'
        || last == b'z'
    {
        [
            format!("{lemma}es"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]
    } else {
        [
            format!("{lemma}s"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]
    }
}

const NOT_CUES: &[&str] = &[
    "states",
    "answers",
    "reports",
    "charges",
    "posts",
    "points",
    "objects",
    "continue",
    "continues",
    "continuing",
    "show",
    "shows",
    "showing",
    "shown",
    "counsel",
    "point",
    "state",
    "report",
    "remark",
    "remarks",
    "note",
    "claim",
    "find",
    "post",
    "tweet",
    "charge",
    "charged",
    "charging",
    "decide",
    "decided",
    "decides",
    "felt",
    "feel",
    "feels",
    "thought",
    "knew",
    "know",
    "believed",
    "answer",
    "respond",
    "written",
    "encouraging",
    "see",
    "sees",
    "saw",
    "seen",
    "view",
    "views",
    "viewed",
    "reply",
    "maintain",
    "maintains",
    "maintained",
    "maintaining",
    "comments",
];

const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "am",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "did",
    "does",
    "do",
    "'s",
    "’s",
    "'ve",
    "’ve",
    "'d",
    "’d",
    "'ll",
    "’ll",
    "'re",
    "’re",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "wasn't",
    "wasn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "isn't",
    "isn’t",
    "hadn't",
    "hadn’t",
    "can't",
    "can’t",
    "couldn't",
    "couldn’t",
    "cannot",
    "reportedly",
    "allegedly",
];

const ADVERBS: &[&str] = &[
    "also",
    "not",
    "never",
    "again",
    "later",
    "previously",
    "already",
    "once",
    "often",
    "still",
    "even",
    "just",
    "then",
    "now",
    "first",
    "further",
    "reportedly",
    "allegedly",
    "later",
    "recently",
    "always",
    "repeatedly",
    "long",
    "ever",
    "n't",
    "too",
    "only",
    "simply",
    "since",
    "soon",
    "both",
    "all",
    "each",
    "himself",
    "herself",
    "themselves",
    "itself",
    "yet",
    "earlier",
    "privately",
    "publicly",
    "openly",
    "quickly",
    "well",
    "instead",
    "frequently",
];

const PRONOUNS: &[(&str, u32)] = &[
    ("he", MALE),
    ("she", FEMALE),
    ("they", PLURAL),
    ("we", PLURAL),
    ("i", 0),
    ("you", 0),
    ("it", 0),
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "another", "some", "many", "several", "one", "two", "three", "four", "five", "both", "all",
    "no", "most", "other", "few", "each", "every", "any", "such", "more",
];

const BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "or", "but", "while", "when", "because",
    "since", "although", "though", "if", "as", "where", "so", "than", "whether", "to", "what",
    "how", "why", "nor", "unless", "until", "whereas", "yet", "then", "there", "here", "however",
    "also", "not", "even", "only",
];

const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "for", "with", "by", "from", "about", "of", "after", "before",
    "over", "into", "via", "through", "under", "against", "without", "within", "among", "between",
    "across", "around", "toward", "towards", "upon", "despite", "amid", "like", "near", "outside",
    "inside",
];

const TIMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "earlier",
    "later",
    "last",
    "this",
    "next",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "recently",
    "previously",
    "weekend",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "ago",
    "once",
    "again",
    "repeatedly",
    "late",
    "early",
];

const SPEAKER_NOUNS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "source",
    "sources",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "critic",
    "critics",
    "aide",
    "aides",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "people",
    "observers",
    "residents",
    "witnesses",
    "witness",
    "police",
    "authorities",
    "leaders",
    "leader",
    "researchers",
    "scientists",
    "economists",
    "investigators",
    "prosecutors",
    "prosecutor",
    "democrats",
    "republicans",
    "supporters",
    "opponents",
    "voters",
    "advocates",
    "activists",
    "members",
    "diplomats",
    "diplomat",
    "ministry",
    "government",
    "campaign",
    "report",
    "reports",
    "statement",
    "study",
    "survey",
    "poll",
    "polls",
    "polling",
    "documents",
    "data",
    "letter",
    "reporters",
    "journalists",
    "observers",
    "organizers",
    "representatives",
    "staff",
    "agency",
    "department",
    "administration",
    "court",
    "judge",
    "committee",
    "officer",
    "officers",
    "president",
    "minister",
    "senator",
    "governor",
    "mayor",
    "chairman",
    "director",
    "chief",
    "executive",
    "candidate",
    "nominee",
    "businessman",
    "spokesmen",
    "allies",
    "friends",
    "administration",
    "company",
    "firm",
    "group",
    "party",
    "council",
    "commission",
    "office",
    "article",
    "story",
    "paper",
    "newspaper",
    "figures",
    "records",
    "memo",
    "complaint",
    "lawsuit",
    "filing",
    "others",
    "everyone",
    "nobody",
    "someone",
    "man",
    "woman",
    "men",
    "women",
    "person",
    "families",
    "parents",
    "students",
    "workers",
    "employees",
    "doctors",
    "economist",
    "historian",
    "professor",
    "strategist",
    "strategists",
    "pollster",
    "pollsters",
    "consultant",
    "columnist",
    "writer",
    "author",
    "editor",
    "host",
    "moderator",
    "military",
    "army",
    "troops",
    "citizens",
    "americans",
    "polls",
    "estimates",
    "insiders",
];

const ATTITUDES: &[&str] = &[
    "concern",
    "concerns",
    "disappointment",
    "sorrow",
    "hope",
    "hopes",
    "confidence",
    "doubt",
    "doubts",
    "regret",
    "frustration",
    "support",
    "outrage",
    "surprise",
    "optimism",
    "skepticism",
    "scepticism",
    "dismay",
    "anger",
    "alarm",
    "satisfaction",
    "gratitude",
    "sympathy",
    "condolences",
    "opposition",
    "reservations",
    "interest",
    "fears",
    "fear",
    "worry",
    "worries",
    "displeasure",
    "disagreement",
    "agreement",
    "solidarity",
    "belief",
    "pessimism",
    "unease",
    "shock",
    "sadness",
    "relief",
    "willingness",
    "readiness",
    "desire",
];

const TITLES: &[(&str, u32)] = &[
    ("mr", MALE),
    ("mr.", MALE),
    ("mrs", FEMALE),
    ("mrs.", FEMALE),
    ("ms", FEMALE),
    ("ms.", FEMALE),
    ("miss", FEMALE),
    ("sir", MALE),
    ("lord", MALE),
    ("lady", FEMALE),
    ("king", MALE),
    ("queen", FEMALE),
    ("prince", MALE),
    ("princess", FEMALE),
    ("dr", 0),
    ("dr.", 0),
    ("president", 0),
    ("prime", 0),
    ("minister", 0),
    ("secretary", 0),
    ("senator", 0),
    ("sen.", 0),
    ("rep.", 0),
    ("gov.", 0),
    ("governor", 0),
    ("mayor", 0),
    ("spokesman", MALE),
    ("spokeswoman", FEMALE),
    ("spokesperson", 0),
    ("chairman", MALE),
    ("chairwoman", FEMALE),
    ("gen.", 0),
    ("general", 0),
    ("judge", 0),
    ("justice", 0),
    ("chancellor", 0),
    ("commissioner", 0),
    ("ambassador", 0),
    ("director", 0),
    ("chief", 0),
    ("sheriff", 0),
    ("speaker", 0),
    ("leader", 0),
    ("congressman", MALE),
    ("congresswoman", FEMALE),
    ("vice", 0),
    ("deputy", 0),
    ("foreign", 0),
    ("defense", 0),
    ("attorney", 0),
    ("candidate", 0),
    ("nominee", 0),
    ("pope", MALE),
    ("father", MALE),
    ("rev.", 0),
    ("professor", 0),
    ("prof.", 0),
    ("lt.", 0),
    ("col.", 0),
    ("capt.", 0),
    ("sgt.", 0),
    ("adm.", 0),
];

/// Words that take part in a verb group or clause and so can never be a speaker's head.
const VERBISH_WORDS: &[&str] = &[
    "expressed",
    "expresses",
    "express",
    "expressing",
    "made",
    "makes",
    "pointed",
    "points",
    "went",
    "goes",
    "gave",
    "gives",
    "raised",
    "raises",
    "voiced",
    "voices",
    "issued",
];

#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    // Eight bytes at a time, multiply and rotate (as FxHash does): words are short and the
    // lexicon is fixed, so speed matters more than resistance to crafted keys.
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        self.0 = h;
    }
}

type Map = HashMap<Box<[u8]>, u32, BuildHasherDefault<Fnv>>;

pub(crate) struct Lexicon {
    map: Map,
    /// The ASCII entries of at most 8 bytes (most words of a text), keyed by their bytes
    /// packed into an integer: a lookup hashes one word and compares one, without following a
    /// pointer, in a table small enough to stay in cache.
    tiny: HashMap<u64, u32, BuildHasherDefault<Fnv>>,
    /// The ASCII entries of 9 to [`SHORT`] bytes, the same way.
    short: HashMap<u128, u32, BuildHasherDefault<Fnv>>,
    /// Length in bytes of the longest entry: longer words are never looked up.
    longest: usize,
}

/// Longest entry kept in [`Lexicon::short`].
const SHORT: usize = 16;

/// `bytes` (at most [`SHORT`], none of them NUL) packed into an integer, zero-padded: distinct
/// words give distinct keys.
fn short_key(bytes: &[u8]) -> u128 {
    let mut buf = [0u8; SHORT];
    buf[..bytes.len()].copy_from_slice(bytes);
    u128::from_le_bytes(buf)
}

/// The [`short_key`] of `bytes` lower-cased, when they are at most [`SHORT`] ASCII bytes and
/// none is NUL. Built in registers, eight bytes at a time: a key copied through memory byte
/// by byte and read back whole waits for the copy, and a loop over the bytes costs a shift of
/// the whole key per byte.
#[inline]
fn packed_lower(bytes: &[u8]) -> Option<u128> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = bytes.len();
    if n > SHORT {
        return None;
    }
    let (lo, hi) = load_padded(bytes);
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    // A NUL among the bytes (the padding past the end set to 1 first).
    let pad = |k: usize| if k >= 8 { 0 } else { ONES << (8 * k) };
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    if has_zero(lo | pad(n.min(8))) || has_zero(hi | pad(n.saturating_sub(8))) {
        return None;
    }
    Some(u128::from(ascii_lower(lo)) | (u128::from(ascii_lower(hi)) << 64))
}

/// `bytes` (at most 16) as two little-endian words, zero-padded, read with whole loads (which
/// may overlap) rather than byte by byte.
#[inline]
fn load_padded(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len();
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let half = |at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    match n {
        0 => (0, 0),
        1..=3 => {
            let byte = |k: usize| u64::from(bytes[k]) << (8 * k);
            (byte(0) | byte(n / 2) | byte(n - 1), 0)
        }
        4..=7 => (half(0) | (half(n - 4) << (8 * (n - 4))), 0),
        8 => (word(0), 0),
        _ => (word(0), word(n - 8) >> (8 * (16 - n))),
    }
}

/// The bytes of `x` (all ASCII) with `A`-`Z` lower-cased.
#[inline]
fn ascii_lower(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte: at least `A`, and past `Z` (no carry: every byte is ASCII).
    let from_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = x.wrapping_add(0x2525_2525_2525_2525);
    let upper = from_a & !past_z & HIGH;
    x | (upper >> 2)
}

fn add(map: &mut Map, word: &str, flags: u32) {
    *map.entry(word.as_bytes().into()).or_insert(0) |= flags;
}

fn add_verb(map: &mut Map, lemma: &str, class: u32) {
    if let Some((_, forms)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        add(map, lemma, class | F_BASE);
        for f in forms.iter() {
            let form = if f.ends_with("ing") {
                F_ING
            } else if f.ends_with('s') && *f != "read" {
                F_S
            } else {
                F_PAST
            };
            add(map, f, class | form);
        }
        return;
    }
    let [s, past, ing] = regular_forms(lemma);
    add(map, lemma, class | F_BASE);
    add(map, &s, class | F_S);
    add(map, &past, class | F_PAST);
    add(map, &ing, class | F_ING);
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut map = Map::default();
        for v in SAY_VERBS.iter().chain(QUOTATION_ONLY_VERBS) {
            add_verb(&mut map, v, SAY);
        }
        for v in TELL_VERBS {
            add_verb(&mut map, v, TELL);
        }
        for v in BELIEF_VERBS {
            add_verb(&mut map, v, BELIEF);
        }
        for v in MIXED_VERBS {
            add_verb(&mut map, v, MIXED);
        }
        for w in AUXILIARIES {
            add(&mut map, w, AUX);
        }
        for w in ADVERBS {
            add(&mut map, w, ADV);
        }
        for (w, f) in PRONOUNS {
            add(&mut map, w, PRON | f);
        }
        for w in DETERMINERS {
            add(&mut map, w, DET);
        }
        for w in BOUNDARIES {
            add(&mut map, w, BOUNDARY);
        }
        for w in PREPOSITIONS {
            add(&mut map, w, PREP);
        }
        for w in TIMES {
            add(&mut map, w, TIME);
        }
        for w in SPEAKER_NOUNS {
            add(&mut map, w, SPEAKER_NOUN);
        }
        for w in ATTITUDES {
            add(&mut map, w, ATTITUDE);
        }
        for (w, f) in TITLES {
            add(&mut map, w, TITLE | f);
        }
        for w in VERBISH_WORDS {
            add(&mut map, w, VERBISH);
        }
        for (heads, _, _) in PHRASAL_CUES {
            for w in heads.iter() {
                add(&mut map, w, PHRASAL);
            }
        }
        for w in EVAL_FORMS {
            let form = if w.ends_with("ing") {
                F_ING
            } else if w.ends_with('s') {
                F_S
            } else {
                F_PAST
            };
            add(&mut map, w, EVAL | form);
        }
        // Words that look like verb forms of the lists but are mostly nouns or adjectives here.
        // Forms that are mostly nouns or adjectives in news text, or report too rarely to pay
        // for their false alarms (measured on PolNeAR train).
        for w in NOT_CUES {
            if let Some(f) = map.get_mut(w.as_bytes()) {
                *f &= !CUE;
            }
        }
        // Findings of polls and studies: `polls show that ...`.
        for w in ["show", "shows", "showed"] {
            *map.entry(w.as_bytes().into()).or_insert(0) |= BELIEF;
        }
        let longest = map.keys().map(|k| k.len()).max().unwrap_or(0);
        let packable = |k: &[u8]| k.len() <= SHORT && k.is_ascii() && !k.contains(&0);
        let tiny = map
            .iter()
            .filter(|(k, _)| packable(k) && k.len() <= 8)
            .map(|(k, &f)| (short_key(k) as u64, f))
            .collect();
        let short = map
            .iter()
            .filter(|(k, _)| packable(k) && k.len() > 8)
            .map(|(k, &f)| (short_key(k), f))
            .collect();
        Lexicon {
            map,
            tiny,
            short,
            longest,
        }
    }

    /// The shared lexicon, built once per process.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// The flags of `word`, matched case-insensitively (0 for an unknown word).
    pub(crate) fn flags(&self, word: &str) -> u32 {
        let bytes = word.as_bytes();
        if bytes.len() > self.longest.min(32) {
            return 0;
        }
        if let Some(key) = packed_lower(bytes) {
            let found = if bytes.len() <= 8 {
                self.tiny.get(&(key as u64))
            } else {
                self.short.get(&key)
            };
            return found.copied().unwrap_or(0);
        }
        if word.is_ascii() {
            let mut buf = [0u8; 32];
            let lower = &mut buf[..bytes.len()];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            return self.map.get(&*lower).copied().unwrap_or(0);
        }
        self.map
            .get(word.to_lowercase().as_bytes())
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_are_generated() {
        let lex = Lexicon::get();
        for w in [
            "said",
            "says",
            "saying",
            "Argued",
            "characterized",
            "denies",
            "denied",
        ] {
            assert_ne!(lex.flags(w) & CUE, 0, "{w}");
        }
        assert_ne!(lex.flags("told") & TELL, 0);
        assert_ne!(lex.flags("saying") & F_ING, 0);
        assert_eq!(lex.flags("table"), 0);
        assert_ne!(lex.flags("He") & MALE, 0);
    }

    /// [`packed_lower`] a byte at a time.
    fn packed_lower_plain(bytes: &[u8]) -> Option<u128> {
        if bytes.len() > SHORT {
            return None;
        }
        let mut key = 0u128;
        for (i, &b) in bytes.iter().enumerate() {
            if b == 0 || !b.is_ascii() {
                return None;
            }
            key |= u128::from(b.to_ascii_lowercase()) << (8 * i);
        }
        Some(key)
    }

    #[test]
    fn packed_keys_are_packed_byte_by_byte() {
        // Every length to past SHORT, with each interesting byte at each position.
        let specials = [
            0u8, 1, b'@', b'A', b'M', b'Z', b'[', b'`', b'a', b'z', b'{', 0x7f, 0x80, 0xc3, 0xff,
        ];
        for n in 0..=SHORT + 2 {
            for at in 0..n.max(1) {
                for &b in &specials {
                    for fill in [b'a', b'Q', b'\'', b'9'] {
                        let mut w = vec![fill; n];
                        if let Some(x) = w.get_mut(at) {
                            *x = b;
                        }
                        assert_eq!(packed_lower(&w), packed_lower_plain(&w), "{w:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn packed_keys_are_the_lower_cased_bytes() {
        for w in [
            "",
            "a",
            "Said",
            "SAYS",
            "characterization",
            "abcdefgh",
            "ABCDEFGHI",
        ] {
            assert_eq!(
                packed_lower(w.as_bytes()),
                Some(short_key(w.to_ascii_lowercase().as_bytes()))
            );
        }
        for w in ["a\0", "Zürich", "characterizations"] {
            assert_eq!(packed_lower(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn the_short_table_agrees_with_the_whole_map() {
        let lex = Lexicon::get();
        let slow = |w: &str| {
            lex.map
                .get(w.to_lowercase().as_bytes())
                .copied()
                .unwrap_or(0)
        };
        for key in lex.map.keys() {
            let word = std::str::from_utf8(key).unwrap();
            for w in [word.to_string(), word.to_uppercase(), format!("{word}x")] {
                assert_eq!(lex.flags(&w), slow(&w), "{w}");
            }
        }
        for w in [
            "",
            "a\0",
            "Zürich",
            "SAID",
            "characterizations",
            "x".repeat(40).as_str(),
        ] {
            assert_eq!(
                lex.flags(w),
                if w.len() > lex.longest { 0 } else { slow(w) },
                "{w}"
            );
        }
    }
}
