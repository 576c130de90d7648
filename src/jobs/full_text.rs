//! Fetching an article's whole page and saving its text in the store, on
//! the job's own thread and connection: the reader only reopens the
//! article once it is saved.

use std::path::Path;

use super::{JobError, JobEvent, Reporter};
use crate::model::Article;
use crate::store::{Origin, Store};

/// What a full-text job ends with.
#[derive(Debug, Clone, PartialEq)]
pub enum FullText {
    /// The text was merged into the stored article and saved.
    Saved,
    /// The page, for the app to merge itself (its store is held in memory,
    /// where no other connection can write).
    Page(Box<Article>),
}

/// Fetches `url` for article `id` and saves the text into the store file
/// (or hands the page back when there is no file), then reports.
pub fn fetch(store_file: Option<&Path>, id: String, url: &str, reporter: &Reporter) {
    let result = crate::fetch::full_text(&crate::fetch::default_http(), url)
        .map_err(JobError::from)
        .and_then(|page| match store_file {
            Some(file) => save(file, &id, page).map(|()| FullText::Saved),
            None => Ok(FullText::Page(Box::new(page))),
        });
    let _ = reporter.send(JobEvent::FullText { id, result });
}

fn save(file: &Path, id: &str, page: Article) -> Result<(), JobError> {
    let mut store = Store::open(file)?;
    let mut article = store.get(id)?.ok_or(JobError::Removed)?;
    merge(&mut article, page)?;
    store.upsert(&[article], Origin::User)?;
    Ok(())
}

/// Puts a fetched page's text into the article: the page's body, links and
/// related entries replace the feed's, whose summary stays as standfirst.
pub fn merge(article: &mut Article, page: Article) -> Result<(), JobError> {
    if page.body.is_empty() {
        return Err(JobError::EmptyPage);
    }
    let summary = article.body.join(" ");
    if article.standfirst.is_none() && !summary.is_empty() {
        article.standfirst = Some(summary);
    }
    article.body = page.body;
    article.blocks = page.blocks;
    article.links = page.links;
    if !page.related.is_empty() {
        article.related = page.related;
    }
    if article.byline.is_none() {
        article.byline = page.byline;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_replaces_the_body_and_the_summary_becomes_the_standfirst() {
        let mut article = Article {
            body: vec!["A short summary.".into()],
            byline: Some("Feed author".into()),
            ..Article::default()
        };
        let page = Article {
            body: vec!["The whole text.".into(), "More.".into()],
            byline: Some("Page author".into()),
            ..Article::default()
        };
        merge(&mut article, page).expect("merged");
        assert_eq!(article.body, ["The whole text.", "More."]);
        assert_eq!(article.standfirst.as_deref(), Some("A short summary."));
        assert_eq!(article.byline.as_deref(), Some("Feed author"));
        let empty = Article::default();
        assert!(merge(&mut article, empty).is_err(), "an empty page");
        assert_eq!(article.body[0], "The whole text.", "left as it was");
    }
}
