//! The compiled matcher: a trie over the units of every normalised alias, and the candidates
//! of each alias.
//!
//! Matches start and end on unit boundaries, so the search walks the trie from each unit of
//! the text: one hash lookup per unit turns its folded bytes into a token, and a walk rarely
//! goes past the first token. The cost grows with the length of the text, not the number of
//! aliases, and the trie builds in one pass without failure links.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use crate::common_words::is_common_word;
use crate::error::{Error, ErrorKind};
use crate::normalize::{normalize_str, Fold, Normalized};
use crate::slab::{Le, Section, Slab, SlabExt};
use crate::store::{case_code, case_of, valid_case, Store};
use crate::CaseMode;

/// The alias is an acronym or single capital letter (`US`, `WHO`, `U.S.`).
pub(crate) const ACRONYM: u8 = 1;
/// The alias is a common English word (`May`, `Nice`).
pub(crate) const COMMON: u8 = 2;
/// The alias holds an upper-case letter.
pub(crate) const HAS_UPPER: u8 = 4;
/// The alias is one word in title case (`Nice`): a capital, then small letters only.
pub(crate) const TITLE: u8 = 8;

/// No token, no node, no pattern.
pub(crate) const NONE: u32 = u32::MAX;

/// One entry that an alias names, with how the alias must be cased. Saved and read in place
/// as 8 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub(crate) struct Cand {
    pub(crate) entry: u32,
    pub(crate) alias: u16,
    /// The case mode's number (see [`Cand::case`]).
    pub(crate) case_code: u8,
    pub(crate) flags: u8,
}

impl Cand {
    /// How the alias must be cased.
    #[inline]
    pub(crate) fn case(&self) -> CaseMode {
        case_of(self.case_code)
    }
}

impl Le for Cand {
    #[inline]
    fn swap_le(self) -> Cand {
        Cand {
            entry: u32::from_le(self.entry),
            alias: u16::from_le(self.alias),
            ..self
        }
    }
}

#[derive(Debug)]
pub(crate) struct Matcher {
    vocab: Vocab,
    /// Child of the root for each token (`NONE` for none).
    root: Slab<u32>,
    /// Edges of node `n` (other than the root) are `first[n]..first[n + 1]`.
    first: Slab<u32>,
    edge_tok: Slab<u32>,
    edge_child: Slab<u32>,
    /// Pattern ending at each node, or `NONE`.
    value: Slab<u32>,
    /// `cands[pat_start[p]..pat_start[p + 1]]` are the candidates of pattern `p`.
    pat_start: Slab<u32>,
    cands: Slab<Cand>,
}

/// A matcher as saved: the vocabulary as a list in token order.
#[derive(Debug, Default)]
pub(crate) struct MatcherParts {
    pub(crate) vocab_bytes: Slab<u8>,
    pub(crate) vocab_off: Slab<u32>,
    pub(crate) root: Slab<u32>,
    pub(crate) first: Slab<u32>,
    pub(crate) edge_tok: Slab<u32>,
    pub(crate) edge_child: Slab<u32>,
    pub(crate) value: Slab<u32>,
    pub(crate) pat_start: Slab<u32>,
    pub(crate) cands: Slab<Cand>,
    pub(crate) slots: Slab<Slot>,
    pub(crate) tags: Slab<u8>,
    pub(crate) collided: Slab<u32>,
}

/// The distinct folded units of the aliases, each a token: bytes in one buffer, found by a
/// 64-bit hash in an open-addressing table saved with the matcher (read in place for the
/// embedded gazetteer), and checked byte for byte (units whose hashes collide with an earlier
/// token's go to `overflow`).
#[derive(Debug, Default)]
struct Vocab {
    bytes: Slab<u8>,
    /// Token `t` is `bytes[off[t]..off[t + 1]]`.
    off: Slab<u32>,
    /// A power of two of slots, at most two thirds full, each token in the first free slot
    /// from the one its hash picks (see [`slot_of`]).
    slots: Slab<Slot>,
    /// A byte of the hash of each slot's token ([`tag_of`]), 0 for a free slot: a search
    /// walks these, in a table 16 times smaller, and reads a slot only when its tag matches.
    tags: Slab<u8>,
    /// Tokens whose hash is an earlier token's, in token order (usually none).
    collided: Slab<u32>,
    overflow: FxHashMap<Box<[u8]>, Tok>,
}

