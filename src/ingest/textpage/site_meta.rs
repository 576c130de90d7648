//! Site names and categories: the short labels around a headline.

use super::lines::{Kind, Line, marker_key};
use super::measure::eff_len;

/// Generic navigation words that are never a site name or category.
pub(super) const GENERIC: &[&str] = &[
    "news",
    "home",
    "blog",
    "menu",
    "top",
    "search",
    "notizie",
    "sections",
    "categories",
    "top categories",
    "secondary menu",
    "main menu",
    "navigation",
    "skip",
    "login",
    "sign in",
    "insights",
    "latest",
    "home page",
    "homepage",
    "accueil",
    "inicio",
    "startseite",
    "首页",
    "主页",
];

pub(super) fn is_generic(text: &str) -> bool {
    let key = marker_key(text);
    GENERIC.contains(&key.as_str()) || key.contains("categor") || key.contains("menu")
}

/// A short label usable as site name or category.
pub(super) fn is_label(line: &Line) -> bool {
    matches!(line.kind, Kind::Short | Kind::Heading)
        && line.words <= 4
        && line.eff <= 40
        && line.date.is_none()
        && line.byline.is_none()
        && !line.text.chars().any(|c| c.is_ascii_digit())
        && !is_generic(&line.text)
        && !line.text.ends_with(['.', ':', '?', '!'])
}

const SITE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " « ", " » ", " :: ", " · ", " / ",
];

/// The site name from a "<title> | <site>" style line, if the page has one.
pub(super) fn site_from_title_line(lines: &[Line], title: &str) -> Option<String> {
    let t = title.to_lowercase();
    for l in lines {
        let lower = l.text.to_lowercase();
        if lower == t || !lower.contains(&t) {
            continue;
        }
        for sep in SITE_SEPARATORS {
            if let Some(rest) = lower.strip_prefix(&t).and_then(|r| r.strip_prefix(sep)) {
                let start = l.text.len() - rest.len();
                return short_site(&l.text[start..]);
            }
            if let Some(head) = lower.strip_suffix(&t).and_then(|r| r.strip_suffix(sep)) {
                return short_site(&l.text[..head.len()]);
            }
        }
    }
    None
}

fn short_site(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && eff_len(s) <= 40 && s.split_whitespace().count() <= 5).then(|| s.to_string())
}

/// Keywords of "posted in <Category>" lines, in several languages.
const CATEGORY_LEADS: &[&str] = &[
    "pubblicato",
    "published",
    "posted",
    "filed",
    "publié",
    "publicado",
    "veröffentlicht",
    "archiviato",
    "categoria",
    "category",
    "catégorie",
    "categoría",
    "kategorie",
];
const CATEGORY_INS: &[&str] = &[
    " in ",
    " under ",
    " en ",
    " dans ",
    " nella categoria ",
    " unter ",
    ": ",
];
/// Author links glued after the category ("Conflitti Globalidi redazione").
const AUTHOR_JOINS: &[&str] = &["di ", "by ", "da ", "par ", "por ", "von "];

/// The category named in a "pubblicato il in <Category>di <author>" style line.
pub(super) fn category_of(text: &str) -> Option<String> {
    if eff_len(text) > 220 {
        return None;
    }
    let lower = text.to_lowercase();
    let lead = CATEGORY_LEADS.iter().filter_map(|k| lower.find(k)).min()?;
    let (pos, len) = CATEGORY_INS
        .iter()
        .filter_map(|m| lower[lead..].find(m).map(|p| (lead + p, m.len())))
        .min()?;
    let mut rest = &text[pos + len..];
    for stop in ["|", "·", " - ", " — ", ".", "Tag", "tag:", "Tags"] {
        if let Some(p) = rest.find(stop) {
            rest = &rest[..p];
        }
    }
    let rest_lower = rest.to_lowercase();
    if let Some(p) = AUTHOR_JOINS
        .iter()
        .filter_map(|j| rest_lower.rfind(j))
        .max()
    {
        if p > 0 {
            rest = &rest[..p];
        }
    }
    let cat = rest.trim().trim_end_matches([',', ';']).trim();
    let words = cat.split_whitespace().count();
    (!cat.is_empty()
        && words <= 5
        && eff_len(cat) <= 50
        && cat.chars().next().is_some_and(char::is_alphanumeric))
    .then(|| cat.to_string())
}

/// Most words of a site's name after a headline's bar.
const BRAND_WORDS: usize = 2;

/// Whether the line ends with " | " and a name in capitals ("… Premier
/// League | LÍBERO"): the page's name for search engines, its headline
/// followed by the site's name.
pub(super) fn ends_with_a_barred_brand(text: &str) -> bool {
    text.trim_end()
        .rsplit_once(" | ")
        .is_some_and(|(head, tail)| {
            let letters = tail.chars().filter(|c| c.is_alphabetic()).count();
            !head.trim().is_empty()
                && letters >= 3
                && tail.split_whitespace().count() <= BRAND_WORDS
                && tail.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories() {
        assert_eq!(
            category_of("pubblicato il in Conflitti Globalidi redazioneTag correlati:").as_deref(),
            Some("Conflitti Globali")
        );
        assert_eq!(category_of("Posted in News").as_deref(), Some("News"));
        assert_eq!(
            category_of("Published in World by Ann Lee").as_deref(),
            Some("World")
        );
    }
}
