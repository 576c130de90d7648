//! The subscriptions file (`subscriptions.toml` in the config directory):
//! one `[[feed]]` table per subscription with its settings. Edited in place
//! with toml_edit, so the user's comments and layout survive, and saved
//! atomically.
//!
//! ```toml
//! [[feed]]
//! url = "https://example.com/rss"
//! title = "Example"          # overrides the feed's own title
//! tags = ["tech", "italia"]
//! keep = 200                 # keep the newest 200 articles (bookmarks always stay)
//! min_interval = "30m"       # `fetch` skips it if fetched more recently (s, m, h, d)
//! ```

mod edit;

use std::path::{Path, PathBuf};

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use crate::model::Subscription;

/// One subscription with its settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feed {
    pub url: String,
    pub title: Option<String>,
    pub tags: Vec<String>,
    pub keep: Option<usize>,
    /// Seconds between fetches at least.
    pub min_interval: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum SubsError {
    #[error("{}: {message}", path.display())]
    Parse { path: PathBuf, message: String },
    /// A `[[feed]]` table (counted from 1) that is not a subscription.
    #[error("{}: [[feed]] number {number}: {problem}", path.display())]
    Entry {
        path: PathBuf,
        number: usize,
        problem: EntryError,
    },
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot save: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The subscriptions file, loaded.
#[derive(Debug)]
pub struct SubsFile {
    path: PathBuf,
    doc: DocumentMut,
    pub feeds: Vec<Feed>,
}

impl SubsFile {
    /// Loads the file; a missing file is an empty list.
    pub fn load(path: &Path) -> Result<SubsFile, SubsError> {
        let text = crate::fsutil::read_optional(path)
            .map_err(|source| SubsError::Read {
                path: path.into(),
                source,
            })?
            .unwrap_or_default();
        SubsFile::parse(path, &text)
    }

    /// Reads the text of the file at `path` (named in errors).
    pub fn parse(path: &Path, text: &str) -> Result<SubsFile, SubsError> {
        let parse_err = |message: String| SubsError::Parse {
            path: path.into(),
            message,
        };
        let doc: DocumentMut = text
            .parse()
            .map_err(|e: toml_edit::TomlError| parse_err(e.to_string().trim_end().to_string()))?;
        let mut feeds = Vec::new();
        if let Some(item) = doc.get("feed") {
            let tables = item
                .as_array_of_tables()
                .ok_or_else(|| parse_err("`feed` must be a list of [[feed]] tables".into()))?;
            for (n, t) in tables.iter().enumerate() {
                feeds.push(read_feed(t).map_err(|problem| SubsError::Entry {
                    path: path.into(),
                    number: n + 1,
                    problem,
                })?);
            }
        }
        Ok(SubsFile {
            path: path.into(),
            doc,
            feeds,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The subscription with this URL.
    pub fn find(&self, url: &str) -> Option<&Feed> {
        self.feeds.iter().find(|f| f.url == url)
    }

    /// Adds a subscription (no-op if the URL is there); returns true if added.
    pub fn add(&mut self, sub: &Subscription) -> bool {
        if self.find(&sub.url).is_some() {
            return false;
        }
        let mut table = Table::new();
        table["url"] = value(sub.url.as_str());
        if let Some(title) = &sub.title {
            table["title"] = value(title.as_str());
        }
        if !sub.tags.is_empty() {
            let mut tags = Array::new();
            for t in &sub.tags {
                tags.push(t.as_str());
            }
            table["tags"] = value(tags);
        }
        if !self.doc.contains_key("feed") {
            self.doc["feed"] = Item::ArrayOfTables(ArrayOfTables::new());
        }
        if let Some(list) = self.doc["feed"].as_array_of_tables_mut() {
            list.push(table);
        }
        self.feeds.push(Feed {
            url: sub.url.clone(),
            title: sub.title.clone(),
            tags: sub.tags.clone(),
            ..Feed::default()
        });
        true
    }

    /// Removes a subscription by URL; returns it if it was there.
    pub fn remove(&mut self, url: &str) -> Option<Feed> {
        let index = self.feeds.iter().position(|f| f.url == url)?;
        Some(self.remove_at(index))
    }

    fn remove_at(&mut self, index: usize) -> Feed {
        if let Some(list) = self
            .doc
            .get_mut("feed")
            .and_then(Item::as_array_of_tables_mut)
        {
            list.remove(index);
        }
        self.feeds.remove(index)
    }

    /// Changes a subscription's URL (after a permanent redirect). When
    /// another subscription has the new URL already, the two become one:
    /// that one, with the tags of both.
    pub fn set_url(&mut self, old: &str, new: &str) {
        let Some(index) = self.feeds.iter().position(|f| f.url == old) else {
            return;
        };
        if old == new {
            return;
        }
        if let Some(kept) = self.feeds.iter().position(|f| f.url == new) {
            let gone = self.remove_at(index);
            let kept = if kept > index { kept - 1 } else { kept };
            self.add_tags(kept, &gone.tags);
            return;
        }
        if let Some(t) = self
            .doc
            .get_mut("feed")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|l| l.get_mut(index))
        {
            t["url"] = value(new);
        }
        self.feeds[index].url = new.to_string();
    }

    fn add_tags(&mut self, index: usize, tags: &[String]) {
        let feed = &mut self.feeds[index];
        let before = feed.tags.len();
        for tag in tags {
            if !feed.tags.contains(tag) {
                feed.tags.push(tag.clone());
            }
        }
        if feed.tags.len() == before {
            return;
        }
        let list: Array = feed.tags.iter().map(String::as_str).collect();
        if let Some(t) = self
            .doc
            .get_mut("feed")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|l| l.get_mut(index))
        {
            t["tags"] = value(list);
        }
    }

    /// Saves atomically.
    pub fn save(&self) -> Result<(), SubsError> {
        crate::fsutil::write_atomic(&self.path, self.to_toml().as_bytes()).map_err(|source| {
            SubsError::Write {
                path: self.path.clone(),
                source,
            }
        })
    }

    /// The file's text as `save` writes it.
    pub fn to_toml(&self) -> String {
        self.doc.to_string()
    }

    /// The subscriptions as plain data (for OPML).
    pub fn subscriptions(&self) -> Vec<Subscription> {
        self.feeds
            .iter()
            .map(|f| Subscription {
                url: f.url.clone(),
                title: f.title.clone(),
                tags: f.tags.clone(),
                ..Subscription::default()
            })
            .collect()
    }
}

/// What is wrong with one `[[feed]]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("`url` (a string) is required")]
    NoUrl,
    #[error("`{field}` must be {expected}")]
    Wrong {
        field: &'static str,
        expected: &'static str,
    },
}

const INTERVAL: EntryError = EntryError::Wrong {
    field: "min_interval",
    expected: "look like 90, \"30m\", \"2h\" or \"1d\"",
};

fn read_feed(t: &Table) -> Result<Feed, EntryError> {
    let wrong = |field, expected| EntryError::Wrong { field, expected };
    let url = t
        .get("url")
        .and_then(Item::as_str)
        .ok_or(EntryError::NoUrl)?;
    let title = match t.get("title") {
        None => None,
        Some(i) => Some(i.as_str().ok_or(wrong("title", "a string"))?.to_string()),
    };
    let tags = match t.get("tags") {
        None => Vec::new(),
        Some(i) => i
            .as_array()
            .ok_or(wrong("tags", "a list of strings"))?
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or(wrong("tags", "a list of strings"))
            })
            .collect::<Result<_, _>>()?,
    };
    let keep = match t.get("keep") {
        None => None,
        Some(i) => Some(
            i.as_integer()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or(wrong("keep", "a positive number"))?,
        ),
    };
    let min_interval = match t.get("min_interval") {
        None => None,
        Some(i) => Some(match (i.as_integer(), i.as_str()) {
            (Some(n), _) if n >= 0 => n,
            (_, Some(s)) => parse_interval(s).ok_or(INTERVAL)?,
            _ => return Err(INTERVAL),
        }),
    };
    Ok(Feed {
        url: url.to_string(),
        title,
        tags,
        keep,
        min_interval,
    })
}

/// "90", "90s", "30m", "2h", "1d" -> seconds.
pub fn parse_interval(s: &str) -> Option<i64> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = num.parse().ok()?;
    let factor = match unit.trim() {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return None,
    };
    // Too long to be meant (and past i64) reads as no interval, not a panic.
    n.checked_mul(factor)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
