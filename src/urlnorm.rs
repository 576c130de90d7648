//! URL normalisation for telling "the same article under another URL":
//! case, default ports, `www.`, fragments, tracking parameters and trailing
//! slashes do not make a different article.

/// The comparison key of a URL: scheme-less, lower-case host without `www.`
/// or default port, path without trailing slash, query without tracking
/// parameters, no fragment.
pub fn url_key(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => (String::new(), url),
    };
    let (authority, path_query) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = authority
        .rsplit('@')
        .next()
        .unwrap_or(authority)
        .to_ascii_lowercase();
    let host = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("http", Some((h, "80"))) | ("https", Some((h, "443"))) => h.to_string(),
        _ => authority.clone(),
    };
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_query, None),
    };
    let path = path.trim_end_matches('/');
    let kept: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && !is_tracking(p.split('=').next().unwrap_or("")))
        .collect();
    let mut key = format!("{host}{path}");
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    key
}

/// Whether following `url` would run code or open a document made up by
/// whoever wrote it (`javascript:`, `vbscript:`, `data:`), read as
/// browsers read it: leading spaces and control characters skipped, tabs
/// and line breaks ignored, any case.
pub fn is_script_url(url: &str) -> bool {
    const LONGEST: usize = "javascript".len();
    let mut scheme = [0u8; LONGEST];
    let mut len = 0;
    for b in url.bytes().skip_while(|b| *b <= b' ') {
        match b {
            b'\t' | b'\n' | b'\r' => {}
            b':' => return matches!(&scheme[..len], b"javascript" | b"vbscript" | b"data"),
            _ if len == LONGEST => return false,
            _ => {
                scheme[len] = b.to_ascii_lowercase();
                len += 1;
            }
        }
    }
    false
}

fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "fbclid" | "gclid" | "dclid" | "msclkid" | "mc_cid" | "mc_eid" | "yclid" | "igshid"
        )
}

#[cfg(test)]
mod tests {
    use super::{is_script_url, url_key};

    #[test]
    fn script_urls_in_any_spelling() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}\u{1b}javascript:x",
            "java\tscr\nipt:x",
            "vbscript:msgbox",
            "data:text/html,<b>x</b>",
            "DATA:,x",
            "\r\ndata:,x",
        ] {
            assert!(is_script_url(url), "{url:?}");
        }
        for url in [
            "https://example.com/javascript:x",
            "/data:x",
            "javascript",
            "datax:y",
            "xjavascript:y",
            "",
            "mailto:a@example.com",
            "https://example.com/?u=data:x",
        ] {
            assert!(!is_script_url(url), "{url:?}");
        }
    }

    #[test]
    fn equal_urls_in_many_spellings() {
        let key = url_key("https://www.example.com/news/a?id=3");
        for same in [
            "http://example.com/news/a/?id=3",
            "HTTPS://Example.COM:443/news/a?id=3&utm_source=rss&fbclid=x#top",
            "https://user@www.example.com/news/a?utm_medium=feed&id=3",
        ] {
            assert_eq!(url_key(same), key, "{same}");
        }
        assert_ne!(url_key("https://example.com/news/b?id=3"), key);
        assert_ne!(url_key("https://example.com/news/a?id=4"), key);
        assert_eq!(url_key("https://example.com:8080/"), "example.com:8080");
    }
}
