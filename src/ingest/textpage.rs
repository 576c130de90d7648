//! Placeholder text-page parser (replaced by the full importer).

use crate::model::Article;

#[derive(Debug, thiserror::Error)]
pub enum TextPageError {
    #[error("the file is empty")]
    Empty,
    #[error("no article text found")]
    NotAPage(String),
}

pub fn parse_text_page(text: &str) -> Result<Article, TextPageError> {
    let blocks: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if blocks.is_empty() {
        return Err(TextPageError::Empty);
    }
    let body: Vec<String> = blocks
        .iter()
        .filter(|b| b.len() > 200)
        .map(|s| s.to_string())
        .collect();
    if body.is_empty() {
        return Err(TextPageError::NotAPage(String::new()));
    }
    let title = blocks
        .iter()
        .find(|b| b.len() > 10 && b.len() < 120)
        .map(|s| s.to_string())
        .unwrap_or_default();
    Ok(Article {
        title,
        body,
        ..Article::default()
    })
}
