//! The search index is derived data: articles are committed first and
//! queued in `index_queue`; `index_some` turns a batch of queued articles
//! into folded, stemmed tokens (in parallel) and adds them to the FTS5 table
//! in one transaction. Killing the process at any moment leaves either the
//! batch indexed and dequeued or neither, so the build resumes by itself.
//! When the tokenizer changes (`INDEX_VERSION`), the index is rebuilt.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, sql_err};
use crate::text::stem::{Analyzer, Lang, detect};

/// Bump when index tokens change: stores rebuild their index on open.
pub const INDEX_VERSION: &str = "3";

/// How far the search index is behind the articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndexState {
    /// Articles waiting to be indexed.
    pub pending: usize,
    /// Articles in the store.
    pub total: usize,
}

impl IndexState {
    pub fn complete(&self) -> bool {
        self.pending == 0
    }

    /// Percent of the store indexed.
    pub fn percent(&self) -> usize {
        if self.total == 0 {
            return 100;
        }
        (self.total - self.pending.min(self.total)) * 100 / self.total
    }
}

/// Reusable tokenizers (their stem caches last across batches).
pub struct Indexer {
    analyzers: Vec<Analyzer>,
}

impl Default for Indexer {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        Indexer {
            analyzers: (0..threads).map(|_| Analyzer::default()).collect(),
        }
    }
}

struct Queued {
    key: i64,
    fresh: bool,
    /// Bumped when the article changes while queued.
    version: i64,
    title: String,
    standfirst: String,
    /// As stored: decompressed by the thread that tokenizes it.
    body: super::body::StoredBody,
    lang: Option<String>,
}

struct Tokens {
    key: i64,
    fresh: bool,
    version: i64,
    title: String,
    standfirst: String,
    body: String,
    detected: Option<&'static str>,
}

impl Store {
    /// True when some articles wait for the search index (cheap).
    pub fn index_behind(&self) -> Result<bool> {
        self.conn
            .query_row("SELECT EXISTS (SELECT 1 FROM index_queue)", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    /// How many articles wait for the search index.
    pub fn index_state(&self) -> Result<IndexState> {
        let (pending, total): (i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM index_queue), (SELECT count(*) FROM articles)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))?;
        Ok(IndexState {
            pending: usize::try_from(pending).unwrap_or(0),
            total: usize::try_from(total).unwrap_or(0),
        })
    }

    /// Indexes up to `limit` queued articles in one transaction; returns
    /// how many are still queued.
    pub fn index_some(&mut self, indexer: &mut Indexer, limit: usize) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let queued = self.queued_after(i64::MIN, limit)?;
        let tokens = tokenize_all(&queued, &mut indexer.analyzers);
        let tx = self.conn.transaction().map_err(err)?;
        insert_tokens(&tx, &tokens).map_err(err)?;
        // Queue rows whose article is gone (cannot happen through the
        // trigger, but a damaged queue must not stall the build).
        if queued.is_empty() {
            tx.execute(
                "DELETE FROM index_queue WHERE key NOT IN (SELECT key FROM articles)",
                [],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        let left: i64 = self
            .conn
            .query_row("SELECT count(*) FROM index_queue", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(left).unwrap_or(0))
    }

    /// Indexes everything queued, in batches (one transaction each),
    /// reporting (done, total) after each; returns the number indexed.
    /// While one batch goes into the index, the next is tokenized on
    /// another thread.
    pub fn index_all(&mut self, mut progress: impl FnMut(usize, usize)) -> Result<usize> {
        let total = self.index_state()?.pending;
        let mut done = 0;
        let mut after = i64::MIN;
        let mut analyzer = Analyzer::default();
        std::thread::scope(|scope| {
            type Handle<'s> = std::thread::ScopedJoinHandle<'s, (Vec<Tokens>, Analyzer)>;
            let mut in_flight: Option<Handle<'_>> = None;
            loop {
                let queued = self.queued_after(after, BATCH)?;
                if let Some(last) = queued.last() {
                    after = last.key;
                }
                // The previous batch's tokens, and the analyzer (with its
                // stem cache) back for the next batch.
                let ready = in_flight.take().map(|handle| {
                    let (tokens, back) = handle
                        .join()
                        .unwrap_or_else(|_| (Vec::new(), Analyzer::default()));
                    analyzer = back;
                    tokens
                });
                if !queued.is_empty() {
                    let mut mine = std::mem::take(&mut analyzer);
                    in_flight = Some(scope.spawn(move || {
                        let tokens = queued.iter().map(|q| tokenize(q, &mut mine)).collect();
                        (tokens, mine)
                    }));
                }
                if let Some(tokens) = ready {
                    done += self.insert_batch(&tokens)?;
                    crate::crashpoint::reached(crate::crashpoint::Point::IndexBatch);
                    progress(done, total.max(done));
                }
                if in_flight.is_none() {
                    break;
                }
            }
            Ok::<(), super::StoreError>(())
        })?;
        // Articles queued while this ran (or with keys below `after`).
        if self.index_state()?.pending > 0 {
            let mut indexer = Indexer::default();
            while self.index_some(&mut indexer, BATCH)? > 0 {}
        }
        if self.df_stale()? {
            self.refresh_df()?;
        }
        Ok(done)
    }

    /// True when the document-frequency snapshot is missing or was taken
    /// when the store had under 90% (or over 110%) of its articles.
    pub fn df_stale(&self) -> Result<bool> {
        let now: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        self.df_stale_at(usize::try_from(now).unwrap_or(0))
    }

    /// `df_stale` for a store known to hold `articles` (counting 100,000
    /// rows costs milliseconds).
    pub fn df_stale_at(&self, articles: usize) -> Result<bool> {
        let now = i64::try_from(articles).unwrap_or(i64::MAX);
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'df_articles'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(match taken {
            None => now >= DF_MIN_ARTICLES,
            Some(t) => now >= DF_MIN_ARTICLES && (t * 10 < now * 9 || t * 10 > now * 11),
        })
    }

    /// Takes a new snapshot of the index's document frequencies.
    pub fn refresh_df(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute_batch(
            "DELETE FROM term_df;
             INSERT INTO term_df (term, df) SELECT term, doc FROM articles_fts_vocab;
             INSERT OR REPLACE INTO meta (key, value)
                 SELECT 'df_articles', count(*) FROM articles;",
        )
        .map_err(err)?;
        tx.commit().map_err(err)
    }

    fn queued_after(&self, after: i64, limit: usize) -> Result<Vec<Queued>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT q.key, q.fresh, q.version, a.title, coalesce(a.standfirst, ''), a.body, a.lang
                 FROM index_queue q JOIN articles a ON a.key = q.key
                 WHERE q.key > ?1 ORDER BY q.key LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_map(params![after, limit as i64], |r| {
            Ok(Queued {
                key: r.get(0)?,
                fresh: r.get::<_, i64>(1)? != 0,
                version: r.get(2)?,
                title: r.get(3)?,
                standfirst: r.get(4)?,
                body: r.get(5)?,
                lang: r.get(6)?,
            })
        })
        .map_err(|e| self.err(e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| self.err(e))
    }

    fn insert_batch(&mut self, tokens: &[Tokens]) -> Result<usize> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let indexed = insert_tokens(&tx, tokens).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(indexed)
    }

