//! Importers: turn files into articles. Knows nothing of the UI or the store.

pub mod textpage;

use std::path::{Path, PathBuf};

use crate::model::Article;
use crate::text::{fnv1a, fold_key};

/// Why one source could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {problem}", path.display())]
    Content { path: PathBuf, problem: String },
}

/// The built-in sample articles shown until the user imports their own.
pub fn defaults() -> Vec<Article> {
    const SEEDS: &[&str] = &[
        include_str!("../../assets/seeds/000_06087d0ea42c5eca.txt"),
        include_str!("../../assets/seeds/003_b1dac1e0115a2450.txt"),
    ];
    SEEDS
        .iter()
        .filter_map(|text| textpage::parse_text_page(text).ok())
        .map(with_id)
        .collect()
}

/// Reads one file and returns the articles in it.
pub fn import_file(path: &Path) -> Result<Vec<Article>, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_bytes(&bytes).map_err(|problem| ImportError::Content {
        path: path.to_path_buf(),
        problem,
    })
}

/// Detects the format of `bytes` and parses them.
pub fn parse_bytes(bytes: &[u8]) -> Result<Vec<Article>, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".to_string());
    }
    if looks_binary(bytes) {
        return Err("this is a binary file, not a text copy of a page".to_string());
    }
    let text = decode(bytes);
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('<') || head.starts_with('{') {
        return Err(
            "this looks like HTML, XML or JSON; only text copies of pages can be imported so far"
                .to_string(),
        );
    }
    let article = textpage::parse_text_page(&text).map_err(|e| e.to_string())?;
    Ok(vec![with_id(article)])
}

/// Gives an article its stable id: from its URL when it has one, else from
/// its source and folded title, so re-importing the same page finds it.
pub fn with_id(mut article: Article) -> Article {
    if article.id.is_empty() {
        article.id = article_id(&article);
    }
    article
}

/// The stable id of an article (16 hex digits).
pub fn article_id(article: &Article) -> String {
    let key = match &article.url {
        Some(url) => format!("url:{}", url.trim()),
        None => format!("title:{}", fold_key(&article.title)),
    };
    format!("{:016x}", fnv1a(key.as_bytes()))
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|b| b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len()
}

/// UTF-8 when valid, else each byte as its Latin-1 character (never fails).
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_ignore_case_and_punctuation() {
        let a = Article {
            title: "Sputnik Moment?".into(),
            ..Article::default()
        };
        let b = Article {
            title: "sputnik  moment".into(),
            ..Article::default()
        };
        assert_eq!(article_id(&a), article_id(&b));
        assert_eq!(article_id(&a).len(), 16);
    }

    #[test]
    fn rejects_empty_and_binary_and_markup() {
        assert!(parse_bytes(b" \n\n").unwrap_err().contains("empty"));
        assert!(
            parse_bytes(b"\x7fELF\x02\x01\x00\x00")
                .unwrap_err()
                .contains("binary")
        );
        assert!(
            parse_bytes(b"<html><body>x</body></html>")
                .unwrap_err()
                .contains("HTML")
        );
    }

    #[test]
    fn defaults_are_the_two_seed_pages() {
        let d = defaults();
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|a| a.id.len() == 16 && !a.body.is_empty()));
    }
}
