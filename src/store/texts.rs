//! Raw reads for related-article scoring (`crate::index::related`): an
//! article's text by id or key, posting lists, document frequencies and a
//! sample of one language's articles. No scoring happens here.

use rusqlite::OptionalExtension;

use super::{Result, Store};

/// What related scoring reads of an article.
#[derive(Debug, Clone, Default)]
pub struct ArticleText {
    pub key: i64,
    pub id: String,
    pub title: String,
    pub standfirst: String,
    /// Paragraphs.
    pub body: Vec<String>,
    /// As stored, or as the indexer detected it.
    pub lang: Option<String>,
    pub source: Option<String>,
}

const TEXT_COLUMNS: &str = "key, id, title, coalesce(standfirst, ''), body, lang, source";

fn text_row(r: &rusqlite::Row) -> rusqlite::Result<ArticleText> {
    let body: super::body::BodyJson = r.get(4)?;
    Ok(ArticleText {
        key: r.get(0)?,
        id: r.get(1)?,
        title: r.get(2)?,
        standfirst: r.get(3)?,
        body: super::blocks::paragraphs(&body.0),
        lang: r.get(5)?,
        source: r.get(6)?,
    })
}

impl Store {
    /// The text of the article `id`, if stored.
    pub fn text_by_id(&self, id: &str) -> Result<Option<ArticleText>> {
        let sql = format!("SELECT {TEXT_COLUMNS} FROM articles WHERE id = ?1");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        stmt.query_row([id], text_row)
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The texts of the articles with these keys (unknown keys skipped), in
    /// the keys' order.
    pub fn texts_by_keys(&self, keys: &[i64]) -> Result<Vec<ArticleText>> {
        let sql = format!("SELECT {TEXT_COLUMNS} FROM articles WHERE key = ?1");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let row = stmt
                .query_row([key], text_row)
                .optional()
                .map_err(|e| self.err(e))?;
            out.extend(row);
        }
        Ok(out)
    }

    /// The language of each of these articles (None: unknown or no such key).
    pub fn langs_by_keys(&self, keys: &[i64]) -> Result<Vec<Option<String>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT lang FROM articles WHERE key = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            let lang: Option<Option<String>> = stmt
                .query_row([key], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            out.push(lang.flatten());
        }
        Ok(out)
    }

    /// The newest `limit` articles in language `lang`, newest first.
    pub fn texts_in_lang(&self, lang: &str, limit: usize) -> Result<Vec<ArticleText>> {
        let sql = format!(
            "SELECT {TEXT_COLUMNS} FROM articles WHERE lang = ?1 ORDER BY key DESC LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params![lang, limit as i64], text_row)
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// How many articles document frequencies count: the store's size when
    /// the frequency snapshot was taken (large stores), else counted.
    pub fn df_total(&self) -> Result<u64> {
        self.conn
            .query_row(
                "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'df_articles'
                                  AND EXISTS (SELECT 1 FROM term_df)),
                                 (SELECT count(*) FROM articles))",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n.max(0) as u64)
            .map_err(|e| self.err(e))
    }

    /// For each group of tokens, in how many articles the index holds each
    /// token: from the snapshot when there is one, else from the index
    /// itself.
    pub fn doc_freqs(&self, groups: &[Vec<String>]) -> Result<Vec<Vec<u64>>> {
        let snapshot: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM term_df)", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(if snapshot {
                "SELECT df FROM term_df WHERE term = ?1"
            } else {
                "SELECT doc FROM articles_fts_vocab WHERE term = ?1"
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(groups.len());
        for tokens in groups {
            let mut dfs = Vec::with_capacity(tokens.len());
            for token in tokens {
                let n: Option<i64> = stmt
                    .query_row([token], |r| r.get(0))
                    .optional()
                    .map_err(|e| self.err(e))?;
                dfs.push(n.unwrap_or(0).max(0) as u64);
            }
            out.push(dfs);
        }
        Ok(out)
    }

    /// Keys of the newest `limit` articles holding any of these tokens,
    /// newest first (unranked: stops early, whatever the store's size).
    pub fn postings(&self, tokens: &[String], limit: usize) -> Result<Vec<i64>> {
        let quoted: Vec<String> = tokens
            .iter()
            .map(|t| format!("\"{}\"", t.replace('"', "")))
            .collect();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let keys = stmt
            .query_map(rusqlite::params![quoted.join(" OR "), limit as i64], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| self.err(e))?;
        keys.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }
}
