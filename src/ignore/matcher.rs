//! Testing one article against every compiled rule in one pass over its
//! words. Words are folded as search folds them; each is looked up among
//! the rules' word forms (exact, by the prefix a rule word gives, and by its
//! Italian and English stems when a form starts like it), and phrases
//! advance as bit states (shift-and). Buffers live in the matcher, so an
//! article costs no allocation beyond the stem cache's growth.

mod lanes;
mod prefilter;

use rustc_hash::FxHashMap;

use super::compile::{Atom, Compiled, Lead, Scope};
use super::words::WordBits;
use crate::model::Article;
use crate::text::scripts;
use crate::text::stem::{Analyzer, Lang};
use crate::text::{fold_into, words};

/// Tests articles against compiled rules; one per thread.
pub struct Matcher<'r> {
    c: &'r Compiled,
    analyzer: Analyzer,
    folded: String,
    stem: String,
    run: String,
    source: String,
    author: String,
    /// Atoms found in the current article.
    hit: Vec<bool>,
    /// Shift-and state of each atom of words.
    state: Vec<u64>,
    /// New state of the atoms the current word touches.
    next: Vec<u64>,
    active: Vec<u32>,
    touched: Vec<u32>,
    matched: Vec<u32>,
    /// Rules whose name filters the current article passes.
    candidates: Vec<u32>,
    /// Patterns matched by words met before (only words that pass the
    /// first filter).
    memo: FxHashMap<Box<str>, Box<[u32]>>,
    bits: WordBits,
    /// A word of ASCII bytes, lower-cased (`prefilter`).
    lowered: String,
    /// The forms of one or two bytes and their patterns (`prefilter`).
    short_forms: Vec<ShortForm>,
    lanes: lanes::Lanes,
    /// Where each pattern was met in the current article (`prefilter`).
    seen: Vec<u8>,
    /// Reads every article in full (tests compare both ways).
    #[cfg(test)]
    pub(super) unfiltered: bool,
}

/// A form of one or two bytes and the patterns it stands for.
type ShortForm = (Box<[u8]>, Box<[u32]>);

/// Words remembered at most (then forgotten all at once).
const MEMO_LIMIT: usize = 100_000;

