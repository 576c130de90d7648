//! Search results: a window of the newest matches, ranked, and the first
//! rows of a search with their count or a lower bound of it.

use rusqlite::OptionalExtension;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::filter::Narrowed;
use super::list::summary_row;
use super::{Filter, Result, Store, Summary};

/// How many of its newest matches a search reads first (`newest_ranked`).
pub(super) const RANKED: usize = 2000;

/// The top of a list (see `Store::first_page`).
#[derive(Debug, Clone, PartialEq)]
pub struct FirstPage {
    /// How many rows the list has, or at least has when not `complete`.
    pub total: usize,
    pub complete: bool,
    pub rows: Vec<Summary>,
}

/// A match among the newest, with what ranks it.
struct Ranked {
    key: i64,
    in_title: bool,
    /// BM25 as FTS5 gives it: lower is better.
    rank: f64,
}

impl Store {
    /// The first `limit` rows of `page` and how many rows there are. A
    /// search with more matches than it ranks is not counted here: counting
    /// reads every match, too slow at a million articles to wait for before
    /// showing the first rows; its `total` is then the matches ranked, a
    /// lower bound (`complete` false), and `count` gives the rest.
    pub fn first_page(&self, filter: &Filter, limit: usize) -> Result<FirstPage> {
        let narrowed = self.narrow(filter)?;
        if let (true, Some(expr)) = (narrowed.is_all(), &narrowed.fts)
            && limit <= RANKED
        {
            let lazy = self.spelled_out(&narrowed)?.map(|s| s.expr);
            let newest = self.newest_ranked(expr, lazy.as_deref().unwrap_or(expr))?;
            let keys = newest.iter().take(limit).map(|r| r.key).collect();
            return Ok(FirstPage {
                total: newest.len(),
                complete: newest.len() < RANKED,
                rows: self.summaries_by_keys(keys)?,
            });
        }
        let total = self.count(filter)?;
        Ok(FirstPage {
            total,
            complete: true,
            rows: self.page(filter, 0, limit.min(total))?,
        })
    }

    /// List rows of the articles with these keys, in this order.
    pub(super) fn summaries_by_keys(&self, keys: Vec<i64>) -> Result<Vec<Summary>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.source, a.published,
                        coalesce(m.bookmarked, 0), coalesce(m.read, 0)
                 FROM articles a LEFT JOIN marks m ON m.article_id = a.id
                 WHERE a.key = ?1",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = Vec::with_capacity(keys.len());
        for key in keys {
            let row = stmt
                .query_row([key], summary_row)
                .optional()
                .map_err(|e| self.err(e))?;
            rows.extend(row);
        }
        Ok(rows)
    }

    /// Keys of a window of search results: the newest `RANKED` matches in
    /// the order `newest_ranked` gives, then older matches newest first.
    /// Ranking every match costs too much while typing a query that matches
    /// most of a large store; this costs at most `RANKED` rows plus the
    /// rows skipped before the window.
    pub(super) fn ranked_keys(
        &self,
        narrowed: &Narrowed,
        expr: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<i64>> {
        let mut out = Vec::with_capacity(limit.min(RANKED));
        let lazy = self.spelled_out(narrowed)?.map(|s| s.expr);
        let newest = self.newest_ranked(expr, lazy.as_deref().unwrap_or(expr))?;
        let expr = lazy.as_deref().unwrap_or(expr);
        out.extend(newest.iter().skip(offset).take(limit).map(|r| r.key));
        if out.len() == limit || newest.len() < RANKED {
            return Ok(out);
        }
        let oldest = newest.iter().map(|r| r.key).min().unwrap_or(i64::MIN);
        let from = offset.saturating_sub(RANKED);
        out.extend(self.keys(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid < ?2
             ORDER BY rowid DESC LIMIT ?3 OFFSET ?4",
            vec![
                Value::Text(expr.to_string()),
                Value::Integer(oldest),
                Value::Integer((limit - out.len()) as i64),
                Value::Integer(from as i64),
            ],
        )?);
        Ok(out)
    }

    /// The newest `RANKED` matches of `expr` in result order: those with a
    /// match in the title first. Fewer than `RANKED` are ranked by BM25
    /// (a match in the title told by BM25 weighing the title alone:
    /// nonzero when a term of the query is there). More are listed newest
    /// first: BM25 begins by reading every match of each term to weigh it,
    /// which at a million articles costs more than a keypress may. `lazy`
    /// matches what `expr` does, spelled out to return its newest rows
    /// first (`spelled_out`); BM25 weighs `expr`.
    fn newest_ranked(&self, expr: &str, lazy: &str) -> Result<Vec<Ranked>> {
        let newest = self.keys(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
             ORDER BY rowid DESC LIMIT ?2",
            vec![Value::Text(lazy.to_string()), Value::Integer(RANKED as i64)],
        )?;
        let Some(&oldest) = newest.last() else {
            return Ok(Vec::new());
        };
        if newest.len() < RANKED {
            return self.ranked_by_bm25(expr);
        }
        let expr = lazy;
        let in_title: std::collections::HashSet<i64> = self
            .keys(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid >= ?2",
                vec![
                    Value::Text(format!("{{title}} : ({expr})")),
                    Value::Integer(oldest),
                ],
            )?
            .into_iter()
            .collect();
        let mut ranked: Vec<Ranked> = newest
            .into_iter()
            .map(|key| Ranked {
                key,
                in_title: in_title.contains(&key),
                rank: 0.0,
            })
            .collect();
        // Stable: newest first within each tier.
        ranked.sort_by_key(|r| std::cmp::Reverse(r.in_title));
        Ok(ranked)
    }

    /// Every match of `expr`, ranked by BM25, title matches first.
    fn ranked_by_bm25(&self, expr: &str) -> Result<Vec<Ranked>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rowid, bm25(articles_fts, 1.0, 0.0, 0.0) < 0.0, rank
                 FROM articles_fts WHERE articles_fts MATCH ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([expr], |r| {
                Ok(Ranked {
                    key: r.get(0)?,
                    in_title: r.get(1)?,
                    rank: r.get(2)?,
                })
            })
            .map_err(|e| self.err(e))?;
        let mut ranked = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        ranked.sort_by(|a, b| {
            b.in_title
                .cmp(&a.in_title)
                .then(a.rank.total_cmp(&b.rank))
                .then(b.key.cmp(&a.key))
        });
        Ok(ranked)
    }

    /// The first column of a query's rows, as keys.
    fn keys(&self, sql: &str, values: Vec<Value>) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }
}
