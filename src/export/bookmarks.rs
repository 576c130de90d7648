//! Bookmarks out: a Markdown list, JSON, or a browser's bookmarks file
//! (the Netscape format that Firefox, Chrome and others import).

use serde_json::{Value, json};

use super::html::{attr, safe_href, text};
use super::markdown::escape;
use crate::date::{format_date, format_rfc3339};
use crate::store::Bookmarked;

/// A bookmarks file for browsers: one link per bookmark with an address
/// (the others cannot be opened in a browser and are left out), added at
/// the time it was bookmarked, the source as its description.
pub fn netscape(rows: &[Bookmarked]) -> String {
    let mut out = String::from(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n\
         <!-- This is an automatically generated file.\n     \
         It will be read and overwritten.\n     DO NOT EDIT! -->\n\
         <META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n\
         <TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n    \
         <DT><H3>Edicola</H3>\n    <DL><p>\n",
    );
    for row in rows {
        let Some(href) = row.url.as_deref().and_then(safe_href) else {
            continue;
        };
        out.push_str(&format!(
            "        <DT><A HREF=\"{href}\" ADD_DATE=\"{}\">{}</A>\n",
            row.marked.max(0),
            text(&row.title)
        ));
        if let Some(source) = row.source.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push_str(&format!("        <DD>{}\n", attr(source)));
        }
    }
    out.push_str("    </DL><p>\n</DL><p>\n");
    out
}

/// How many bookmarks a browser's file leaves out (no web address).
pub fn without_address(rows: &[Bookmarked]) -> usize {
    rows.iter()
        .filter(|r| r.url.as_deref().and_then(safe_href).is_none())
        .count()
}

/// A Markdown list: the title linked to its address, source and date.
pub fn markdown(rows: &[Bookmarked]) -> String {
    let mut out = String::from("# Bookmarks\n\n");
    for row in rows {
        let title = escape(&super::clean(&row.title));
        let link = match row.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => format!(
                "[{title}](<{}>)",
                super::clean(url).replace(' ', "%20").replace('>', "%3E")
            ),
            None => title,
        };
        let about: Vec<String> = [
            row.source.as_deref().map(|s| escape(&super::clean(s))),
            row.published.map(format_date),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
        match about.is_empty() {
            true => out.push_str(&format!("- {link}\n")),
            false => out.push_str(&format!("- {link} — {}\n", about.join(", "))),
        }
    }
    out
}

/// The bookmarks as JSON: id, title, source, url, published and
/// bookmarked (when, RFC 3339).
pub fn json(rows: &[Bookmarked]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "title": r.title,
                    "source": r.source,
                    "url": r.url,
                    "published": r.published.map(format_rfc3339),
                    "bookmarked": format_rfc3339(r.marked),
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str, url: Option<&str>) -> Bookmarked {
        Bookmarked {
            id: "1".into(),
            title: title.into(),
            source: Some("Tech & Co".into()),
            url: url.map(str::to_string),
            published: Some(1_735_689_600),
            marked: 1_735_700_000,
        }
    }

    #[test]
    fn the_browser_file_escapes_and_leaves_out_what_has_no_address() {
        let rows = [
            row("<script>x</script>", Some("https://e.example/a?b=1&c=2")),
            row("No address", None),
            row("Script", Some("javascript:alert(1)")),
        ];
        let file = netscape(&rows);
        assert!(file.starts_with("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"));
        assert!(file.contains(
            "<A HREF=\"https://e.example/a?b=1&amp;c=2\" ADD_DATE=\"1735700000\">&lt;script&gt;x&lt;/script&gt;</A>"
        ));
        assert!(file.contains("<DD>Tech &amp; Co"));
        assert!(!file.contains("No address") && !file.contains("javascript"));
        assert_eq!(without_address(&rows), 2);
    }
}
