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
    /// Like `Ambiguous`, but not when written in capitals, which make a name of it (`qt.` is a
    /// quart, `QT` a shop; `tbsp.`, `med.`, `assoc.`).
    Shorthand,
}

/// Length in bytes of the longest word in the built-in table (checked by a test that reads the
/// table): a longer word is no built-in abbreviation.
pub(crate) const LONGEST_BUILTIN: usize = 6;

/// Looks up a lower-cased word (without its period) in the built-in table.
pub(crate) fn builtin(lower: &[u8]) -> Option<AbbrevClass> {
    use AbbrevClass::*;
    if lower.len() > LONGEST_BUILTIN {
        return None;
    }
    Some(match lower {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mmes" | b"mme" | b"mlle" | b"dr" | b"drs"
        | b"prof" | b"profs" | b"gen" | b"gens" | b"lt" | b"col" | b"capt" | b"cpt" | b"sgt"
        | b"cpl" | b"pvt" | b"pfc" | b"maj" | b"adm" | b"brig" | b"cmdr" | b"cdr" | b"cmdt"
        | b"comdr" | b"ens" | b"sen" | b"sens" | b"rep" | b"reps" | b"gov" | b"govs" | b"pres"
        | b"rev" | b"revs" | b"hon" | b"st" | b"ste" | b"mt" | b"ft" | b"supt" | b"det"
        | b"insp" | b"atty" | b"fr" | b"msgr" | b"sr" | b"vs" | b"v" | b"approx" | b"cf"
        | b"ca" | b"esp" | b"viz" | b"ref" | b"lit" | b"dept" | b"depts" | b"univ" | b"assn"
        | b"fig" | b"figs" => match lower {
            b"sr" | b"dept" | b"depts" | b"univ" | b"assn" => Ambiguous,
            b"fig" | b"figs" => NumberPrefix,
            _ => Title,
        },
        b"no" | b"nos" | b"vol" | b"vols" | b"pp" | b"art" | b"arts" | b"ch" | b"chap" | b"sec"
        | b"secs" | b"para" | b"op" | b"nr" | b"tel" | b"ext" | b"ed" | b"eds" | b"pt" | b"pts" => {
            NumberPrefix
        }
        b"co" | b"cos" | b"corp" | b"corps" | b"inc" | b"ltd" | b"llc" | b"llp" | b"plc"
        | b"jr" | b"bros" | b"al" | b"govt" | b"est" | b"ave" | b"blvd" | b"rd" | b"hwy"
        | b"pl" | b"sq" | b"apt" | b"bldg" | b"mfg" | b"intl" | b"natl" | b"mln" | b"bln"
        | b"yr" | b"yrs" | b"min" | b"max" | b"hr" | b"hrs" | b"oz" | b"lb" | b"lbs" | b"mi"
        | b"km" | b"kg" | b"misc" | b"dist" | b"div" | b"treas" => Ambiguous,
        // Currencies before an amount (`Rs. 500`, `KShs. 1,000`).
        b"rs" | b"kshs" | b"shs" | b"tk" => NumberPrefix,
        // Units and measures.
        b"tbsp" | b"tbs" | b"tsp" | b"gal" | b"gals" | b"qt" | b"qts" | b"yd" | b"yds" | b"cu"
        | b"doz" | b"wk" | b"wks" | b"mos" | b"mins" | b"pkg" | b"pkgs" | b"bbl"
        | b"bbls"
        // Academic and office shorthand.
        | b"assoc" | b"asst" | b"inst" | b"proc" | b"suppl" | b"ibid" | b"incl" | b"excl"
        | b"orig" | b"repr" | b"abbr" | b"cit" | b"esq" | b"acad" | b"dir" | b"mgr" | b"mgmt"
        | b"attys" | b"adj" | b"adv" | b"exp" | b"ver" | b"publ"
        // Medical shorthand.
        | b"med" | b"hosp" | b"surg" | b"pharm" | b"psych" | b"clin" | b"diag" | b"resp"
        | b"neurol"
        // Places in addresses.
        | b"ct" | b"mtn" | b"fwy" | b"expy" | b"pkwy" | b"cres" | b"tce" | b"hts" => Shorthand,
        b"etc" => Ending,
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" | b"mon" | b"tue" | b"tues" | b"wed" | b"thu" | b"thur"
        | b"thurs" | b"fri" | b"sat" | b"sun" | b"ala" | b"ariz" | b"ark" | b"calif" | b"colo"
        | b"conn" | b"del" | b"fla" | b"ga" | b"ill" | b"ind" | b"kan" | b"kans" | b"ky"
        | b"la" | b"md" | b"mass" | b"mich" | b"minn" | b"miss" | b"mo" | b"mont" | b"neb"
        | b"nev" | b"okla" | b"ore" | b"pa" | b"tenn" | b"tex" | b"va" | b"vt" | b"wash"
        | b"wis" | b"wyo" | b"alta" | b"ont" | b"que" | b"sask" => CapitalisedAmbiguous,
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

/// Places and unions written as capitals with periods (`U.S.`, `D.C.`, `N.Y.`), which may end a
/// sentence; other capitals with periods are taken for initials (`J.R.`).
pub(crate) fn is_place_abbreviation(word: &str) -> bool {
    let mut letters = [0u8; 8];
    let mut n = 0;
    for c in word.bytes().filter(|&c| c != b'.') {
        if n == letters.len() {
            return false;
        }
        letters[n] = c.to_ascii_uppercase();
        n += 1;
    }
    matches!(
        &letters[..n],
        b"US"
            | b"USA"
            | b"UK"
            | b"UN"
            | b"EU"
            | b"DC"
            | b"UAE"
            | b"USSR"
            | b"PRC"
            | b"ROK"
            | b"NY"
            | b"NYC"
            | b"LA"
            | b"NJ"
            | b"NC"
            | b"SC"
            | b"NH"
            | b"NM"
            | b"ND"
            | b"SD"
            | b"RI"
            | b"NZ"
            | b"SA"
            | b"HK"
    )
}

/// Names written with an exclamation mark, which does not end a sentence before the rest of
/// the name (`Yahoo! Finance`, `Jeopardy! Masters`).
pub(crate) fn is_exclamation_name(word: &str) -> bool {
    matches!(word, "Yahoo" | "Jeopardy" | "Joomla" | "Wham" | "Yum")
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of the built-in table, read from this file's source between the start of
    /// [`builtin`] and the end of its table.
    fn table_words() -> Vec<&'static str> {
        let source = include_str!("abbrev.rs");
        let start = source
            .find("pub(crate) fn builtin(")
            .expect("builtin in the source");
        let end = start
            + source[start..]
                .find("_ => return None")
                .expect("end of the table");
        let mut words = Vec::new();
        let mut rest = &source[start..end];
        while let Some(k) = rest.find("b\"") {
            rest = &rest[k + 2..];
            let close = rest.find('"').expect("closing quote");
            words.push(&rest[..close]);
            rest = &rest[close + 1..];
        }
        words
    }

    #[test]
    fn longest_builtin_bounds_every_table_word() {
        let words = table_words();
        assert!(words.len() > 200, "read {} words", words.len());
        for w in &words {
            assert!(builtin(w.as_bytes()).is_some(), "{w}");
            assert!(
                w.len() <= LONGEST_BUILTIN,
                "{w} is longer than LONGEST_BUILTIN"
            );
        }
        assert!(words.iter().any(|w| w.len() == LONGEST_BUILTIN));
    }
}