impl<'r> Matcher<'r> {
    pub(super) fn new(c: &'r Compiled) -> Matcher<'r> {
        let n = c.atoms.len();
        Matcher {
            c,
            analyzer: Analyzer::default(),
            folded: String::new(),
            stem: String::new(),
            run: String::new(),
            source: String::new(),
            author: String::new(),
            hit: vec![false; n],
            state: vec![0; n],
            next: vec![0; n],
            active: Vec::new(),
            touched: Vec::new(),
            matched: Vec::new(),
            candidates: Vec::new(),
            memo: FxHashMap::default(),
            bits: WordBits::default(),
            lowered: String::new(),
            short_forms: c
                .forms
                .iter()
                .filter(|(form, _)| form.len() < 3)
                .map(|(form, ids)| (form.as_bytes().into(), ids.as_slice().into()))
                .collect(),
            lanes: lanes::Lanes::default(),
            seen: vec![0; c.patterns.len()],
            #[cfg(test)]
            unfiltered: false,
        }
    }

    /// The index of the first rule `article` matches; `tags` are those of
    /// the feed it comes from.
    pub fn first_match(&mut self, article: &Article, tags: &[String]) -> Option<usize> {
        self.choose_candidates(article, tags);
        if self.candidates.is_empty() {
            return None;
        }
        let c = self.c;
        let needs_text = |candidates: &[u32]| {
            candidates.iter().any(|&r| {
                let rule = &c.rules[r as usize];
                !rule.required.is_empty() || !rule.excluded.is_empty()
            })
        };
        let mut read = needs_text(&self.candidates);
        #[cfg(test)]
        let filtered = !self.unfiltered;
        #[cfg(not(test))]
        let filtered = true;
        if read && filtered && self.drop_impossible(article) {
            if self.candidates.is_empty() {
                return None;
            }
            read = needs_text(&self.candidates);
        }
        if read {
            self.hit.fill(false);
            self.scan(&article.title, true);
            if let Some(s) = &article.standfirst {
                self.scan(s, false);
            }
            for p in &article.body {
                self.scan(p, false);
            }
        }
        let hit = &self.hit;
        self.candidates.iter().map(|&r| r as usize).find(|&r| {
            let rule = &c.rules[r];
            rule.required.iter().all(|&a| hit[a as usize])
                && !rule.excluded.iter().any(|&a| hit[a as usize])
        })
    }

    /// Rules whose `source:`, `tag:` and `author:` the article passes.
    fn choose_candidates(&mut self, article: &Article, tags: &[String]) {
        self.candidates.clear();
        let c = self.c;
        let (mut source, mut author) = (None, None);
        let mut tag_keys: Option<Vec<String>> = None;
        for (i, rule) in c.rules.iter().enumerate() {
            if let Some(wanted) = &rule.source {
                let has = *source.get_or_insert_with(|| {
                    name_key(
                        article.source.as_deref(),
                        &mut self.folded,
                        &mut self.source,
                    )
                });
                if !(has && wanted.names(&self.source)) {
                    continue;
                }
            }
            if let Some(wanted) = &rule.author {
                let has = *author.get_or_insert_with(|| {
                    name_key(
                        article.byline.as_deref(),
                        &mut self.folded,
                        &mut self.author,
                    )
                });
                if !(has && wanted.names(&self.author)) {
                    continue;
                }
            }
            if let Some(wanted) = &rule.tag {
                let keys = tag_keys
                    .get_or_insert_with(|| tags.iter().map(|t| crate::text::fold_key(t)).collect());
                if !keys.iter().any(|k| wanted.names(k)) {
                    continue;
                }
            }
            self.candidates.push(i as u32);
        }
    }

    /// Reads one field (`title`: the title, else standfirst or a
    /// paragraph of the body).
    fn scan(&mut self, text: &str, title: bool) {
        if self.c.has_runs && scripts::may_have_unspaced(text) {
            for (unspaced, run) in scripts::runs(text) {
                if unspaced {
                    self.scan_run(run, title);
                } else {
                    self.scan_words(run, title);
                }
            }
        } else {
            self.scan_words(text, title);
        }
    }

    fn scan_run(&mut self, run: &str, title: bool) {
        self.run.clear();
        scripts::normalized_into(run, &mut self.run);
        for (i, atom) in self.c.atoms.iter().enumerate() {
            if let Atom::Run { chars, scope } = atom
                && (title || *scope == Scope::Text)
                && self.run.contains(chars.as_str())
            {
                self.hit[i] = true;
            }
        }
    }

    fn scan_words(&mut self, text: &str, title: bool) {
        let mut folded = std::mem::take(&mut self.folded);
        folded.clear();
        fold_into(&mut folded, text);
        self.reset();
        let mut bits = std::mem::take(&mut self.bits);
        bits.mark(&folded);
        let (bytes, len) = (folded.as_bytes(), folded.len());
        let c = self.c;
        for start in bits.starts() {
            // Most words are passed over on their first bytes.
            let candidate = match bytes.get(start..start + 3) {
                Some(head) if bits.is_set(start + 2) && bits.is_set(start + 1) => c.heads.has(head),
                _ => c.short_heads.has(&bytes[start..bits.end(start, len)]),
            };
            if !candidate {
                // A word matching nothing breaks every phrase under way.
                self.reset();
                continue;
            }
            if let Some(w) = folded.get(start..bits.end(start, len)) {
                self.word(w, title);
            }
        }
        self.reset();
        self.folded = folded;
        self.bits = bits;
    }

    fn reset(&mut self) {
        for &a in &self.active {
            self.state[a as usize] = 0;
        }
        self.active.clear();
    }

    /// A word whose first bytes some pattern starts with: looked up once
    /// and remembered (news repeats its words), its patterns move their
    /// atoms on.
    fn word(&mut self, w: &str, title: bool) {
        self.patterns_of(w);
        self.advance(title);
    }

    /// Puts the patterns `w` matches in `matched`.
    fn patterns_of(&mut self, w: &str) {
        self.matched.clear();
        if let Some(ids) = self.memo.get(w) {
            self.matched.extend_from_slice(ids);
        } else {
            self.look_up(w);
            if self.memo.len() >= MEMO_LIMIT {
                self.memo.clear();
            }
            self.memo
                .insert(w.into(), self.matched.clone().into_boxed_slice());
        }
    }

    /// The patterns a word matches: its exact forms, the rule words it
    /// begins, and the forms its stems are.
    fn look_up(&mut self, w: &str) {
        let c = self.c;
        if let Some(ids) = c.forms.get(w) {
            self.matched.extend_from_slice(ids);
        }
        let [a, b, d, ..] = w.as_bytes() else { return };
        let mut stem = false;
        for lead in c.leads.get(&[*a, *b, *d]).into_iter().flatten() {
            match lead {
                Lead::Prefix(p) => {
                    if w.starts_with(&*c.patterns[*p as usize].folded) {
                        self.matched.push(*p);
                    }
                }
                Lead::Stem(start) => stem |= w.starts_with(&**start),
            }
        }
        if stem {
            for lang in [Lang::Italian, Lang::English] {
                self.stem.clear();
                self.analyzer.stem_into(lang, w, &mut self.stem);
                if self.stem != w
                    && let Some(ids) = c.forms.get(self.stem.as_str())
                {
                    self.matched.extend_from_slice(ids);
                }
            }
        }
    }

    /// Moves the atoms of the matched patterns on.
    fn advance(&mut self, title: bool) {
        let c = self.c;
        if self.matched.is_empty() && self.active.is_empty() {
            return;
        }
        self.touched.clear();
        for &p in &self.matched {
            for &(atom, pos) in &c.uses[p as usize] {
                let a = atom as usize;
                if !title && c.atoms[a].scope() == Scope::Title {
                    continue;
                }
                if self.next[a] == 0 {
                    self.touched.push(atom);
                }
                self.next[a] |= 1 << pos;
            }
        }
        // Shift-and: an atom's state holds bit i when its first i+1
        // patterns matched the words up to this one.
        for &atom in &self.touched {
            let a = atom as usize;
            self.next[a] &= (self.state[a] << 1) | 1;
        }
        self.reset();
        for &atom in &self.touched {
            let a = atom as usize;
            let s = std::mem::take(&mut self.next[a]);
            if s & c.last_bit[a] != 0 {
                self.hit[a] = true;
            }
            if s != 0 {
                self.state[a] = s;
                self.active.push(atom);
            }
        }
    }
}

/// Puts a name's folded key (as `fold_key` makes it) in `out`; false
/// when there is no name.
fn name_key(name: Option<&str>, folded: &mut String, out: &mut String) -> bool {
    let Some(name) = name else { return false };
    folded.clear();
    fold_into(folded, name);
    out.clear();
    for w in words(folded) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    true
}
