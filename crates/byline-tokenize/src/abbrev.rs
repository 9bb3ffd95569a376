//! Abbreviations: which words keep their final period, and whether they can end a sentence.

/// How an abbreviation behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Titles and prepositive forms (`Mr.`, `Dr.`, `Gen.`, `Mt.`): never end a sentence.
    Title,
    /// Forms that only abbreviate before a number (`No. 5`, `Vol. 2`, `pp. 10`).
    NumberPrefix,
    /// Forms that end a sentence only before a typical sentence opener (`Inc.`, `Jr.`, `co.`).
    Ambiguous,
    /// Like `Ambiguous`, but only when written capitalised (`Jan.`, `Calif.`).
    CapitalisedAmbiguous,
    /// Ends a sentence before any capitalised word (`etc.`).
    Ending,
}

/// Looks up a lower-cased word (without its period) in the built-in table.
pub(crate) fn builtin(lower: &str) -> Option<AbbrevClass> {
    use AbbrevClass::*;
    Some(match lower {
        "mr" | "mrs" | "ms" | "messrs" | "mmes" | "mme" | "mlle" | "dr" | "drs" | "prof"
        | "profs" | "gen" | "gens" | "lt" | "col" | "capt" | "cpt" | "sgt" | "cpl" | "pvt"
        | "pfc" | "maj" | "adm" | "brig" | "cmdr" | "cdr" | "cmdt" | "comdr" | "ens" | "sen"
        | "sens" | "rep" | "reps" | "gov" | "govs" | "pres" | "rev" | "revs" | "hon" | "st"
        | "ste" | "mt" | "ft" | "supt" | "det" | "insp" | "atty" | "fr" | "msgr" | "sr" | "vs"
        | "v" | "approx" | "cf" | "ca" | "esp" | "viz" | "ref" | "lit" | "dept" | "depts"
        | "univ" | "assn" | "fig" | "figs" => match lower {
            "sr" | "dept" | "depts" | "univ" | "assn" => Ambiguous,
            "fig" | "figs" => NumberPrefix,
            _ => Title,
        },
        "no" | "nos" | "vol" | "vols" | "pp" | "art" | "arts" | "ch" | "chap" | "sec" | "secs"
        | "para" | "op" | "nr" | "tel" | "ext" | "ed" | "eds" | "pt" | "pts" => NumberPrefix,
        "co" | "cos" | "corp" | "corps" | "inc" | "ltd" | "llc" | "llp" | "plc" | "jr" | "bros"
        | "al" | "govt" | "est" | "ave" | "blvd" | "rd" | "hwy" | "pl" | "sq" | "apt" | "bldg"
        | "mfg" | "intl" | "natl" | "mln" | "bln" | "yr" | "yrs" | "min" | "max" | "hr" | "hrs"
        | "oz" | "lb" | "lbs" | "mi" | "km" | "kg" | "misc" | "dist" | "div" | "treas" => Ambiguous,
        "etc" => Ending,
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec" | "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat"
        | "sun" | "ala" | "ariz" | "ark" | "calif" | "colo" | "conn" | "del" | "fla" | "ga"
        | "ill" | "ind" | "kan" | "kans" | "ky" | "la" | "md" | "mass" | "mich" | "minn"
        | "miss" | "mo" | "mont" | "neb" | "nev" | "okla" | "ore" | "pa" | "tenn" | "tex"
        | "va" | "vt" | "wash" | "wis" | "wyo" | "alta" | "ont" | "que" | "sask" => {
            CapitalisedAmbiguous
        }
        _ => return None,
    })
}

/// Words that typically open a sentence; an ambiguous abbreviation before one of them ends its
/// sentence (`I live in the U.S. How about you?`).
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Their"
            | "His"
            | "Her"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "How"
            | "What"
            | "When"
            | "Where"
            | "Why"
            | "Who"
            | "Which"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "If"
            | "In"
            | "On"
            | "At"
            | "As"
            | "For"
            | "From"
            | "To"
            | "With"
            | "By"
            | "After"
            | "Before"
            | "While"
            | "Although"
            | "Though"
            | "Because"
            | "Since"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Each"
            | "Every"
            | "No"
            | "Not"
            | "Now"
            | "Then"
            | "Today"
            | "Yesterday"
            | "Also"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Even"
            | "Only"
            | "Here"
            | "Both"
            | "One"
            | "Another"
            | "Such"
            | "Last"
            | "Next"
            | "Once"
            | "Do"
            | "Does"
            | "Did"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Can"
            | "Could"
            | "Will"
            | "Would"
            | "Should"
            | "Let"
            | "Please"
            | "Thanks"
            | "Yes"
    )
}

/// Reporting verbs: `"Good morning?" Harry asked.` stays one sentence.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "replied"
            | "replies"
            | "wrote"
            | "writes"
            | "explained"
            | "explains"
            | "insisted"
            | "shouted"
            | "cried"
            | "whispered"
            | "continued"
            | "noted"
            | "declared"
            | "argued"
            | "stated"
            | "answered"
            | "exclaimed"
            | "yelled"
            | "muttered"
            | "remarked"
            | "responded"
            | "recalled"
            | "warned"
            | "tweeted"
            | "posted"
            | "snapped"
            | "sighed"
            | "laughed"
            | "wondered"
            | "demanded"
            | "screamed"
    )
}
