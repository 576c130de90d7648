//! The phrase lists that page lines are searched for (see `lines` and
//! `widgets`), looked for together in one pass over a line. Searching
//! each of about 150 phrases in turn walked a line once per phrase; one
//! Aho-Corasick automaton walks it once and reports every phrase it
//! holds, overlapping ones too, so what is found is what each list's own
//! search would find.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::phrases::{CREDITS, DISCLOSURES, NOTICES};
use super::prompts::LOGIN_PROMPTS;
use super::widgets::{CONSENT, DOWNLOAD, PAYWALL, STOCK};

/// The lists searched, each a kind of line about the page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum List {
    Notice,
    Disclosure,
    Consent,
    Paywall,
    Login,
    Download,
    Credit,
    Stock,
}

const LISTS: &[(List, &[&str])] = &[
    (List::Notice, NOTICES),
    (List::Disclosure, DISCLOSURES),
    (List::Consent, CONSENT),
    (List::Paywall, PAYWALL),
    (List::Login, LOGIN_PROMPTS),
    (List::Download, DOWNLOAD),
    (List::Credit, CREDITS),
    (List::Stock, STOCK),
];

// Which notices a line holds is kept as bits of one word.
const _: () = assert!(NOTICES.len() <= 64);

/// The automaton, and for each of its patterns the list it comes from
/// and its place there.
struct Phrases {
    finder: AhoCorasick,
    owners: Vec<(List, usize)>,
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let owners = LISTS
        .iter()
        .flat_map(|(list, phrases)| (0..phrases.len()).map(|i| (*list, i)))
        .collect();
    let patterns = LISTS.iter().flat_map(|(_, phrases)| phrases.iter());
    // The default, a contiguous NFA: a DFA walks a line in about half the
    // time but takes five times as long to build, more than it saves on an
    // import of a few pages. Building fails only past size limits that some
    // 150 short phrases are far below.
    let finder = AhoCorasick::new(patterns).expect("the phrase lists build an automaton");
    Phrases { finder, owners }
});

/// What one pass found in a line (lowercased as the lists are).
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct Found {
    /// Bit `i` set: `NOTICES[i]` is in the line.
    notices: u64,
    pub disclosure: bool,
    pub consent: bool,
    pub paywall: bool,
    pub login: bool,
    pub download: bool,
    /// Where the last of the credit markers starts (byte offset).
    pub credit: Option<usize>,
    /// Where the last stock library's name starts.
    pub stock: Option<usize>,
}

impl Found {
    /// How many different notice phrases the line holds.
    pub fn notices(&self) -> usize {
        self.notices.count_ones() as usize
    }
}

/// The phrases of every list that `text` holds, in one pass.
pub(super) fn scan(text: &str) -> Found {
    let phrases = &*PHRASES;
    let mut found = Found::default();
    for m in phrases.finder.find_overlapping_iter(text) {
        let (list, i) = phrases.owners[m.pattern().as_usize()];
        let last = |at: Option<usize>| Some(at.map_or(m.start(), |a| a.max(m.start())));
        match list {
            List::Notice => found.notices |= 1 << i,
            List::Disclosure => found.disclosure = true,
            List::Consent => found.consent = true,
            List::Paywall => found.paywall = true,
            List::Login => found.login = true,
            List::Download => found.download = true,
            List::Credit => found.credit = last(found.credit),
            List::Stock => found.stock = last(found.stock),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What searching each phrase in turn finds.
    fn one_by_one(text: &str) -> Found {
        let any = |list: &[&str]| list.iter().any(|p| text.contains(p));
        let last = |list: &[&str]| list.iter().filter_map(|p| text.rfind(p)).max();
        let mut notices = 0;
        for (i, p) in NOTICES.iter().enumerate() {
            if text.contains(p) {
                notices |= 1 << i;
            }
        }
        Found {
            notices,
            disclosure: any(DISCLOSURES),
            consent: any(CONSENT),
            paywall: any(PAYWALL),
            login: any(LOGIN_PROMPTS),
            download: any(DOWNLOAD),
            credit: last(CREDITS),
            stock: last(STOCK),
        }
    }

    #[test]
    fn one_pass_finds_what_each_search_finds() {
        let mut lines = vec![
            String::new(),
            "the council voted on tuesday to keep the library open.".to_string(),
            "copyright 2024 agency. all rights reserved. may not be reproduced.".to_string(),
            "foto: jane doe / shutterstock © agency, photo: istock · 3 min read".to_string(),
            "minutes read min read minute read: overlapping notices".to_string(),
            "download the report as pdf (affiliate link) — we use cookies".to_string(),
        ];
        // Every phrase alone, inside a sentence, and next to every other.
        let all: Vec<&str> = LISTS.iter().flat_map(|(_, p)| p.iter().copied()).collect();
        for p in &all {
            lines.push((*p).to_string());
            lines.push(format!("a line saying {p} among its words"));
        }
        for pair in all.windows(2) {
            lines.push(format!("{} {}{}", pair[0], pair[1], pair[0]));
        }
        for line in &lines {
            assert_eq!(scan(line), one_by_one(line), "{line:?}");
        }
        let found = scan("3 min read · all rights reserved");
        assert_eq!(found.notices(), 2);
    }
}
