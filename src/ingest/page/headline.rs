//! The page's headline, from its `<h1>` and the titles its metadata gives.

use dom_query::Document;

use super::escapes;
use crate::ingest::htmltext::squash;

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " // "];

/// The headline: the JSON-LD headline or og:title (without a site suffix)
/// unless it shares no word with an `<h1>` a metadata title confirms (see
/// [`confirmed_h1`]), else that `<h1>`, else `<title>` without its site
/// suffix, else the first `<h1>`.
pub(super) fn choose_title(
    doc: &Document,
    get: &dyn Fn(&[&str]) -> Option<String>,
    ld_headline: Option<String>,
    site: Option<&str>,
) -> Option<String> {
    let title_tag = doc
        .select("title")
        .nodes()
        .first()
        .map(|t| squash(&t.text()))
        .filter(|t| !t.is_empty());
    let h1s: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .take(5)
        .map(|h| squash(&h.text()))
        .filter(|h| h.chars().count() > 2)
        .collect();
    let named = named_titles(doc, ld_headline.as_deref(), title_tag.as_deref());
    let confirmed = confirmed_h1(&h1s, &named);
    if let Some(declared) = ld_headline
        .or_else(|| get(&["og:title", "twitter:title", "dc.title"]))
        .map(|t| strip_site(&t, site))
    {
        // A declared title that shares no word with the headline the page
        // shows and names itself by is a template's leftover or the site's
        // name ("escenic", "International Biathlon Union").
        return Some(match confirmed {
            Some(h1) if !shares_a_word(h1, &declared) => h1.clone(),
            _ => declared,
        });
    }
    if let Some(h1) = confirmed {
        return Some(h1.clone());
    }
    title_tag
        .map(|t| strip_site(&t, site))
        .or_else(|| h1s.into_iter().next())
}

/// A title without a trailing (or leading) " | Site" part; a trail of two
/// short parts ("Headline » Blogs - Science Site") loses both.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(site) = site.filter(|s| !s.is_empty()) {
            if let Some(head) = title.strip_suffix(&format!("{sep}{site}")) {
                return head.trim().to_string();
            }
            if let Some(tail) = title.strip_prefix(&format!("{site}{sep}")) {
                return tail.trim().to_string();
            }
        }
    }
    match short_part_off(title) {
        Some(head) => short_part_off(head).unwrap_or(head).trim().to_string(),
        None => title.trim().to_string(),
    }
}

/// A title less its last part when that part is short (three words at
/// most) and what goes before it is not (three words or more).
fn short_part_off(title: &str) -> Option<&str> {
    let words = |s: &str| s.split_whitespace().count();
    TITLE_SEPARATORS.iter().find_map(|sep| {
        title
            .rsplit_once(sep)
            .filter(|(head, tail)| words(tail) <= 3 && words(head) >= 3)
            .map(|(head, _)| head)
    })
}

/// `<meta>` keys whose value names the page's title.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "title"];

/// Every title the page's metadata gives, folded: the JSON-LD headline,
/// `<title>` and each title `<meta>` (a page may give two Twitter titles).
fn named_titles(doc: &Document, ld_headline: Option<&str>, title_tag: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = ld_headline.into_iter().chain(title_tag).map(fold).collect();
    for node in doc.select("meta").nodes() {
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| node.attr(a))
            .map(|k| k.trim().to_ascii_lowercase());
        if key.is_some_and(|k| TITLE_KEYS.contains(&k.as_str()))
            && let Some(value) = node.attr("content").or_else(|| node.attr("value"))
        {
            out.push(fold(&escapes::unescaped(&squash(&value))));
        }
    }
    out
}

/// Marks that part a headline from its site's name in a title.
const SITE_MARKS: &[char] = &['|', '-', '–', '—', '·', ':', '»', '/'];

/// The `<h1>` a metadata title confirms: one that is a title word for word,
/// else one that opens a title before a separator and a shorter site part
/// ("Headline | Site") or another heading, else one that closes a title
/// after a shorter part.
/// What the page shows in its heading and names itself by is its headline;
/// a social title alone ("It's been a rough few months for SpaceX") is
/// often written apart from it, and a JSON-LD headline may be a template's
/// leftover.
fn confirmed_h1<'a>(h1s: &'a [String], named: &[String]) -> Option<&'a String> {
    let folded: Vec<String> = h1s.iter().map(|h| fold(h)).collect();
    let same = |h: &str| named.iter().any(|t| t == h);
    // A title split between two headings ("Alles hat seine Zeit… | Marktplatz
    // für ein gutes Leben") names its headline first.
    let opens = |h: &str| {
        named.iter().any(|t| {
            t.strip_prefix(h).is_some_and(|rest| {
                let rest = rest.trim();
                let other = rest.trim_start_matches(SITE_MARKS).trim();
                rest.starts_with(SITE_MARKS)
                    && (rest.len() < h.len() || folded.iter().any(|f| f == other))
            })
        })
    };
    let closes = |h: &str| {
        named.iter().any(|t| {
            t.strip_suffix(h).is_some_and(|rest| {
                let rest = rest.trim();
                rest.len() < h.len() && rest.ends_with(SITE_MARKS)
            })
        })
    };
    let tests: [&dyn Fn(&str) -> bool; 3] = [&same, &opens, &closes];
    tests
        .iter()
        .find_map(|test| folded.iter().position(|h| test(h)))
        .map(|i| &h1s[i])
}

/// Whether two titles share a word of three letters or more.
fn shares_a_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_string)
            .collect()
    };
    let theirs = words(b);
    words(a).iter().any(|w| theirs.contains(w))
}

fn fold(s: &str) -> String {
    squash(&s.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page::meta::PageMeta;

    fn title_of(head: &str, body: &str) -> Option<String> {
        let doc = Document::from(format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        ));
        PageMeta::read(&doc, None).title
    }

    #[test]
    fn a_declared_title_sharing_no_word_with_the_confirmed_heading_is_a_leftover() {
        let head = "<title>Plumber jailed after boiler leak</title>\
            <script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \
            \"headline\": \"escenic\"}</script>";
        let title = title_of(head, "<h1>Plumber jailed after boiler leak</h1>");
        assert_eq!(title.as_deref(), Some("Plumber jailed after boiler leak"));
    }

    #[test]
    fn a_declared_title_telling_the_same_story_is_kept() {
        let head = "<title>How we built our task queue - Example</title>\
            <meta property=\"og:title\" content=\"How we designed the task queue\">";
        let title = title_of(head, "<h1>How we built our task queue</h1>");
        assert_eq!(title.as_deref(), Some("How we designed the task queue"));
    }

    #[test]
    fn a_title_split_between_two_headings_names_its_headline_first() {
        let head = "<title>Everything has its time | Market for a good life in the valley</title>";
        let body = "<h1>Market for a good life in the valley</h1><h1>Everything has its time</h1>";
        assert_eq!(
            title_of(head, body).as_deref(),
            Some("Everything has its time")
        );
    }

    #[test]
    fn site_suffixes_are_stripped() {
        assert_eq!(
            strip_site("Big news today | The Paper", Some("The Paper")),
            "Big news today"
        );
        assert_eq!(strip_site("Big news today - Paper", None), "Big news today");
        assert_eq!(strip_site("A - B", None), "A - B");
        assert_eq!(
            strip_site("Big news today » Blogs - Science Site", None),
            "Big news today"
        );
    }
}