/// A slot of the vocabulary's hash table: a token, the trie's root child for it, and the hash
/// of its bytes. Free slots have token `NONE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub(crate) struct Slot {
    hash: u64,
    tok: u32,
    root: u32,
}

const FREE: Slot = Slot {
    hash: 0,
    tok: NONE,
    root: NONE,
};

impl Le for Slot {
    #[inline]
    fn swap_le(self) -> Slot {
        Slot {
            hash: u64::from_le(self.hash),
            tok: u32::from_le(self.tok),
            root: u32::from_le(self.root),
        }
    }
}

/// The slot where the search for a hash starts, in a table of `len` slots (a power of two).
#[inline]
fn slot_of(hash: u64, len: usize) -> usize {
    // The low bits pick the slot, the top bits make the tag (see [`tag_of`]).
    hash as usize & (len - 1)
}

/// The byte of a hash kept beside its slot (never 0, which marks free slots).
#[inline]
fn tag_of(hash: u64) -> u8 {
    0x80 | (hash >> 57) as u8
}

/// The distinct folded units seen while building, indexed in a growing hash map.
#[derive(Debug, Default)]
struct VocabBuilder {
    bytes: Vec<u8>,
    off: Vec<u32>,
    index: FxHashMap<u64, u32>,
    overflow: FxHashMap<Box<[u8]>, u32>,
}

/// A unit's token and the trie's root child for it, looked up together (one cache miss).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) tok: u32,
    pub(crate) root: u32,
}

/// A unit in no alias.
pub(crate) const NO_TOK: Tok = Tok {
    tok: NONE,
    root: NONE,
};

#[inline]
fn hash_unit(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

#[inline]
fn bytes_of<'a>(bytes: &'a [u8], off: &[u32], t: u32) -> &'a [u8] {
    &bytes[off[t as usize] as usize..off[t as usize + 1] as usize]
}

impl VocabBuilder {
    fn new() -> VocabBuilder {
        VocabBuilder {
            off: vec![0],
            ..VocabBuilder::default()
        }
    }

    fn len(&self) -> usize {
        self.off.len() - 1
    }

    fn insert(&mut self, unit: &[u8]) -> Result<u32, Error> {
        let h = hash_unit(unit);
        let earlier = self.index.get(&h).copied();
        if let Some(t) = earlier {
            if bytes_of(&self.bytes, &self.off, t) == unit {
                return Ok(t);
            }
            if let Some(&t) = self.overflow.get(unit) {
                return Ok(t);
            }
        }
        let t = self.len() as u32;
        self.bytes.extend_from_slice(unit);
        let end = u32::try_from(self.bytes.len()).map_err(|_| {
            Error::new(ErrorKind::Build {
                message: "more than 4 GiB of alias words".to_owned(),
            })
        })?;
        self.off.push(end);
        if earlier.is_none() {
            self.index.insert(h, t);
        } else {
            self.overflow.insert(unit.into(), t);
        }
        Ok(t)
    }

    /// The finished vocabulary, given the root child of every token.
    fn finish(self, root: &[u32]) -> Vocab {
        let mut bytes = self.bytes;
        bytes.shrink_to_fit();
        let mut off = self.off;
        off.shrink_to_fit();
        drop(self.index);
        drop(self.overflow);
        Vocab::index(bytes.into(), off.into(), root).expect("the builder's words are distinct")
    }
}

impl Vocab {
    #[cfg(test)]
    fn len(&self) -> usize {
        self.off.len() - 1
    }

    #[inline]
    fn bytes_of(&self, t: u32) -> &[u8] {
        bytes_of(&self.bytes, &self.off, t)
    }

    /// The vocabulary with its hash table built; `None` if a word is repeated.
    fn index(bytes: Slab<u8>, off: Slab<u32>, root: &[u32]) -> Option<Vocab> {
        let ntok = off.len() - 1;
        let len = (ntok + ntok / 2 + 1).next_power_of_two().max(8);
        let mut v = Vocab {
            bytes,
            off,
            ..Vocab::default()
        };
        let mut slots = vec![FREE; len];
        let mut tags = vec![0u8; len];
        let mut collided = Vec::new();
        for t in 0..ntok as u32 {
            let unit = v.bytes_of(t);
            let h = hash_unit(unit);
            let mut i = slot_of(h, len);
            loop {
                let s = slots[i];
                if s.tok == NONE {
                    slots[i] = Slot {
                        hash: h,
                        tok: t,
                        root: root[t as usize],
                    };
                    tags[i] = tag_of(h);
                    break;
                }
                if s.hash == h {
                    if v.bytes_of(s.tok) == unit {
                        return None;
                    }
                    let tok = Tok {
                        tok: t,
                        root: root[t as usize],
                    };
                    if v.overflow.insert(unit.into(), tok).is_some() {
                        return None;
                    }
                    collided.push(t);
                    break;
                }
                i = (i + 1) & (len - 1);
            }
        }
        v.slots = slots.into();
        v.tags = tags.into();
        v.collided = collided.into();
        Some(v)
    }

