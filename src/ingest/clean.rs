//! The last step before anything an importer read is kept: control
//! characters are removed from every text field (see
//! `text::controls::strip_controls`) and addresses that would run code or
//! embed a document (`javascript:`, `vbscript:`, `data:`) are dropped.
//! Articles pass here in `Prepared::new`, the one way into the store; feed
//! titles, subscriptions and advertised feeds at the end of `parse_bytes`.

use super::Parsed;
use crate::model::{Article, Link, RelatedEntry, Subscription};
use crate::text::controls::strip_controls;
use crate::urlnorm::is_script_url;

/// Cleans every text field and address of an article.
pub fn article(a: &mut Article) {
    strip_controls(&mut a.id);
    strip_controls(&mut a.title);
    for field in [
        &mut a.source,
        &mut a.guid,
        &mut a.byline,
        &mut a.standfirst,
        &mut a.category,
        &mut a.lang,
    ] {
        text(field);
    }
    address(&mut a.url);
    for list in [&mut a.authors, &mut a.categories] {
        list.iter_mut().for_each(strip_controls);
        list.retain(|s| !s.trim().is_empty());
    }
    a.body.iter_mut().for_each(strip_controls);
    // Blocks name links by index: renumber them for the links kept.
    let mut kept = Vec::with_capacity(a.links.len());
    let mut next = 0;
    a.links.retain_mut(|l| {
        let keep = link(l);
        kept.push(keep.then_some(next));
        next += usize::from(keep);
        keep
    });
    for block in &mut a.blocks {
        super::clean_blocks::block(block, &kept);
    }
    a.related.iter_mut().for_each(related);
}

/// Cleans what a source says besides its articles.
pub fn parsed(p: &mut Parsed) {
    if let Some(feed) = &mut p.feed {
        text(&mut feed.title);
        address(&mut feed.site_url);
    }
    p.subscriptions.retain_mut(subscription);
    p.feed_links.iter_mut().for_each(strip_controls);
    p.feed_links.retain(|url| !is_script_url(url));
}

/// Cleans a subscription; false when its address is not one to fetch.
pub fn subscription(s: &mut Subscription) -> bool {
    strip_controls(&mut s.url);
    text(&mut s.title);
    address(&mut s.site_url);
    s.tags.iter_mut().for_each(strip_controls);
    !is_script_url(&s.url)
}

fn related(r: &mut RelatedEntry) {
    strip_controls(&mut r.title);
    for field in [&mut r.blurb, &mut r.category, &mut r.byline] {
        text(field);
    }
    address(&mut r.url);
}

/// Cleans a link; false when it should go.
fn link(l: &mut Link) -> bool {
    strip_controls(&mut l.text);
    strip_controls(&mut l.url);
    !is_script_url(&l.url)
}

fn text(field: &mut Option<String>) {
    if let Some(s) = field {
        strip_controls(s);
    }
}

/// Control characters are removed before the scheme is judged, as they
/// would be if the address were printed and then followed.
fn address(field: &mut Option<String>) {
    text(field);
    if field.as_deref().is_some_and(is_script_url) {
        *field = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::controls::has_controls;

    const HOSTILE: &str =
        "a\u{1b}]52;c;SGk=\u{7}b\u{1b}[?1049l\u{1b}Pq\u{1b}\\\u{9b}\0\u{8}\r\u{7f}c";

    fn hostile() -> Option<String> {
        Some(HOSTILE.to_string())
    }

    #[test]
    fn every_article_field_is_cleaned_and_script_addresses_go() {
        let mut a = Article {
            id: HOSTILE.into(),
            title: HOSTILE.into(),
            source: hostile(),
            url: Some(" \u{1}JavaScript:alert(1)".into()),
            guid: hostile(),
            byline: hostile(),
            published: None,
            standfirst: hostile(),
            category: hostile(),
            authors: vec![HOSTILE.into(), "\u{1b}".into()],
            categories: vec![HOSTILE.into()],
            lang: hostile(),
            body: vec![HOSTILE.into(), "clean".into()],
            blocks: vec![
                crate::model::Block::Table {
                    rows: vec![vec![HOSTILE.into()]],
                    header: false,
                },
                crate::model::Block::Image {
                    alt: HOSTILE.into(),
                    caption: hostile(),
                    link: Some(1),
                },
            ],
            related: vec![RelatedEntry {
                title: HOSTILE.into(),
                blurb: hostile(),
                category: hostile(),
                byline: hostile(),
                url: Some("data:text/html,<b>".into()),
            }],
            links: vec![
                Link {
                    text: HOSTILE.into(),
                    url: "https://example.com/\u{1b}x".into(),
                },
                Link {
                    text: "run".into(),
                    url: "\tvb\nscript:msgbox".into(),
                },
            ],
        };
        article(&mut a);
        let json = serde_json::to_string(&a).expect("json");
        assert!(!json.contains("\\u00"), "{json}");
        assert!(!has_controls(&json), "{json}");
        // The 8-bit CSI is Windows-1252's `›`: printable, no longer a control.
        assert_eq!(a.title, "a]52;c;SGk=b[?1049lPq\\› c");
        assert_eq!(a.url, None);
        assert_eq!(a.authors.len(), 1, "an author of controls only goes");
        assert_eq!(a.related[0].url, None);
        assert_eq!(a.links.len(), 1);
        assert_eq!(a.links[0].url, "https://example.com/x");
        // The image's link was the one dropped.
        assert!(matches!(
            a.blocks[1],
            crate::model::Block::Image { link: None, .. }
        ));
    }

    #[test]
    fn feed_titles_and_subscriptions_are_cleaned() {
        let mut p = Parsed::new(super::super::Format::Opml);
        p.feed = Some(super::super::FeedMeta {
            title: hostile(),
            site_url: Some("javascript:x".into()),
        });
        p.subscriptions = vec![
            Subscription {
                url: "https://example.com/rss\u{1b}".into(),
                title: hostile(),
                site_url: hostile(),
                tags: vec![HOSTILE.into()],
            },
            Subscription {
                url: "javascript:alert(1)".into(),
                ..Subscription::default()
            },
        ];
        p.feed_links = vec!["DATA:,x".into(), "https://example.com/\u{c}feed".into()];
        parsed(&mut p);
        let feed = p.feed.as_ref().expect("feed");
        assert!(!has_controls(feed.title.as_deref().unwrap_or("")));
        assert_eq!(feed.site_url, None);
        assert_eq!(p.subscriptions.len(), 1);
        let s = &p.subscriptions[0];
        assert_eq!(s.url, "https://example.com/rss");
        let mut texts = s.tags.iter().chain(&s.title).chain(&s.site_url);
        assert!(texts.clone().count() == 3 && texts.all(|t| !has_controls(t)));
        assert_eq!(p.feed_links, ["https://example.com/ feed"]);
    }
}