    /// Rebuilds the index when it was made by another tokenizer version
    /// (or never): empties it and queues every article.
    pub(super) fn check_index_version(&mut self) -> Result<()> {
        let current: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'index_version'",
                [],
                |r| r.get(0),
            )
            .ok();
        if current.as_deref() == Some(INDEX_VERSION) {
            return Ok(());
        }
        self.rebuild_index()
    }

    /// Empties the search index and queues every article for it.
    pub fn rebuild_index(&mut self) -> Result<()> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute_batch(
            "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
             INSERT OR REPLACE INTO index_queue (key, fresh) SELECT key, 1 FROM articles;",
        )
        .map_err(err)?;
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('index_version', ?1)",
            [INDEX_VERSION],
        )
        .map_err(err)?;
        tx.commit().map_err(err)
    }
}

/// Below this many articles, document frequencies are read from the
/// index itself (cheap while posting lists are short).
const DF_MIN_ARTICLES: i64 = 2000;

/// Articles per index transaction: large enough to amortise the commit,
/// small enough that a reader's search never waits long for the lock.
pub const BATCH: usize = 2000;

fn tokenize_all(queued: &[Queued], analyzers: &mut [Analyzer]) -> Vec<Tokens> {
    if queued.is_empty() {
        return Vec::new();
    }
    let chunk = queued.len().div_ceil(analyzers.len().max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = queued
            .chunks(chunk)
            .zip(analyzers.iter_mut())
            .map(|(part, analyzer)| {
                scope.spawn(move || part.iter().map(|q| tokenize(q, analyzer)).collect())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| Vec::new()))
            .collect()
    })
}

fn tokenize(q: &Queued, analyzer: &mut Analyzer) -> Tokens {
    let json = q.body.json().unwrap_or_default();
    let paragraphs = super::blocks::paragraphs(&json);
    let detected = match &q.lang {
        Some(_) => None,
        None => {
            let mut sample = format!("{}\n{}\n", q.title, q.standfirst);
            for p in &paragraphs {
                if sample.len() > 2000 {
                    break;
                }
                sample.push_str(p);
                sample.push('\n');
            }
            detect(&sample)
        }
    };
    let lang = Lang::from_tag(q.lang.as_deref().or(detected));
    let mut title = String::new();
    analyzer.index_into(&q.title, lang, &mut title);
    let mut standfirst = String::new();
    analyzer.index_into(&q.standfirst, lang, &mut standfirst);
    let mut body = String::with_capacity(json.len());
    for p in &paragraphs {
        analyzer.index_into(p, lang, &mut body);
    }
    Tokens {
        key: q.key,
        fresh: q.fresh,
        version: q.version,
        title,
        standfirst,
        body,
        detected,
    }
}

/// Returns how many were indexed (the others were no longer queued as read).
fn insert_tokens(tx: &Transaction, tokens: &[Tokens]) -> rusqlite::Result<usize> {
    let mut delete = tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO articles_fts (rowid, title, standfirst, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    // Only what is still queued as read: another process may have indexed
    // it meanwhile, or the article changed and is queued again.
    let mut dequeue =
        tx.prepare_cached("DELETE FROM index_queue WHERE key = ?1 AND version = ?2")?;
    let mut set_lang =
        tx.prepare_cached("UPDATE articles SET lang = ?2 WHERE key = ?1 AND lang IS NULL")?;
    let mut indexed = 0;
    for t in tokens {
        if dequeue.execute([t.key, t.version])? == 0 {
            continue;
        }
        indexed += 1;
        if !t.fresh {
            delete.execute([t.key])?;
        }
        insert.execute(params![t.key, t.title, t.standfirst, t.body])?;
        if let Some(lang) = t.detected {
            set_lang.execute(params![t.key, lang])?;
        }
    }
    Ok(indexed)
}
