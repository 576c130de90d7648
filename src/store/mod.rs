//! The article store: one SQLite database in the data directory (WAL mode,
//! versioned schema). Nothing outside this module knows it is SQLite.

mod schema;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::model::{Article, Link, RelatedEntry};
use crate::text::fold_key;

/// A row of the list pane: what is needed to draw it and nothing more.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<i64>,
    pub bookmarked: bool,
    pub read: bool,
}

/// Which articles a listing covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Bookmarked,
}

/// Where an article came from: the built-in samples or the user's imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    User,
}

impl Origin {
    fn as_str(self) -> &'static str {
        match self {
            Origin::Embedded => "embedded",
            Origin::User => "user",
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertStats {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: cannot read the store: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: not an Edicola store (not an SQLite database). It was left untouched; move it away or use --data to choose another directory",
        path.display()
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "{}: written by a newer Edicola (schema {found}, this build knows {known}). It was left untouched; upgrade Edicola",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{}: cannot create the data directory: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}: a stored article is damaged ({what}): {source}", path.display())]
    Damaged {
        path: PathBuf,
        what: String,
        source: serde_json::Error,
    },
}

impl StoreError {
    /// True for errors that mean "this directory cannot be written", after
    /// which the reader may still run on an in-memory store.
    pub fn is_unwritable(&self) -> bool {
        match self {
            StoreError::CreateDir { .. } => true,
            StoreError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(
                    rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::ReadOnly
                        | rusqlite::ErrorCode::PermissionDenied
                        | rusqlite::ErrorCode::DiskFull
                )
            ),
            _ => false,
        }
    }
}

type Result<T> = std::result::Result<T, StoreError>;

