//! Bylines and writers' names.

use super::dates;
use super::lines::{Kind, Line, marker_key};
use super::measure::{eff_len, is_cjk, is_year};

/// Byline prefixes that are dropped ("By Jane Roe" -> "Jane Roe").
const BY_PREFIX: &[&str] = &[
    "by",
    "di",
    "par",
    "por",
    "von",
    "door",
    "av",
    "af",
    "autore:",
    "author:",
    "columnist:",
    "kolumnist:",
    "kolumnistin:",
    "kolumnist*in:",
];
/// Verbs a blog sets before its byline ("Posted by", "Geschrieben von").
const POSTED: &[&str] = &[
    "posted",
    "written",
    "geschrieben",
    "verfasst",
    "veröffentlicht",
    "publié",
    "écrit",
    "pubblicato",
    "scritto",
    "publicado",
    "escrito",
    "geschreven",
];
/// Words that lead from a blog's byline to the category of the post
/// ("Posted by Anna in Travel").
const FILED_IN: &[&str] = &["in", "im", "en", "under", "unter", "dans", "sotto"];
/// Credit prefixes kept as written ("da Radio Blackout": "from", not "by").
const FROM_PREFIX: &[&str] = &["da", "from", "via", "fonte:", "source:"];

fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // A compound opened by an initialism ("HR-Trends", "EU-Gipfel") is a
    // noun: a name's parts are each capitalised ("Jean-Luc").
    let initialism = w
        .split_once('-')
        .is_some_and(|(head, _)| head.chars().count() >= 2 && head.chars().all(char::is_uppercase));
    (first.is_uppercase() || first == '@')
        && !initialism
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | ',' | '@' | '_'))
}

/// Most words of the role and outlet after a name in an attribution.
const ROLE_WORDS: usize = 12;

/// Whether a line credits a speaker: a name of two to four words, a comma,
/// then a role and outlet ("Donna Abood, principal and managing director,
/// Avison Young"). Set over or under what the speaker said, it heads no
/// other story.
/// A quote's credit opened by a dash ("– Kyle Hughes, Writer") may name
/// the role in capitals.
pub(super) fn is_attribution(text: &str) -> bool {
    let text = text.trim();
    let dashed = text.strip_prefix(['–', '—', '-']).map(str::trim_start);
    let (name, role) = match dashed.unwrap_or(text).split_once(", ") {
        Some((name, role)) => (name, Some(role)),
        None if dashed.is_some() => (dashed.unwrap_or(text), None),
        None => return false,
    };
    let names: Vec<&str> = name.split_whitespace().collect();
    let role_ok = role.is_none_or(|role| {
        (1..=ROLE_WORDS).contains(&role.split_whitespace().count())
            && (dashed.is_some() || role.chars().next().is_some_and(char::is_lowercase))
            && !role.trim_end().ends_with(['.', '!', '?', ':'])
    });
    (2..=4).contains(&names.len())
        && names.iter().all(|w| is_name_word(w) && !w.ends_with(','))
        && role_ok
}

/// Whether a word (lower-cased) opens a credit as "by" does.
pub(super) fn is_by_word(word: &str) -> bool {
    BY_PREFIX.contains(&word)
}

/// Words that introduce the date after a credit ("By Anna Rossi Updated
/// on March 2").
const DATE_LABELS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "aggiornato",
    "pubblicato",
    "publié",
    "actualizado",
    "publicado",
    "aktualisiert",
    "veröffentlicht",
];

/// Cuts a trailing date, time, pipe section or handle off a credit line.
/// Words between a credit's name and its date ("on", "am", "le").
const DATE_LEADS: &[&str] = &["on", "am", "le", "el", "il", "op", "den", "vom", "dnia"];

fn clean_credit(words: &[&str]) -> String {
    let end = dates::date_start_word(words).unwrap_or(words.len());
    let mut out: Vec<&str> = Vec::new();
    for w in &words[..end] {
        if matches!(*w, "|" | "/" | "·" | "•" | "—" | "–" | "-")
            || w.starts_with('@')
            || DATE_LABELS.contains(&w.to_lowercase().as_str())
        {
            break;
        }
        out.push(w);
    }
    // The word that leads into the date ("Anna Rossi am 18. September").
    if end < words.len()
        && out
            .last()
            .is_some_and(|w| DATE_LEADS.contains(&w.to_lowercase().as_str()))
    {
        out.pop();
    }
    out.join(" ")
        .trim_end_matches([',', ';', ':', '|', '/'])
        .trim()
        .to_string()
}