    /// The vocabulary with its saved hash table, checked only to find a sample of its tokens
    /// (which tells whether the table was built with this machine's hash); if not, the
    /// vocabulary's words back (to index again).
    fn saved(
        bytes: Slab<u8>,
        off: Slab<u32>,
        slots: Slab<Slot>,
        tags: Slab<u8>,
        collided: Slab<u32>,
        root: &[u32],
    ) -> Result<Vocab, (Slab<u8>, Slab<u32>)> {
        let ntok = off.len() - 1;
        let mut v = Vocab {
            bytes,
            off,
            ..Vocab::default()
        };
        if !slots.len().is_power_of_two()
            || slots.len() <= ntok
            || tags.len() != slots.len()
            || collided.iter().any(|&t| t as usize >= ntok)
        {
            return Err((v.bytes, v.off));
        }
        v.slots = slots;
        v.tags = tags;
        v.collided = collided;
        for &t in v.collided.iter() {
            let tok = Tok {
                tok: t,
                root: root[t as usize],
            };
            v.overflow.insert(v.bytes_of(t).into(), tok);
        }
        let step = (ntok / 64).max(1);
        for t in (0..ntok).step_by(step) {
            let t = t as u32;
            if v.get(v.bytes_of(t)).tok != t {
                return Err((v.bytes, v.off));
            }
        }
        Ok(v)
    }

    /// The token of `unit` with its root child, or [`NO_TOK`].
    #[inline]
    fn get(&self, unit: &[u8]) -> Tok {
        self.check(unit, self.probe(unit))
    }

    /// The token that the hash of `unit` points to, not yet checked against the unit's bytes
    /// (see [`Vocab::check`]); [`NO_TOK`] when no alias has a unit with that hash.
    #[inline(always)]
    fn probe(&self, unit: &[u8]) -> Tok {
        let h = hash_unit(unit);
        let tag = tag_of(h);
        let tags: &[u8] = &self.tags;
        let slots: &[Slot] = &self.slots;
        let mask = tags.len() - 1;
        let start = slot_of(h, tags.len());
        // A table always has free slots; the bound only keeps a damaged one from looping.
        for i in start..start + tags.len() {
            let t = tags[i & mask];
            if t == 0 {
                return NO_TOK;
            }
            if t == tag {
                let s = slots[i & mask];
                if s.hash == h {
                    return Tok {
                        tok: s.tok,
                        root: s.root,
                    };
                }
            }
        }
        NO_TOK
    }

    /// The token of `unit` given its probe.
    #[inline]
    fn check(&self, unit: &[u8], probe: Tok) -> Tok {
        if probe.tok != NONE && self.bytes_of(probe.tok) == unit {
            probe
        } else if self.overflow.is_empty() {
            NO_TOK
        } else {
            self.overflow.get(unit).copied().unwrap_or(NO_TOK)
        }
    }

    fn heap_bytes(&self) -> usize {
        self.bytes.memory_bytes()
            + self.off.memory_bytes()
            + self.slots.memory_bytes()
            + self.tags.memory_bytes()
            + self.collided.memory_bytes()
            + self.overflow.keys().map(|k| k.len() + 24).sum::<usize>()
    }
}

/// Smart-case facts about an alias.
pub(crate) fn alias_flags(alias: &str) -> u8 {
    let mut upper = 0usize;
    let mut lower = 0usize;
    for c in alias.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let mut flags = 0;
    if upper > 0 {
        flags |= HAS_UPPER;
    }
    if upper > 0 && lower == 0 {
        flags |= ACRONYM;
    }
    let mut chars = alias.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase) {
        flags |= TITLE;
    }
    if alias.len() <= 16 && alias.chars().all(char::is_alphabetic) {
        let lowered = alias.to_lowercase();
        if is_common_word(&lowered) {
            flags |= COMMON;
        }
    }
    flags
}