/// An open article store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating if needed) the store at `path`. A file that is not an
    /// SQLite database, or one from a newer schema, is reported and never
    /// written to.
    pub fn open(path: &Path) -> Result<Store> {
        check_header(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_err(path, e))?;
        Store::init(conn, path.to_path_buf())
    }

    /// Opens an existing store without writing to it (for a data directory
    /// that cannot be written). Every change then fails with an error.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        check_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        let found = schema::version(&conn).map_err(|e| classify(path, e))?;
        if found != schema::VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                known: schema::VERSION,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// A store that lives only in memory: used when the data directory
    /// cannot be written, and by tests.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sql_err(&path, e))?;
        Store::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let err = |e| classify(&path, e);
        // Read before anything writes: a damaged file fails here, untouched.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(err)?;
        let found = schema::version(&conn).map_err(err)?;
        if found > schema::VERSION {
            return Err(StoreError::TooNew {
                path,
                found,
                known: schema::VERSION,
            });
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        schema::migrate(&mut conn).map_err(err)?;
        Ok(Store { conn, path })
    }

    /// The database file (or `:memory:`).
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sql_err(&self.path, e)
    }

    /// Number of articles the filter covers.
    pub fn count(&self, filter: Filter) -> Result<usize> {
        let sql = match filter {
            Filter::All => "SELECT count(*) FROM articles",
            Filter::Bookmarked => {
                "SELECT count(*) FROM marks JOIN articles ON articles.id = marks.article_id
                 WHERE marks.bookmarked = 1"
            }
        };
        let n: i64 = self
            .conn
            .query_row(sql, [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// A window of the list, newest first.
    pub fn page(&self, filter: Filter, offset: usize, limit: usize) -> Result<Vec<Summary>> {
        let sql = match filter {
            Filter::All => {
                "SELECT a.id, a.title, a.source, a.published,
                        coalesce(m.bookmarked, 0), coalesce(m.read, 0)
                 FROM articles a LEFT JOIN marks m ON m.article_id = a.id
                 ORDER BY a.sort_key DESC, a.id LIMIT ?1 OFFSET ?2"
            }
            Filter::Bookmarked => {
                "SELECT a.id, a.title, a.source, a.published, m.bookmarked, m.read
                 FROM marks m JOIN articles a ON a.id = m.article_id
                 WHERE m.bookmarked = 1
                 ORDER BY a.sort_key DESC, a.id LIMIT ?1 OFFSET ?2"
            }
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![limit as i64, offset as i64], |r| {
                Ok(Summary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    published: r.get(3)?,
                    bookmarked: r.get::<_, i64>(4)? != 0,
                    read: r.get::<_, i64>(5)? != 0,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// The position of an article in a filtered list, if it is there.
    pub fn position(&self, filter: Filter, id: &str) -> Result<Option<usize>> {
        let key: Option<i64> = self
            .conn
            .query_row("SELECT sort_key FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(key) = key else { return Ok(None) };
        let sql = match filter {
            Filter::All => {
                "SELECT count(*) FROM articles a
                 WHERE a.sort_key > ?1 OR (a.sort_key = ?1 AND a.id < ?2)"
            }
            Filter::Bookmarked => {
                "SELECT count(*) FROM marks m JOIN articles a ON a.id = m.article_id
                 WHERE m.bookmarked = 1 AND (a.sort_key > ?1 OR (a.sort_key = ?1 AND a.id < ?2))"
            }
        };
        if filter == Filter::Bookmarked && !self.marks(id)?.0 {
            return Ok(None);
        }
        let n: i64 = self
            .conn
            .query_row(sql, params![key, id], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(usize::try_from(n).ok())
    }

    /// One whole article.
    pub fn get(&self, id: &str) -> Result<Option<Article>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, source, url, byline, published, standfirst, category, lang,
                        body, related, links, guid
                 FROM articles WHERE id = ?1",
            )
            .map_err(|e| self.err(e))?;
        let row = stmt
            .query_row([id], |r| {
                Ok((
                    Article {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        source: r.get(2)?,
                        url: r.get(3)?,
                        byline: r.get(4)?,
                        published: r.get(5)?,
                        standfirst: r.get(6)?,
                        category: r.get(7)?,
                        lang: r.get(8)?,
                        guid: r.get(12)?,
                        ..Article::default()
                    },
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, String>(11)?,
                ))
            })
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((mut article, body, related, links)) = row else {
            return Ok(None);
        };
        article.body = self.decode(&body, id, "body")?;
        article.related = self.decode::<Vec<RelatedEntry>>(&related, id, "related")?;
        article.links = self.decode::<Vec<Link>>(&links, id, "links")?;
        Ok(Some(article))
    }

    fn decode<T: serde::de::DeserializeOwned>(
        &self,
        json: &str,
        id: &str,
        what: &str,
    ) -> Result<T> {
        serde_json::from_str(json).map_err(|source| StoreError::Damaged {
            path: self.path.clone(),
            what: format!("{what} of article {id}"),
            source,
        })
    }

    /// Resolves a full id or a unique prefix of one.
    pub fn resolve_id(&self, prefix: &str) -> Result<Option<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE id >= ?1 AND id < ?1 || x'ff' LIMIT 2")
            .map_err(|e| self.err(e))?;
        let ids = stmt
            .query_map([prefix], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        Ok(match ids.as_slice() {
            [one] => Some(one.clone()),
            _ => ids.iter().find(|i| *i == prefix).cloned(),
        })
    }

    /// (bookmarked, read) for an article id.
    pub fn marks(&self, id: &str) -> Result<(bool, bool)> {
        let row: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT bookmarked, read FROM marks WHERE article_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(row.map_or((false, false), |(b, r)| (b != 0, r != 0)))
    }

    /// Sets the bookmark mark; committed before it returns.
    pub fn set_bookmarked(&self, id: &str, on: bool) -> Result<()> {
        self.set_mark(id, "bookmarked", on)
    }

    /// Sets the read mark; committed before it returns.
    pub fn set_read(&self, id: &str, on: bool) -> Result<()> {
        self.set_mark(id, "read", on)
    }

    fn set_mark(&self, id: &str, column: &str, on: bool) -> Result<()> {
        let sql = format!(
            "INSERT INTO marks (article_id, {column}, updated) VALUES (?1, ?2, ?3)
             ON CONFLICT (article_id) DO UPDATE SET {column} = ?2, updated = ?3"
        );
        self.conn
            .execute(&sql, params![id, i64::from(on), now()])
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// The id of the article whose folded title equals `title`'s, if any.
    pub fn find_by_title(&self, title: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT id FROM articles WHERE title_key = ?1 ORDER BY sort_key DESC LIMIT 1",
                [fold_key(title)],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The id of the article at `url`, if stored.
    pub fn find_by_url(&self, url: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT id FROM articles WHERE url = ?1 LIMIT 1",
                [url],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every article's id, title and text, for similarity ranking.
    pub fn corpus(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, coalesce(standfirst, ''), body FROM articles")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let body: String = r.get(3)?;
                let paragraphs: Vec<String> = serde_json::from_str(&body).unwrap_or_default();
                let text = format!("{}\n{}", r.get::<_, String>(2)?, paragraphs.join("\n"));
                Ok((r.get(0)?, r.get(1)?, text))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// True when every stored article is a built-in sample.
    pub fn only_embedded(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM articles WHERE origin <> 'embedded'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(n == 0)
    }

    /// Puts the built-in samples in a store that has no articles of the
    /// user's. Returns true when the samples are what the store shows.
    pub fn ensure_defaults(&mut self, defaults: &[Article]) -> Result<bool> {
        if !self.only_embedded()? {
            return Ok(false);
        }
        let have: usize = self.count(Filter::All)?;
        if have < defaults.len() {
            self.upsert(defaults, Origin::Embedded)?;
        }
        Ok(true)
    }

    /// Adds or updates articles in one transaction. User articles replace
    /// the built-in samples (except the ones the user bookmarked).
    pub fn upsert(&mut self, articles: &[Article], origin: Origin) -> Result<UpsertStats> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut stats = UpsertStats::default();
        let added_at = now();
        {
            let mut existing = tx
                .prepare_cached("SELECT digest, origin FROM articles WHERE id = ?1")
                .map_err(err)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO articles (id, title, title_key, source, url, byline, published,
                        standfirst, category, lang, body, related, links, origin, added, sort_key,
                        digest, guid)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                        coalesce(?7, ?15), ?16, ?17)
                     ON CONFLICT (id) DO UPDATE SET title = ?2, title_key = ?3, source = ?4,
                        url = ?5, byline = ?6, published = ?7, standfirst = ?8, category = ?9,
                        lang = ?10, body = ?11, related = ?12, links = ?13, origin = ?14,
                        sort_key = coalesce(?7, added), digest = ?16, guid = ?17",
                )
                .map_err(err)?;
            for a in articles {
                let digest = format!(
                    "{:016x}",
                    crate::text::fnv1a(format!("{}\0{}", origin.as_str(), json(a)).as_bytes())
                );
                let old: Option<(String, String)> = existing
                    .query_row([&a.id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
                    .map_err(err)?;
                match old {
                    Some((old, _)) if old == digest => {
                        stats.unchanged += 1;
                        continue;
                    }
                    // A sample the user imports becomes theirs: new to them.
                    Some((_, from)) if from == Origin::Embedded.as_str() => stats.added += 1,
                    Some(_) => stats.updated += 1,
                    None => stats.added += 1,
                }
                insert
                    .execute(params![
                        a.id,
                        a.title,
                        fold_key(&a.title),
                        a.source,
                        a.url,
                        a.byline,
                        a.published,
                        a.standfirst,
                        a.category,
                        a.lang,
                        json(&a.body),
                        json(&a.related),
                        json(&a.links),
                        origin.as_str(),
                        added_at,
                        digest,
                        a.guid,
                    ])
                    .map_err(err)?;
            }
        }
        if origin == Origin::User {
            tx.execute(
                "DELETE FROM articles WHERE origin = 'embedded' AND id NOT IN
                    (SELECT article_id FROM marks WHERE bookmarked = 1)",
                [],
            )
            .map_err(err)?;
            tx.execute(
                "UPDATE articles SET origin = 'user' WHERE origin = 'embedded'",
                [],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(stats)
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn sql_err(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            StoreError::NotADatabase {
                path: path.to_path_buf(),
            }
        }
        _ => sql_err(path, e),
    }
}

/// Refuses, before SQLite opens it, a file that exists, is not empty and
/// does not start with SQLite's header: it is someone's data, not ours.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(());
        }
        Err(source) => {
            return Err(StoreError::Unreadable {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(source) => {
                return Err(StoreError::Unreadable {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    if n == 0 || head[..n] == SQLITE_MAGIC[..n] && n == SQLITE_MAGIC.len() {
        Ok(())
    } else {
        Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        })
    }
}

#[cfg(test)]
mod tests;
