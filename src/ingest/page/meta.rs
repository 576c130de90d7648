//! Page metadata: title, canonical URL, site, byline, date, language,
//! section and description, from `<meta>` tags, JSON-LD and the markup.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use dom_query::Document;
use serde_json::Value;
use url::Url;

use super::escapes;
use super::headline::choose_title;
use super::recipe::Recipe;
use crate::ingest::htmltext::squash;

#[derive(Debug, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub byline: Option<String>,
    pub published: Option<i64>,
    pub lang: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    /// The JSON-LD `articleBody`, as written (line breaks kept).
    pub article_body: Option<String>,
    /// The JSON-LD recipe's ingredients and steps.
    pub recipe: Option<Recipe>,
}

impl PageMeta {
    pub fn read(doc: &Document, source_url: Option<&str>) -> PageMeta {
        let metas = meta_tags(doc);
        let objects = ld_objects(doc);
        let recipe = Recipe::from_ld(&objects);
        let ld = article_ld(objects);
        let get = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| metas.get(*k))
                .map(|v| escapes::unescaped(&squash(v)))
                .filter(|v| !v.is_empty())
        };
        // JSON-LD strings carry HTML entities as often as meta values do
        // ("Olive &#038; Herb").
        let ld_str = |key: &str| {
            ld.as_ref()
                .and_then(|v| text_of(v.get(key)?))
                .map(|t| escapes::unescaped(&t))
        };
        let canonical = doc
            .select("link[rel=canonical]")
            .attr("href")
            .map(|h| h.trim().to_string())
            .filter(|h| h.starts_with("http"));
        let url = canonical
            .or_else(|| get(&["og:url"]).filter(|u| u.starts_with("http")))
            .or_else(|| source_url.map(str::to_string));
        let site_name = get(&["og:site_name", "application-name"])
            .or_else(|| ld_str("publisher"))
            .or_else(|| host_name(url.as_deref()));
        let byline = get(&[
            "author",
            "article:author",
            "parsely-author",
            "dc.creator",
            "byl",
        ])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld_str("author"));
        let published = [
            "article:published_time",
            "og:published_time",
            "datepublished",
            "date",
            "dc.date",
            "dc.date.issued",
            "pubdate",
            "publish-date",
            "parsely-pub-date",
            "sailthru.date",
        ]
        .iter()
        .filter_map(|k| metas.get(*k))
        .chain(ld_str("datePublished").as_ref())
        .find_map(|d| parse_date(d))
        .or_else(|| {
            doc.select("time[datetime]")
                .nodes()
                .iter()
                .find_map(|t| parse_date(&t.attr("datetime").unwrap_or_default()))
        });
        let lang = doc
            .select("html[lang]")
            .attr("lang")
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .or_else(|| get(&["content-language", "og:locale"]).map(|l| l.replace('_', "-")));
        PageMeta {
            title: choose_title(doc, &get, ld_str("headline"), site_name.as_deref()),
            url,
            site_name,
            byline,
            published,
            lang,
            section: get(&["article:section"]).or_else(|| ld_str("articleSection")),
            description: get(&["og:description", "description", "twitter:description"]),
            article_body: ld
                .as_ref()
                .and_then(|v| v.get("articleBody")?.as_str().map(str::to_string)),
            recipe,
        }
    }
}

/// `<meta>` values by lowercased `property`, `name` or `itemprop` (first
/// wins). The value is in `content`; some tools that save pages write it in
/// `value` instead.
fn meta_tags(doc: &Document) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content").or_else(|| node.attr("value")) else {
            continue;
        };
        for key_attr in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = node.attr(key_attr) {
                map.entry(key.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    map
}

/// The JSON-LD object describing the article (an `*Article`/`*Posting`, or
/// any object with a headline).
#[cfg(test)]
fn json_ld(doc: &Document) -> Option<Value> {
    article_ld(ld_objects(doc))
}

/// The objects of the page's JSON-LD, those of a `@graph` included.
fn ld_objects(doc: &Document) -> Vec<Value> {
    let mut objects = Vec::new();
    for script in doc.select("script[type='application/ld+json']").nodes() {
        if let Ok(value) = serde_json::from_str::<Value>(unwrap_script(&script.text())) {
            flatten_ld(value, &mut objects, 0);
        }
    }
    objects
}

/// The object of `candidates` describing the article (see `json_ld`).
fn article_ld(mut candidates: Vec<Value>) -> Option<Value> {
    let is_article = |v: &Value| {
        let kind = v.get("@type").map(|t| t.to_string()).unwrap_or_default();
        kind.contains("Article") || kind.contains("Posting") || kind.contains("Report")
    };
    let has_headline = |v: &Value| v.get("headline").is_some();
    let position = candidates
        .iter()
        .position(|v| is_article(v) && has_headline(v))
        .or_else(|| candidates.iter().position(has_headline))
        .or_else(|| candidates.iter().position(is_article))?;
    Some(candidates.swap_remove(position))
}

/// Script text without the CDATA or comment wrappers some pages put around it.
fn unwrap_script(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
    ] {
        text = text.strip_prefix(open).unwrap_or(text).trim();
        text = text.strip_suffix(close).unwrap_or(text).trim();
    }
    text
}

fn flatten_ld(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items
            .into_iter()
            .for_each(|v| flatten_ld(v, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// A string, or the `name` of an object, or the names in a list.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => squash(s),
        Value::Object(map) => map.get("name").and_then(text_of).unwrap_or_default(),
        Value::Array(items) => items
            .iter()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    Some(text).filter(|t| !t.is_empty())
}

fn host_name(url: Option<&str>) -> Option<String> {
    let host = Url::parse(url?).ok()?.host_str()?.to_string();
    Some(host.trim_start_matches("www.").to_string())
}

/// Seconds since the epoch of an ISO 8601 / RFC 3339 / RFC 2822 date.
pub fn parse_date(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d.timestamp());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(text) {
        return Some(d.timestamp());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(text, format) {
            return Some(d.timestamp());
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(text, format) {
            return Some(d.and_utc().timestamp());
        }
    }
    let day = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meta_value_saved_as_value_is_read() {
        let doc = Document::from(
            "<html><head><title>Bridge opens | Gazette</title>\
<meta value=\"Bridge opens on Monday\" name=\"og:title\">\
<meta content=\"Gazette\" value=\"x\" property=\"og:site_name\"></head><body></body></html>",
        );
        let meta = PageMeta::read(&doc, None);
        assert_eq!(meta.title.as_deref(), Some("Bridge opens on Monday"));
        assert_eq!(meta.site_name.as_deref(), Some("Gazette"));
    }

    #[test]
    fn json_ld_in_cdata_is_read() {
        let doc = Document::from(
            "<script type='application/ld+json'><![CDATA[ {\"@type\": \"Article\", \"headline\": \"H\"} ]]></script>",
        );
        let ld = json_ld(&doc).expect("json-ld");
        assert_eq!(ld.get("headline").and_then(Value::as_str), Some("H"));
    }

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(parse_date("2020-01-02T03:04:05Z"), Some(1_577_934_245));
        assert_eq!(parse_date("2020-01-02T04:04:05+0100"), Some(1_577_934_245));
        assert_eq!(
            parse_date("Thu, 02 Jan 2020 03:04:05 GMT"),
            Some(1_577_934_245)
        );
        assert_eq!(parse_date("2020-01-02"), Some(1_577_923_200));
        assert_eq!(parse_date("yesterday"), None);
    }
}