fn entry_error(index: usize, name: &str, message: String) -> Error {
    Error::new(ErrorKind::Entry {
        index,
        name: name.to_owned(),
        message,
    })
}

/// Builds a [`Matcher`] one alias at a time.
pub(crate) struct MatcherBuilder {
    fold: Fold,
    vocab: VocabBuilder,
    /// Children of the root by token (most edges of short aliases leave the root).
    root: Vec<u32>,
    /// Other edges: `(node << 32 | token) -> child`.
    trans: FxHashMap<u64, u32>,
    value: Vec<u32>,
    npat: u32,
    pairs: Vec<(u32, Cand)>,
    norm: Normalized,
}

impl MatcherBuilder {
    pub(crate) fn new(fold: Fold) -> MatcherBuilder {
        MatcherBuilder {
            fold,
            vocab: VocabBuilder::new(),
            root: Vec::new(),
            trans: FxHashMap::default(),
            value: vec![NONE],
            npat: 0,
            pairs: Vec::new(),
            norm: Normalized::default(),
        }
    }

    /// Adds alias number `ai` of entry `index` (named `name`, for errors).
    pub(crate) fn add(
        &mut self,
        index: usize,
        name: &str,
        ai: usize,
        alias: &str,
        case: CaseMode,
    ) -> Result<(), Error> {
        self.norm.normalize(alias, self.fold);
        if self.norm.units.is_empty() {
            return Err(entry_error(
                index,
                name,
                format!("alias {} ({alias:?}) has no characters to match", ai + 1),
            ));
        }
        let alias_index = u16::try_from(ai)
            .map_err(|_| entry_error(index, name, "more than 65,536 aliases".to_owned()))?;
        let mut node = 0u32;
        for u in 0..self.norm.units.len() {
            let tok = self.vocab.insert(self.norm.unit(u))?;
            let value = &mut self.value;
            let mut new_node = || {
                value.push(NONE);
                (value.len() - 1) as u32
            };
            node = if node == 0 {
                if self.root.len() <= tok as usize {
                    self.root.resize(tok as usize + 1, NONE);
                }
                if self.root[tok as usize] == NONE {
                    self.root[tok as usize] = new_node();
                }
                self.root[tok as usize]
            } else {
                *self
                    .trans
                    .entry((node as u64) << 32 | tok as u64)
                    .or_insert_with(new_node)
            };
        }
        if self.value.len() >= NONE as usize {
            return Err(Error::new(ErrorKind::Build {
                message: "more than 4,294,967,294 trie nodes".to_owned(),
            }));
        }
        let pat = &mut self.value[node as usize];
        if *pat == NONE {
            *pat = self.npat;
            self.npat += 1;
        }
        let cand = Cand {
            entry: index as u32,
            alias: alias_index,
            case_code: case_code(case),
            flags: alias_flags(alias),
        };
        self.pairs.push((*pat, cand));
        Ok(())
    }

    pub(crate) fn finish(self) -> Matcher {
        let MatcherBuilder {
            vocab,
            mut root,
            trans,
            value,
            npat,
            mut pairs,
            ..
        } = self;
        // Candidates grouped by pattern, in entry order. An entry keeps every alias under one
        // pattern (`HAMAS`, `Hamas`): their cases may differ.
        pairs.sort_by_key(|&(p, c)| (p, c.entry, c.alias));
        let mut pat_start = Vec::with_capacity(npat as usize + 1);
        let mut cands = Vec::with_capacity(pairs.len());
        for (p, c) in pairs {
            while pat_start.len() <= p as usize {
                pat_start.push(cands.len() as u32);
            }
            cands.push(c);
        }
        while pat_start.len() <= npat as usize {
            pat_start.push(cands.len() as u32);
        }
        // Freeze the transitions: the root's in a table by token, the others sorted by node.
        let nodes = value.len();
        root.resize(vocab.len(), NONE);
        let mut edges: Vec<(u32, u32, u32)> = Vec::with_capacity(trans.len());
        for (key, child) in trans {
            edges.push(((key >> 32) as u32, key as u32, child));
        }
        edges.sort_unstable();
        let mut first = Vec::with_capacity(nodes + 1);
        let mut edge_tok = Vec::with_capacity(edges.len());
        let mut edge_child = Vec::with_capacity(edges.len());
        for (node, tok, child) in edges {
            while first.len() <= node as usize {
                first.push(edge_tok.len() as u32);
            }
            edge_tok.push(tok);
            edge_child.push(child);
        }
        while first.len() <= nodes {
            first.push(edge_tok.len() as u32);
        }
        let mut value = value;
        value.shrink_to_fit();
        Matcher {
            vocab: vocab.finish(&root),
            root: root.into(),
            first: first.into(),
            edge_tok: edge_tok.into(),
            edge_child: edge_child.into(),
            value: value.into(),
            pat_start: pat_start.into(),
            cands: cands.into(),
        }
    }
}