/// The credit carried by a byline-like line, or None.
pub(super) fn byline_of(text: &str) -> Option<String> {
    if eff_len(text) > 140 || text.ends_with('.') && !text.ends_with(" Jr.") {
        return None;
    }
    if let Some(credit) = labelled_credit(text).or_else(|| role_credit(text)) {
        return Some(credit);
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    // A blog's "Posted by DT in Tagebuch": the verb goes, and so does the
    // category the post was filed in.
    let posted = words.len() > 2
        && POSTED.contains(&words[0].to_lowercase().as_str())
        && BY_PREFIX.contains(&words[1].to_lowercase().as_str());
    if posted {
        words.remove(0);
        if let Some(at) = words.iter().position(|w| FILED_IN.contains(w)) {
            words.truncate(at);
        }
    }
    let first = words.first()?.to_lowercase();
    let rest = &words[1..];
    if rest.is_empty() || rest.len() > 16 || !is_name_word(rest[0]) {
        return None;
    }
    if BY_PREFIX.contains(&first.as_str()) {
        let credit = clean_credit(rest);
        let nouns = first == "von" && joins_single_words(&credit);
        return (!credit.is_empty() && !nouns).then_some(credit);
    }
    if FROM_PREFIX.contains(&first.as_str()) && rest.len() <= 6 {
        let credit = clean_credit(rest);
        return (!credit.is_empty()).then(|| format!("{} {credit}", words[0]));
    }
    None
}

/// Whether a credit joins parts of one word each ("Risiken und
/// Nebenwirkungen"): German capitalises its nouns, so "Von Risiken und
/// Nebenwirkungen" is a subheading, where "Von Anna Berg und Tom Roth"
/// names two writers.
fn joins_single_words(credit: &str) -> bool {
    let parts: Vec<&str> = credit
        .split([',', '&'])
        .flat_map(|p| p.split(" und "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2 && parts.iter().any(|p| p.split_whitespace().count() < 2)
}

/// Chinese, Japanese and Korean credit labels: source, author, editor,
/// reporter.
const CJK_CREDIT_LABELS: &[&str] = &[
    "来源",
    "來源",
    "作者",
    "编辑",
    "編輯",
    "责任编辑",
    "責任編輯",
    "记者",
    "記者",
    "出典",
    "출처",
    "기자",
];

/// A CJK credit line (`来源： 中国日报网`), kept as written.
fn labelled_credit(text: &str) -> Option<String> {
    let text = text.trim();
    let label = CJK_CREDIT_LABELS.iter().find(|l| text.starts_with(*l))?;
    let rest = text[label.len()..].trim_start();
    let value = rest.strip_prefix(['：', ':'])?.trim();
    (!value.is_empty() && eff_len(value) <= 40).then(|| text.to_string())
}

/// Chinese and Japanese newsroom roles written before a reporter's name
/// (`編集委員 中沢克二`: senior staff writer, editorial writer, correspondent).
const CJK_ROLES: &[&str] = &[
    "編集委員",
    "論説委員",
    "解説委員",
    "特派員",
    "記者",
    "本报记者",
    "记者",
    "特约记者",
];

/// A CJK role then a name of two to eight CJK characters (`特派員 山田太郎`).
fn role_credit(text: &str) -> Option<String> {
    let text = text.trim();
    let (role, name) = text.split_once(' ')?;
    let name_chars = name.chars().filter(|c| *c != ' ').count();
    let ok = CJK_ROLES.contains(&role)
        && (2..=8).contains(&name_chars)
        && name.split(' ').count() <= 2
        && name.chars().all(|c| c == ' ' || is_cjk(c));
    ok.then(|| text.to_string())
}

/// Letters of a word from which it is a compound noun, not a name.
const NOUN_LETTERS: usize = 16;

/// A line that is just a person's name ("Jane Roe", "Jane Roe, @jroe", "Jane Roe March 9, 2017").
pub(super) fn bare_name(line: &Line) -> Option<String> {
    if line.eff > 80 || line.kind == Kind::Text || line.kind == Kind::Boiler {
        return None;
    }
    let words: Vec<&str> = line.text.split_whitespace().collect();
    // A name then a date is a credit ("Jane Roe 5 min read", "Jane
    // RoeMay 3, 2011 at 5:39 AM" too); a headline with a number in it
    // ("Rocket Pass 4 in Rocket League brings …", "Annual Meeting 2015 of
    // the Town Council") goes on past it in words.
    let words_after = |at: usize| {
        words[at..]
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .count()
    };
    if dates::date_start_word(&words).is_some_and(|at| words_after(at) >= 3) && line.date.is_none()
    {
        return None;
    }
    // A year then a word of the sentence ("Boot Tulln 2022 abgesagt") ends
    // a headline; a credit's year comes last or before its time.
    if words
        .windows(2)
        .any(|w| is_year(w[0]) && super::measure::is_sentence_word(w[1]))
    {
        return None;
    }
    if is_name_list(line.text.trim()) {
        return Some(line.text.trim().to_string());
    }
    // A price names a product or an offer, never a person.
    if super::measure::has_price(&line.text) {
        return None;
    }
    // A word this long is a compound noun ("Holländerholzhandel"), no
    // part of a person's name.
    if words.iter().any(|w| {
        !w.contains('-') && w.chars().filter(|c| c.is_alphabetic()).count() >= NOUN_LETTERS
    }) {
        return None;
    }
    let name = clean_credit(&words);
    let parts: Vec<&str> = name.split_whitespace().collect();
    let ok = (2..=4).contains(&parts.len())
        && !phrase_after(&words[parts.len()..])
        && parts.iter().all(|w| {
            is_name_word(w)
                || matches!(*w, "de" | "di" | "van" | "von" | "da" | "del" | "la" | "le")
        })
        && is_name_word(parts[0])
        && !super::site_meta::GENERIC.contains(&marker_key(&name).as_str());
    ok.then_some(name)
}

/// Words that join the last two names of a list of writers.
const NAME_JOINS: &[&str] = &[" and ", " und ", " y ", " et ", " e ", " i ", " & ", " en "];

/// Most names in a list of writers.
const LIST_NAMES: usize = 5;

/// Whether the line lists two to five writers' names of two or three
/// words each, between commas or joined by "and" ("Isabel Caro, Rocío
/// Latorre y José Miguel Wilson"): a credit of several writers.
pub(super) fn is_name_list(text: &str) -> bool {
    let mut joined = text.to_string();
    for j in NAME_JOINS {
        joined = joined.replace(j, ", ");
    }
    let parts: Vec<&str> = joined.split(',').map(str::trim).collect();
    (2..=LIST_NAMES).contains(&parts.len())
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            (2..=3).contains(&words.len())
                && words
                    .iter()
                    .all(|w| is_name_word(w) && !w.ends_with([',', '.']))
        })
}

/// Whether the words after a name's cut ("- the prejudice you're allowed
/// to boast about") are a phrase of lower-case words: the line is then a
/// headline, not a credit with a role or an outlet after it.
fn phrase_after(rest: &[&str]) -> bool {
    let words: Vec<&&str> = rest
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let lower = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    words.len() >= 3 && lower * 2 > words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_german_subheading_opening_with_von_is_no_byline() {
        assert_eq!(byline_of("Von Risiken und Nebenwirkungen"), None);
        assert_eq!(
            byline_of("Von Anna Berg und Tom Roth").as_deref(),
            Some("Anna Berg und Tom Roth")
        );
        assert_eq!(byline_of("Von Anna Berg").as_deref(), Some("Anna Berg"));
    }

    #[test]
    fn a_long_compound_noun_is_no_name() {
        let line =
            |t: &str| super::super::lines::build(super::super::lines::split_lines(t)).remove(0);
        assert!(bare_name(&line("Der Holländerholzhandel")).is_none());
        assert!(bare_name(&line("Anna Schwarzenegger")).is_some());
    }

    #[test]
    fn a_compound_opened_by_an_initialism_is_no_name() {
        assert!(!is_name_word("HR-Trends"));
        assert!(!is_name_word("EU-Gipfel"));
        assert!(is_name_word("Jean-Luc"));
        assert!(is_name_word("Müller-Lüdenscheidt"));
    }

    #[test]
    fn cjk_credit_lines_are_bylines() {
        assert_eq!(
            byline_of("来源： 中国日报网").as_deref(),
            Some("来源： 中国日报网")
        );
        assert_eq!(byline_of("来源"), None);
        assert_eq!(byline_of("作者：张三").as_deref(), Some("作者：张三"));
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_of("By Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(
            byline_of("da Radio Blackout").as_deref(),
            Some("da Radio Blackout")
        );
        assert_eq!(
            byline_of("Di Valentina Mantua").as_deref(),
            Some("Valentina Mantua")
        );
        assert_eq!(
            byline_of("by Laura June Topolsky July 10, 2015").as_deref(),
            Some("Laura June Topolsky")
        );
        assert_eq!(byline_of("Di più."), None);
        assert_eq!(byline_of("da oggi si cambia"), None);
    }
}
