//! Stable article ids and the URL normalisation they rest on.

use url::Url;

use crate::model::Article;
use crate::text::{fnv1a, fold_key};
use crate::urlnorm::is_script_url;

/// Gives an article its stable id (see [`article_id`]) unless it has one.
pub fn with_id(mut article: Article) -> Article {
    if article.id.is_empty() {
        article.id = article_id(&article);
    }
    article
}

/// The stable id of an article (16 hex digits): from its guid when it has
/// one, else from its normalised URL, else from its folded title. Feed
/// importers use [`feed_item_id`], which also keys the guid by the feed.
pub fn article_id(article: &Article) -> String {
    feed_item_id(article, "")
}

/// The id of a feed item: `guid:<feed url>:<guid>`, else as [`article_id`].
pub fn feed_item_id(article: &Article, feed_url: &str) -> String {
    let key = match (&article.guid, &article.url) {
        (Some(guid), _) if !guid.trim().is_empty() => {
            format!("guid:{}:{}", feed_url.trim(), guid.trim())
        }
        (_, Some(url)) if !url.trim().is_empty() => format!("url:{}", normalise_url(url)),
        _ => format!("title:{}", fold_key(&article.title)),
    };
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// A URL in a canonical form for comparison: lowercase scheme and host, no
/// fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`), no default
/// port, no trailing `/` except for the root. Unparsable input is trimmed.
pub fn normalise_url(raw: &str) -> String {
    let raw = raw.trim();
    let Ok(mut url) = Url::parse(raw) else {
        return raw.to_string();
    };
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else if url.query_pairs().count() != kept.len() {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    let path = url.path().to_string();
    if path.len() > 1 && path.ends_with('/') {
        url.set_path(path.trim_end_matches('/'));
    }
    url.to_string()
}

fn is_tracking_param(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    key.starts_with("utm_") || key == "fbclid" || key == "gclid"
}

/// `href` resolved against `base` (when there is one); `None` for links that
/// lead nowhere useful (scripts and `data:`, see [`is_script_url`]; empty;
/// bare fragments without a base).
pub fn resolve_url(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || is_script_url(href) {
        return None;
    }
    match base {
        Some(base) => base.join(href).ok().map(String::from),
        None => Url::parse(href).ok().map(String::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_urls() {
        assert_eq!(
            normalise_url("HTTP://Example.COM:80/a/b/?utm_source=x&id=3&fbclid=y#top"),
            "http://example.com/a/b?id=3"
        );
        assert_eq!(normalise_url("https://example.com"), "https://example.com/");
        assert_eq!(
            normalise_url("https://example.com:8443/x/"),
            "https://example.com:8443/x"
        );
        assert_eq!(normalise_url(" not a url "), "not a url");
    }

    #[test]
    fn ids_prefer_guid_then_url_then_title() {
        let mut a = Article {
            title: "T".into(),
            url: Some("https://EXAMPLE.com/p/?utm_medium=rss".into()),
            ..Article::default()
        };
        let by_url = article_id(&a);
        a.url = Some("https://example.com/p".into());
        assert_eq!(article_id(&a), by_url);
        a.guid = Some("tag:1".into());
        assert_ne!(article_id(&a), by_url);
        assert_ne!(feed_item_id(&a, "https://f/"), article_id(&a));
    }

    #[test]
    fn resolves_relative_links() {
        let base = Url::parse("https://example.com/news/item.html").ok();
        assert_eq!(
            resolve_url(base.as_ref(), "../img/a.png").as_deref(),
            Some("https://example.com/img/a.png")
        );
        assert_eq!(resolve_url(None, "/x"), None);
        for script in ["javascript:void(0)", " DATA:text/html,x", "vbscript:x"] {
            assert_eq!(resolve_url(base.as_ref(), script), None, "{script}");
        }
    }
}