impl Matcher {
    pub(crate) fn cands(&self, pattern: usize) -> &[Cand] {
        &self.cands[self.pat_start[pattern] as usize..self.pat_start[pattern + 1] as usize]
    }

    /// The token of each unit of `norm` (`NONE` for units in no alias).
    /// The probe of each unit of `norm` (see [`Matcher::walk`]).
    pub(crate) fn tokens(&self, norm: &Normalized, out: &mut Vec<Tok>) {
        out.clear();
        out.extend((0..norm.units.len()).map(|i| self.vocab.probe(norm.unit(i))));
    }

    /// Whether unit `i` may start an alias (if not, it surely does not).
    #[inline]
    pub(crate) fn may_start(&self, probes: &[Tok], i: usize) -> bool {
        probes[i].root != NONE || !self.vocab.overflow.is_empty()
    }

    #[inline]
    fn child(&self, node: u32, tok: u32) -> u32 {
        if node == 0 {
            return self.root[tok as usize];
        }
        let (a, b) = (
            self.first[node as usize] as usize,
            self.first[node as usize + 1] as usize,
        );
        let toks = &self.edge_tok[a..b];
        let i = if toks.len() <= 8 {
            match toks.iter().position(|&t| t == tok) {
                Some(i) => i,
                None => return NONE,
            }
        } else {
            match toks.binary_search(&tok) {
                Ok(i) => i,
                Err(_) => return NONE,
            }
        };
        self.edge_child[a + i]
    }

    /// Every alias starting at unit `i` of `norm`, whose units were probed into `probes`:
    /// `(units past the end, pattern)`, shortest first, appended to `out`. A probe is checked
    /// against the unit's bytes only when the trie has somewhere to go with it, which saves a
    /// memory access for most units.
    #[inline]
    pub(crate) fn walk(
        &self,
        norm: &Normalized,
        probes: &[Tok],
        i: usize,
        out: &mut Vec<(usize, u32)>,
    ) {
        let strict = !self.vocab.overflow.is_empty();
        let first = probes[i];
        if first.root == NONE && !strict {
            return;
        }
        let mut node = self.vocab.check(norm.unit(i), first).root;
        let mut j = i;
        loop {
            if node == NONE {
                return;
            }
            let v = self.value[node as usize];
            if v != NONE {
                out.push((j + 1, v));
            }
            j += 1;
            let Some(&probe) = probes.get(j) else { return };
            let tok = if strict {
                self.vocab.check(norm.unit(j), probe).tok
            } else {
                probe.tok
            };
            if tok == NONE {
                return;
            }
            let next = self.child(node, tok);
            // Check that the unit is the token its hash points to, once it leads somewhere.
            if next != NONE && !strict && self.vocab.check(norm.unit(j), probe).tok != tok {
                return;
            }
            node = next;
        }
    }

    /// The pattern that is exactly the units of `norm`, if any.
    pub(crate) fn pattern_of(&self, norm: &Normalized) -> Option<usize> {
        let mut tokens = Vec::new();
        self.tokens(norm, &mut tokens);
        let mut found = Vec::new();
        if !tokens.is_empty() {
            self.walk(norm, &tokens, 0, &mut found);
        }
        found
            .last()
            .filter(|&&(end, _)| end == tokens.len())
            .map(|&(_, p)| p as usize)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.vocab.heap_bytes()
            + self.root.memory_bytes()
            + self.first.memory_bytes()
            + self.edge_tok.memory_bytes()
            + self.edge_child.memory_bytes()
            + self.value.memory_bytes()
            + self.pat_start.memory_bytes()
            + self.cands.memory_bytes()
    }

