//! What storing an article needs, computed before the writing thread
//! sees it: JSON columns, the keys that find an earlier version of it, a
//! content hash; and the sort keys of undated articles.

use super::body::StoredBody;
use super::json;
use crate::model::Article;
use crate::text::fold_key;
use crate::urlnorm::url_key;

/// Sort keys for undated articles: the import's start time, minus one
/// millisecond per article, so they keep their order in the source.
#[derive(Debug, Clone)]
pub struct Undated {
    base_ms: i64,
    index: i64,
    pub(super) samples_dropped: bool,
}

impl Undated {
    pub fn now() -> Undated {
        Undated {
            base_ms: super::now_ms(),
            index: 0,
            samples_dropped: false,
        }
    }

    pub(super) fn next(&mut self) -> i64 {
        self.index += 1;
        self.base_ms - (self.index - 1)
    }
}

/// An article with what storing it needs computed: done on the parsing
/// threads of an import, so the thread that writes only writes.
#[derive(Clone)]
pub struct Prepared {
    pub article: Article,
    pub(super) body: StoredBody,
    pub(super) related: String,
    pub(super) links: String,
    /// `authors` and `categories` as stored: JSON lists, None when empty.
    pub(super) authors: Option<String>,
    pub(super) categories: Option<String>,
    pub(super) title_key: String,
    pub(super) keys: Keys,
    /// Hash of everything stored of the article.
    pub(super) content: u64,
    /// The ignore rule it matches (see `check_rules`).
    pub(super) ignored_by: Option<String>,
    /// Rules were tested where it was prepared.
    pub(super) rules_checked: bool,
}

/// A list as stored: JSON, or None when it is empty.
fn list_json(list: &[String]) -> Option<String> {
    (!list.is_empty()).then(|| json(&list))
}

/// A list as stored, read back; a value that is not a list of strings
/// reads as an empty list.
pub(super) fn list_from(stored: Option<String>) -> Vec<String> {
    stored
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

impl Prepared {
    pub fn new(mut article: Article) -> Prepared {
        // Every article stored passes here, whichever importer read it.
        crate::ingest::clean::article(&mut article);
        let body = super::blocks::body_json(&article);
        let related = json(&article.related);
        let links = json(&article.links);
        let keys = Keys::of(&article);
        let a = &article;
        let fields = json(&(
            &a.id,
            &a.title,
            &a.source,
            &a.url,
            &a.guid,
            &a.byline,
            a.published,
            &a.standfirst,
            &a.category,
            &a.lang,
            &a.authors,
            &a.categories,
        ));
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for part in [&fields, &body, &related, &links] {
            h.update(part.as_bytes());
            h.update(&[0]);
        }
        Prepared {
            title_key: fold_key(&article.title),
            content: h.digest(),
            body: StoredBody::new(body),
            related,
            links,
            authors: list_json(&article.authors),
            categories: list_json(&article.categories),
            keys,
            article,
            ignored_by: None,
            rules_checked: false,
        }
    }

    /// Tests the article against ignore rules where it is prepared
    /// (before `drop_texts`), so the writing thread need not; `tags` are
    /// its feed's. Articles not tested are tested by the store's rules.
    pub fn check_rules(
        &mut self,
        rules: &crate::ignore::IgnoreRules,
        matcher: &mut crate::ignore::Matcher<'_>,
        tags: &[String],
    ) {
        self.ignored_by = rules
            .first_match(matcher, &self.article, tags)
            .map(crate::ignore::Rule::label);
        self.rules_checked = true;
    }

    /// The label of the ignore rule the article matched, if tested.
    pub fn ignored_by(&self) -> Option<&str> {
        self.ignored_by.as_deref()
    }

    /// Drops the article's paragraphs, links and related entries, which
    /// storing reads in their prepared form: called where the article was
    /// prepared, their memory is freed there and not by the writing thread.
    pub fn drop_texts(&mut self) {
        self.article.body = Vec::new();
        self.article.blocks = Vec::new();
        self.article.links = Vec::new();
        self.article.related = Vec::new();
    }
}

/// The keys that recognise one article under different ids.
#[derive(Clone)]
pub(super) struct Keys {
    pub(super) url: Option<String>,
    pub(super) text: Option<String>,
}

impl Keys {
    fn of(a: &Article) -> Keys {
        // The first 120 content words (as `terms` finds them), joined by
        // spaces, hashed; only paragraphs up to there are read.
        let (hash, count) = crate::text::first_terms_hash(&a.body, 120);
        Keys {
            url: a.url.as_deref().map(url_key),
            // Only long texts: short summaries repeat across articles.
            text: (count >= 40).then(|| format!("{hash:016x}")),
        }
    }
}
