//! Ignore rules compiled once into tables that one pass over an article's
//! words can test every rule against (see `matcher`).
//!
//! A rule is a query of the search language. Its words, phrases, excluded
//! words and `title:` values become *atoms*: a run of consecutive word
//! patterns (a word is a run of one), or a run of an unspaced script.
//! Every pattern is held under each form the search index may hold its word
//! in (folded, Italian and English stems), so the words of an article are
//! looked up, not compared with every rule.

use rustc_hash::FxHashMap;

use crate::index::query::Query;
use crate::text::scripts;
use crate::text::stem::query_forms;
use crate::text::{fold, fold_key, words};

/// Longest phrase kept (its state is one bit per word of a `u64`).
const MAX_PHRASE_WORDS: usize = 64;

/// Which fields an atom is looked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Title, standfirst and body, as search reads them.
    Text,
    /// The title only (`title:`).
    Title,
}

/// One word of a rule, folded.
#[derive(Debug)]
pub(super) struct Pattern {
    pub folded: Box<str>,
    /// Also matches the words it begins (a word of a rule, 3+ letters).
    pub prefix: bool,
}

#[derive(Debug)]
pub(super) enum Atom {
    /// Consecutive words: pattern ids, in order.
    Words { patterns: Vec<u32>, scope: Scope },
    /// Characters of an unspaced script, found inside one run.
    Run { chars: String, scope: Scope },
}

impl Atom {
    pub fn scope(&self) -> Scope {
        match self {
            Atom::Words { scope, .. } | Atom::Run { scope, .. } => *scope,
        }
    }
}

/// A `source:`, `tag:` or `author:` value: it names a name whose folded
/// key it begins, or one of whose words it begins (as search's filters).
#[derive(Debug)]
pub(super) struct NameKey {
    whole: String,
    spaced: String,
}

impl NameKey {
    fn new(value: &str) -> NameKey {
        let whole = fold_key(value);
        NameKey {
            spaced: format!(" {whole}"),
            whole,
        }
    }

    /// `key` is a name as `fold_key` leaves it.
    pub fn names(&self, key: &str) -> bool {
        !self.whole.is_empty() && (key.starts_with(&self.whole) || key.contains(&self.spaced))
    }
}

/// What a word starting with some three bytes may match beyond its
/// exact forms.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Lead {
    /// The pattern, when the word starts with the pattern's word.
    Prefix(u32),
    /// Some form, maybe, when the word starts with this: its stems are
    /// looked up.
    Stem(Box<str>),
}

/// A set of byte pairs or triples, hashed to one of 65,536 bits (a filter:
/// a set bit may be another key's).
#[derive(Debug)]
pub(super) struct Bits(Box<[u64; 1024]>);

impl Default for Bits {
    fn default() -> Self {
        Bits(Box::new([0; 1024]))
    }
}

impl Bits {
    /// Keys are up to three bytes (read as one number, so a key of one
    /// or two bytes and a longer key ending in zeros share a slot).
    fn number(key: &[u8]) -> u32 {
        match *key {
            [a, b, c, ..] => u32::from_le_bytes([a, b, c, 0]),
            [a, b] => u32::from_le_bytes([a, b, 0, 0]),
            [a] => u32::from(a),
            [] => 0,
        }
    }

    #[inline]
    fn hash(v: u32) -> usize {
        (v.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    fn set(&mut self, key: &[u8]) {
        let i = Bits::hash(Bits::number(key));
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn has(&self, key: &[u8]) -> bool {
        self.has_number(Bits::number(key))
    }

    /// `has` for a key read as one number (its first byte lowest).
    #[inline]
    pub fn has_number(&self, v: u32) -> bool {
        let i = Bits::hash(v);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// One rule, compiled.
#[derive(Debug)]
pub(super) struct RuleAtoms {
    pub required: Vec<u32>,
    pub excluded: Vec<u32>,
    pub source: Option<NameKey>,
    pub tag: Option<NameKey>,
    pub author: Option<NameKey>,
}

/// Why a query cannot be a rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("{0}")]
    Query(crate::index::query::Problem),
    #[error(
        "is:bookmarked and is:unread cannot be part of a rule (arriving articles have no marks)"
    )]
    Marks,
    #[error("the query is too long (at most 32 terms in 1024 bytes)")]
    TooLong,
    #[error(
        "the rule would ignore every article: give it words, a phrase, title:, source:, tag: or author:"
    )]
    Everything,
}

/// Every rule of a file, compiled.
#[derive(Debug, Default)]
pub(super) struct Compiled {
    pub patterns: Vec<Pattern>,
    pub atoms: Vec<Atom>,
    /// Every form of every pattern, with the patterns it stands for.
    pub forms: FxHashMap<Box<str>, Vec<u32>>,
    /// What a word's first three bytes may start (see `Lead`).
    pub leads: FxHashMap<[u8; 3], Vec<Lead>>,
    /// The first three bytes of every form and lead: most words of an
    /// article are passed over on one bit.
    pub heads: Bits,
    /// Forms of one or two bytes, by their bytes.
    pub short_heads: Bits,
    /// For each pattern, the atoms it is part of and where.
    pub uses: Vec<Vec<(u32, u8)>>,
    /// For each atom, the bit of its last word.
    pub last_bit: Vec<u64>,
    pub rules: Vec<RuleAtoms>,
    pub has_runs: bool,
}