    /// The arrays to save, in the order of [`MatcherParts`]'s fields.
    pub(crate) fn sections(&self) -> [&dyn Section; 12] {
        [
            &self.vocab.bytes,
            &self.vocab.off,
            &self.root,
            &self.first,
            &self.edge_tok,
            &self.edge_child,
            &self.value,
            &self.pat_start,
            &self.cands,
            &self.vocab.slots,
            &self.vocab.tags,
            &self.vocab.collided,
        ]
    }

    /// Moves every word to the collision table, as if all their hashes had collided.
    #[cfg(test)]
    pub(crate) fn force_overflow(&mut self) {
        let slots = std::mem::take(&mut self.vocab.slots);
        for t in slots.iter().filter(|s| s.tok != NONE) {
            let key: Box<[u8]> = self.vocab.bytes_of(t.tok).into();
            let tok = Tok {
                tok: t.tok,
                root: t.root,
            };
            self.vocab.overflow.insert(key, tok);
        }
        self.vocab.slots = vec![FREE; slots.len()].into();
        self.vocab.tags = vec![0; slots.len()].into();
        self.vocab.collided = (0..self.vocab.len() as u32).collect::<Vec<_>>().into();
    }

    /// A matcher from saved parts, checked so that no search can index out of bounds; with
    /// `trusted` (parts saved by this crate's own build), only the sizes of the arrays are
    /// checked, which takes no time.
    pub(crate) fn from_parts(
        p: MatcherParts,
        store: &Store,
        trusted: bool,
    ) -> Result<Matcher, Error> {
        let bad = |what: &str| Err(Error::bytes(format!("inconsistent matcher: {what}")));
        let nodes = p.value.len();
        let ntok = p.vocab_off.len().saturating_sub(1);
        if p.vocab_off.first() != Some(&0)
            || p.vocab_off.last().map(|&l| l as usize) != Some(p.vocab_bytes.len())
        {
            return bad("vocabulary offsets");
        }
        if nodes == 0 || p.first.len() != nodes + 1 || p.root.len() != ntok {
            return bad("table sizes");
        }
        if p.edge_tok.len() != p.edge_child.len()
            || p.first
                .last()
                .is_some_and(|&l| l as usize != p.edge_tok.len())
            || p.first[0] != 0
            || p.first[1] != 0
        {
            return bad("edge offsets");
        }
        if p.pat_start.is_empty()
            || p.pat_start
                .last()
                .is_some_and(|&l| l as usize != p.cands.len())
        {
            return bad("patterns");
        }
        if !trusted {
            Matcher::check_values(&p, store)?;
        }
        let (bytes, off) = (p.vocab_bytes, p.vocab_off);
        let vocab = if trusted {
            // Built on another machine, the saved table may hash differently: rebuild it.
            match Vocab::saved(bytes, off, p.slots, p.tags, p.collided, &p.root) {
                Ok(v) => Some(v),
                Err((bytes, off)) => Vocab::index(bytes, off, &p.root),
            }
        } else {
            Vocab::index(bytes, off, &p.root)
        };
        let Some(vocab) = vocab else {
            return bad("repeated vocabulary");
        };
        Ok(Matcher {
            vocab,
            root: p.root,
            first: p.first,
            edge_tok: p.edge_tok,
            edge_child: p.edge_child,
            value: p.value,
            pat_start: p.pat_start,
            cands: p.cands,
        })
    }
}

impl Matcher {
    /// Checks every value of saved parts whose sizes are checked, so that no search can index
    /// out of bounds.
    fn check_values(p: &MatcherParts, store: &Store) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::bytes(format!("inconsistent matcher: {what}")));
        let nodes = p.value.len();
        let ntok = p.vocab_off.len().saturating_sub(1);
        if p.vocab_off.windows(2).any(|w| w[0] > w[1]) {
            return bad("vocabulary offsets");
        }
        if p.first.windows(2).any(|w| w[0] > w[1]) {
            return bad("edge offsets");
        }
        if p.edge_tok.iter().any(|&t| t as usize >= ntok)
            || p.edge_child
                .iter()
                .chain(p.root.iter())
                .any(|&c| c != NONE && c as usize >= nodes)
        {
            return bad("edge targets");
        }
        let npat = p.pat_start.len() - 1;
        if p.pat_start.windows(2).any(|w| w[0] > w[1])
            || p.value.iter().any(|&v| v != NONE && v as usize >= npat)
        {
            return bad("patterns");
        }
        if p.cands.iter().any(|c| {
            c.entry as usize >= store.len()
                || c.alias as usize >= store.alias_count(c.entry as usize)
                || !valid_case(c.case_code)
        }) {
            return bad("candidates");
        }
        Ok(())
    }
}

