//! A description that speaks of the site rather than the story: many pages
//! carry the home page's tagline as every page's description ("Das Blog
//! Disfunctions.de - Das Blog der gnadenlosen Fehlfunktionen!", "The
//! official site of the Example Handball Federation"), or repeat the title.
//! Shown above the story it would read as its summary.

use url::Url;

/// A tagline is this short at most (characters): a longer description
/// naming the site is a summary, its address a credit's.
const TAGLINE: usize = 150;

/// Words this short say nothing of a subject ("the", "und", "des").
const MIN_WORD: usize = 4;

/// Whether `description` is the title again or the site's name alone, or
/// is a short line naming the site (its address, or its name as the
/// first words) that shares no word of the title's subject.
pub fn is_site_blurb(
    description: &str,
    title: &str,
    site_name: Option<&str>,
    url: Option<&Url>,
) -> bool {
    let lower = description.to_lowercase();
    let title_lower = title.to_lowercase();
    let site_name = site_name
        .map(str::to_lowercase)
        .filter(|n| n.chars().count() >= MIN_WORD);
    let address = url
        .and_then(Url::host_str)
        .map(|h| h.trim_start_matches("www.").to_lowercase());
    let host = address.as_deref().and_then(host_name);
    let same = |other: &str| words(&lower).eq(words(other));
    if same(&title_lower) || [&site_name, &host].into_iter().flatten().any(|n| same(n)) {
        return true;
    }
    let opens_with_name = site_name.as_deref().is_some_and(|name| {
        lower
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
    });
    let names_site = opens_with_name
        || address
            .as_deref()
            .is_some_and(|a| a.contains('.') && lower.contains(a));
    if !names_site || description.chars().count() > TAGLINE {
        return false;
    }
    let site: Vec<&str> = [&site_name, &host]
        .into_iter()
        .flatten()
        .flat_map(|name| words(name))
        .collect();
    // A title may carry the site's breadcrumbs: its longest part is the
    // story's.
    let story = title_lower
        .split(['»', '|', '–', '—', '›'])
        .flat_map(|part| part.split(" - "))
        .max_by_key(|part| part.chars().count())
        .unwrap_or_default();
    let subject: Vec<&str> = words(story)
        .filter(|w| w.chars().count() >= MIN_WORD && !site.contains(w))
        .collect();
    subject.len() >= 2 && !words(&lower).any(|w| subject.contains(&w))
}

/// The name in a host: "disfunctions" in "disfunctions.de".
fn host_name(host: &str) -> Option<String> {
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.pop()?;
    let name = labels.pop()?.to_lowercase();
    (name.chars().count() >= MIN_WORD).then_some(name)
}

/// The words of a lowercased text, without punctuation.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(u: &str) -> Url {
        Url::parse(u).expect("url")
    }

    #[test]
    fn a_tagline_naming_the_site_is_a_blurb_and_a_summary_is_not() {
        let at = url("https://www.disfunctions.de/tutorials/plex/");
        let title = "Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden";
        let tagline = "Das Blog Disfunctions.de - Das Blog der gnadenlosen Fehlfunktionen!";
        assert!(is_site_blurb(tagline, title, None, Some(&at)));
        let summary = "Wie man Podcasts in Plex einbindet, Schritt für Schritt.";
        assert!(!is_site_blurb(summary, title, None, Some(&at)));
        // Naming the site is not enough: the story's words make it a summary.
        let named = "Disfunctions.de zeigt, wie Podcasts in Plex landen.";
        assert!(!is_site_blurb(named, title, None, Some(&at)));
        // A long one is a summary, the address in it a credit's.
        let long = format!("{} Foto: disfunctions.de", "Der Server läuft. ".repeat(9));
        assert!(!is_site_blurb(&long, title, None, Some(&at)));
        // Without the site's name it may be the story's own summary.
        let own = "Readers had signed a petition; the vote ends a year of doubt.";
        assert!(!is_site_blurb(own, "Library stays open", None, Some(&at)));
    }

    #[test]
    fn a_tagline_opening_with_the_site_name_is_a_blurb() {
        let title = "Fotos im Kochbuch: was erlaubt ist";
        let blurb = "Recht am Bild - Informationen rund um das Urheberrecht.";
        let site = Some("Recht am Bild");
        assert!(is_site_blurb(blurb, title, site, None));
        assert!(!is_site_blurb(blurb, title, None, None));
        // The site as the story's subject: a summary.
        let at = url("https://www.adac.de/tests/");
        let summary = "Der ADAC hat 18 Kindersitze geprüft. Alle Daten und Ergebnisse.";
        let title = "Kindersitz-Test 2022: die Ergebnisse";
        assert!(!is_site_blurb(summary, title, Some("ADAC"), Some(&at)));
        // The site's name alone.
        assert!(is_site_blurb(
            "Engadget",
            title,
            None,
            Some(&url("https://www.engadget.com/x"))
        ));
    }

    #[test]
    fn the_title_again_is_a_blurb() {
        let title = "DITIB Türkisch-Islamische Union";
        assert!(is_site_blurb(
            "DITIB – Türkisch-Islamische Union.",
            title,
            None,
            None
        ));
    }
}