impl Compiled {
    /// Compiles a rule, returning its index.
    pub fn add(&mut self, text: &str) -> Result<usize, RuleError> {
        let q = Query::parse(text);
        if let Some(problem) = q.problem() {
            return Err(RuleError::Query(problem.clone()));
        }
        if q.bookmarked || q.unread {
            return Err(RuleError::Marks);
        }
        if q.cut {
            return Err(RuleError::TooLong);
        }
        let mut rule = RuleAtoms {
            required: Vec::new(),
            excluded: Vec::new(),
            source: q.source.as_deref().map(NameKey::new),
            tag: q.tag.as_deref().map(NameKey::new),
            author: q.author.as_deref().map(NameKey::new),
        };
        for w in &q.words {
            rule.required
                .extend(self.atoms_of(w, true, Scope::Text, false));
        }
        for p in &q.phrases {
            rule.required
                .extend(self.atoms_of(p, false, Scope::Text, true));
        }
        for t in &q.title {
            rule.required
                .extend(self.atoms_of(t, false, Scope::Title, true));
        }
        for w in &q.excluded {
            rule.excluded
                .extend(self.atoms_of(w, false, Scope::Text, false));
        }
        let named = [&rule.source, &rule.tag, &rule.author]
            .iter()
            .any(|n| n.as_ref().is_some_and(|k| !k.whole.is_empty()));
        if rule.required.is_empty() && !named {
            return Err(RuleError::Everything);
        }
        self.rules.push(rule);
        Ok(self.rules.len() - 1)
    }

    /// The atoms of one term: its runs of unspaced script, and its words
    /// (one atom per word, or one for them all when `phrase`).
    fn atoms_of(&mut self, term: &str, prefix: bool, scope: Scope, phrase: bool) -> Vec<u32> {
        let mut atoms = Vec::new();
        let mut run_words: Vec<u32> = Vec::new();
        for (unspaced, run) in scripts::runs(term) {
            if unspaced {
                let chars: String = scripts::normalized(run).into_iter().collect();
                if !chars.is_empty() {
                    self.has_runs = true;
                    atoms.push(self.atom(Atom::Run { chars, scope }));
                }
                continue;
            }
            for w in words(&fold(run)) {
                let pattern = self.pattern(w, prefix && w.chars().count() >= 3);
                if phrase {
                    run_words.push(pattern);
                } else {
                    atoms.push(self.words_atom(vec![pattern], scope));
                }
            }
        }
        if !run_words.is_empty() {
            run_words.truncate(MAX_PHRASE_WORDS);
            atoms.push(self.words_atom(run_words, scope));
        }
        atoms
    }

    fn words_atom(&mut self, patterns: Vec<u32>, scope: Scope) -> u32 {
        let id = self.atoms.len() as u32;
        for (pos, &p) in patterns.iter().enumerate() {
            self.uses[p as usize].push((id, pos as u8));
        }
        self.atom(Atom::Words { patterns, scope })
    }

    fn atom(&mut self, atom: Atom) -> u32 {
        let bit = match &atom {
            Atom::Words { patterns, .. } => 1u64 << (patterns.len() - 1),
            Atom::Run { .. } => 0,
        };
        self.atoms.push(atom);
        self.last_bit.push(bit);
        (self.atoms.len() - 1) as u32
    }

    fn add_lead(&mut self, head: [u8; 3], lead: Lead) {
        let leads = self.leads.entry(head).or_default();
        if !leads.contains(&lead) {
            leads.push(lead);
        }
    }

    fn pattern(&mut self, folded: &str, prefix: bool) -> u32 {
        if let Some(i) = self
            .patterns
            .iter()
            .position(|p| &*p.folded == folded && p.prefix == prefix)
        {
            return i as u32;
        }
        let id = self.patterns.len() as u32;
        for form in query_forms(folded) {
            let bytes = form.as_bytes();
            match bytes {
                [a, b, c, ..] => {
                    self.heads.set(&[*a, *b, *c]);
                    // A stem of a longer word: the word starts with all of
                    // it but maybe its last letter (happy: happi), and
                    // with its first three letters at least.
                    // (Whole characters: a letter may take two bytes.)
                    let mut keep = (form.len() - 1).max(3);
                    while !form.is_char_boundary(keep) {
                        keep -= 1;
                    }
                    let lead = Lead::Stem(form[..keep].into());
                    self.add_lead([*a, *b, *c], lead);
                }
                [_, _] | [_] => self.short_heads.set(bytes),
                [] => continue,
            }
            let ids = self.forms.entry(form.into_boxed_str()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if prefix && let [a, b, c, ..] = folded.as_bytes() {
            self.heads.set(&[*a, *b, *c]);
            self.add_lead([*a, *b, *c], Lead::Prefix(id));
        }
        self.patterns.push(Pattern {
            folded: folded.into(),
            prefix,
        });
        self.uses.push(Vec::new());
        id
    }
}
