//! The search prompt: typing narrows the list at once (ranked results);
//! Enter keeps the results, Esc clears the search. Matched terms are
//! highlighted in the reading pane, and `]`/`[` jump between them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Focus, Severity};
use crate::store::Filter;
use crate::text::{fold, words};

impl App {
    /// Opens the prompt, starting from the current search if any.
    pub(super) fn start_search(&mut self) {
        self.prompt = Some(self.list.filter.query.clone().unwrap_or_default());
    }

    /// A key while the prompt is open. Returns true if something changed.
    pub fn prompt_key(&mut self, key: &KeyEvent) -> bool {
        let Some(mut text) = self.prompt.take() else {
            return false;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => {
                self.set_focus(Focus::List);
                self.announce_results();
                return true;
            }
            KeyCode::Esc => {
                self.apply_search(String::new());
                return true;
            }
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char('u') if ctrl => text.clear(),
            KeyCode::Char('w') if ctrl => {
                let keep = text.trim_end().rfind(' ').map_or(0, |i| i + 1);
                text.truncate(keep);
            }
            KeyCode::Char(c) if !ctrl => text.push(c),
            _ => {
                self.prompt = Some(text);
                let save = crate::action::Action::SaveSearch;
                if self.keymap.lookup(crate::keymap::Context::Global, key) == Some(save) {
                    self.start_save_search();
                    return true;
                }
                return false;
            }
        }
        self.apply_search(text.clone());
        self.prompt = Some(text);
        true
    }

    fn apply_search(&mut self, text: String) {
        let query = (!text.trim().is_empty()).then_some(text);
        self.highlight = query.as_deref().map(highlight_terms).unwrap_or_default();
        let filter = Filter {
            query,
            ..self.list.filter.clone()
        };
        let cut = filter
            .query
            .as_deref()
            .is_some_and(|q| crate::index::query::Query::parse(q).cut);
        if let Err(e) = self.search_for(filter) {
            self.notify(Severity::Error, e.to_string());
        } else if cut {
            use crate::index::query::{MAX_QUERY_BYTES, MAX_TERMS};
            self.notify(
                Severity::Info,
                format!(
                    "Query cut: its first {MAX_TERMS} different terms within {MAX_QUERY_BYTES} bytes are searched"
                ),
            );
        }
    }

    /// Scrolls the reader to the next (or previous) line with a match.
    pub(super) fn jump_to_match(&mut self, forward: bool) {
        if self.highlight.is_empty() {
            self.notify(Severity::Info, "No search: press / to search");
            return;
        }
        let terms = self.highlight.clone();
        let Some(o) = self.opened.as_mut() else {
            return;
        };
        let has = |i: &usize| matches_in(&o.lines[*i].text, &terms).next().is_some();
        let target = if forward {
            (o.scroll + 1..o.lines.len()).find(has)
        } else {
            (0..o.scroll).rev().find(has)
        };
        match target {
            Some(line) => o.scroll = line,
            None => self.notify(Severity::Info, "No more matches in this article"),
        }
    }
}

/// The prompt's summary of the results: a count, "searching…" while the
/// query typed last runs, or a hint when a word of one or two letters
/// (matched whole, not as a prefix) finds nothing yet.
pub fn prompt_summary(app: &App) -> String {
    let text = app.prompt.as_deref().unwrap_or_default();
    if app.searching() {
        return "searching…".into();
    }
    let n = app.list.total;
    if app.counting() {
        return format!("{n}+ results");
    }
    // What the query language could not use is said, the rest searched.
    if let Some(problem) = crate::index::query::Query::parse(text).problem() {
        return format!("{problem} · {}", results(n));
    }
    let last = text.split_whitespace().next_back().unwrap_or_default();
    let short = !text.ends_with(' ')
        && !last.contains(':')
        && !last.starts_with(['"', '-'])
        && (1..=2).contains(&last.chars().count())
        && last.chars().all(char::is_alphanumeric)
        && !last.chars().any(crate::text::scripts::is_unspaced);
    if n == 0 && short {
        return "keep typing: words of 3+ letters match as prefixes".into();
    }
    results(n)
}

/// "1 result", "12 results".
pub fn results(n: usize) -> String {
    if n == 1 {
        "1 result".into()
    } else {
        format!("{n} results")
    }
}

/// The folded words of a query to highlight (not excluded words, not filters).
pub fn highlight_terms(query: &str) -> Vec<String> {
    let q = crate::index::query::Query::parse(query);
    q.words
        .iter()
        .chain(q.phrases.iter())
        .flat_map(|w| words(&fold(w)).map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Byte ranges of the words in `line` that start with one of `terms`.
pub fn matches_in<'a>(
    line: &'a str,
    terms: &'a [String],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut ranges = Vec::new();
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = fold(&line[s..i]);
                if terms.iter().any(|t| word.starts_with(t.as_str())) {
                    ranges.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    ranges.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_accent_and_case_insensitive_prefix_matches() {
        let terms = highlight_terms("perche \"big tech\" -usa source:x");
        assert_eq!(terms, ["perche", "big", "tech"]);
        let line = "Ecco perché le Big Tech, usa";
        let found: Vec<&str> = matches_in(line, &terms).map(|(a, b)| &line[a..b]).collect();
        assert_eq!(found, ["perché", "Big", "Tech"]);
    }
}