/// Whether `alias` and the text `found` spell the same units with the same case.
pub(crate) fn same_case(alias: &str, found: &str, fold_diacritics: bool) -> bool {
    if alias.is_ascii() && found.is_ascii() {
        // Both are already known to be the same units up to case, and an ASCII text normalises
        // to its characters other than white space: compare those, without allocating.
        let kept = |b: &u8| *b > b' ' && *b != 0x7f;
        return alias.bytes().filter(kept).eq(found.bytes().filter(kept));
    }
    let fold = Fold {
        case: false,
        diacritics: fold_diacritics,
    };
    normalize_str(alias, fold) == normalize_str(found, fold)
}

/// [`same_case`] decided from the alias's flags alone, when they are enough: `found` is the
/// alias's units up to case, so for an ASCII `found` the shape of its letters tells.
#[inline]
fn same_case_by_shape(flags: u8, found: &str) -> Option<bool> {
    if !found.is_ascii() {
        return None;
    }
    let b = found.as_bytes();
    if flags & ACRONYM != 0 {
        Some(!b.iter().any(u8::is_ascii_lowercase))
    } else if flags & TITLE != 0 {
        Some(b[0].is_ascii_uppercase() && !b[1..].iter().any(u8::is_ascii_uppercase))
    } else if flags & HAS_UPPER == 0 {
        Some(!b.iter().any(u8::is_ascii_uppercase))
    } else {
        None
    }
}

/// Whether the text `found` may be the alias of `cand` under its case mode.
/// The alias is fetched only when its flags do not settle the case.
pub(crate) fn case_ok<'a>(
    cand: &Cand,
    alias: impl FnOnce() -> &'a str,
    found: &str,
    fold_diacritics: bool,
) -> bool {
    let exact = || {
        same_case_by_shape(cand.flags, found)
            .unwrap_or_else(|| same_case(alias(), found, fold_diacritics))
    };
    match cand.case() {
        CaseMode::Insensitive => true,
        CaseMode::Exact => exact(),
        CaseMode::Smart => {
            if cand.flags & (ACRONYM | COMMON) != 0 {
                exact()
            } else if cand.flags & HAS_UPPER != 0 {
                found.chars().any(char::is_uppercase)
            } else {
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `same_case` as first written: both sides normalised, then compared.
    fn slow_same_case(alias: &str, found: &str) -> bool {
        let fold = Fold {
            case: false,
            diacritics: true,
        };
        normalize_str(alias, fold) == normalize_str(found, fold)
    }

    #[test]
    fn shapes() {
        assert_eq!(alias_flags("Nice") & TITLE, TITLE);
        assert_eq!(alias_flags("NICE") & TITLE, 0);
        assert_eq!(alias_flags("O'Brien") & TITLE, 0);
        assert_eq!(same_case_by_shape(alias_flags("US"), "US"), Some(true));
        assert_eq!(same_case_by_shape(alias_flags("US"), "us"), Some(false));
        assert_eq!(same_case_by_shape(alias_flags("May"), "May"), Some(true));
        assert_eq!(same_case_by_shape(alias_flags("May"), "MAY"), Some(false));
        assert_eq!(same_case_by_shape(alias_flags("McCain"), "McCain"), None);
        assert_eq!(same_case_by_shape(alias_flags("US"), "Üs"), None);
        assert!(same_case("New  York", "New York", true));
        assert!(!same_case("New York", "new York", true));
        assert!(same_case("Zürich", "Zurich", true));
    }

    proptest! {
        /// The shortcuts agree with normalising both sides, for any re-casing of an alias.
        #[test]
        fn shortcuts_agree(alias in "[A-Za-z][A-Za-z .'-]{0,12}", flips in proptest::collection::vec(any::<bool>(), 13)) {
            let found: String = alias
                .chars()
                .zip(flips.iter().chain(std::iter::repeat(&false)))
                .map(|(c, &flip)| if flip { c.to_ascii_uppercase() } else { c })
                .collect();
            let slow = slow_same_case(&alias, &found);
            prop_assert_eq!(same_case(&alias, &found, true), slow);
            if let Some(fast) = same_case_by_shape(alias_flags(&alias), &found) {
                prop_assert_eq!(fast, slow);
            }
        }
    }
}
