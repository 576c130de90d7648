//! The store's migration scripts, applied in order by `schema::migrate`.

/// Migration scripts, in order. Never edit a published one: append a new one.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: articles, their read/bookmark marks (kept apart so they survive
    // re-import and removal), and a small key/value table.
    "CREATE TABLE articles (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL,
        title_key  TEXT NOT NULL,
        source     TEXT,
        url        TEXT,
        guid       TEXT,
        byline     TEXT,
        published  INTEGER,
        standfirst TEXT,
        category   TEXT,
        lang       TEXT,
        body       TEXT NOT NULL,
        related    TEXT NOT NULL,
        links      TEXT NOT NULL,
        origin     TEXT NOT NULL,
        added      INTEGER NOT NULL,
        sort_key   INTEGER NOT NULL,
        digest     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX articles_by_time ON articles (sort_key DESC, id);
    CREATE INDEX articles_by_title ON articles (title_key);
    CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;
    CREATE TABLE marks (
        article_id TEXT PRIMARY KEY,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        read       INTEGER NOT NULL DEFAULT 0,
        updated    INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX marks_bookmarked ON marks (bookmarked) WHERE bookmarked = 1;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
    // 2: subscriptions. Articles remember their feed and the keys that find
    // duplicates; sort keys become milliseconds so undated feed items keep
    // their feed order; fetch state per feed; tags from the subscriptions file.
    "ALTER TABLE articles ADD COLUMN feed_url TEXT;
    ALTER TABLE articles ADD COLUMN url_key TEXT;
    ALTER TABLE articles ADD COLUMN text_key TEXT;
    UPDATE articles SET sort_key = sort_key * 1000;
    DROP INDEX articles_by_url;
    CREATE INDEX articles_by_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX articles_by_text_key ON articles (text_key) WHERE text_key IS NOT NULL;
    CREATE INDEX articles_by_feed ON articles (feed_url, sort_key DESC) WHERE feed_url IS NOT NULL;
    CREATE INDEX articles_by_source ON articles (source, sort_key DESC);
    CREATE TABLE feeds (
        url           TEXT PRIMARY KEY,
        title         TEXT,
        site_url      TEXT,
        etag          TEXT,
        last_modified TEXT,
        last_fetch    INTEGER,
        last_status   TEXT,
        last_error    TEXT,
        new_articles  INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE TABLE feed_tags (
        feed_url TEXT NOT NULL,
        tag      TEXT NOT NULL,
        PRIMARY KEY (feed_url, tag)
    ) WITHOUT ROWID;",
    // 3: full-text index (title, standfirst, body; accents folded) for search
    // and for finding similar articles without scanning the store.
    // Its rowid is fts_key(id), a function Edicola registers on each
    // connection, so rows are found by key and deletions follow by trigger.
    "CREATE VIRTUAL TABLE articles_fts USING fts5(
        id UNINDEXED, title, standfirst, body,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(0.0, 10.0, 3.0, 1.0)');
    CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = fts_key(old.id);
    END;",
    // 4: built for 100,000 articles. Articles get a sequential integer key
    // (appends instead of random inserts; small columns first, so list rows
    // are read without touching bodies). The full-text index becomes
    // contentless (no second copy of every text) and holds folded, stemmed
    // tokens made by Edicola; it is built from `index_queue` after the
    // articles are committed, so imports do not wait for it, and an
    // interrupted build resumes from the queue. Imported files are
    // remembered (size, mtime) so unchanged ones are not read again.
    // meta 'articles' counts the articles (the delete trigger and the
    // writer keep it; an insert trigger would cost a statement journal per
    // row): the list's total without counting 100,000 rows at start-up.
    // term_df is a snapshot of the index's document frequencies (fts5vocab
    // counts them by reading whole posting lists: too slow per article).
    "DROP TRIGGER articles_fts_delete;
    DROP TABLE articles_fts_vocab;
    DROP TABLE articles_fts;
    CREATE TABLE articles_v4 (
        key        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        sort_key   INTEGER NOT NULL,
        title      TEXT NOT NULL,
        title_key  TEXT NOT NULL,
        source     TEXT,
        published  INTEGER,
        feed_url   TEXT,
        url_key    TEXT,
        text_key   TEXT,
        digest     TEXT NOT NULL,
        origin     TEXT NOT NULL,
        added      INTEGER NOT NULL,
        lang       TEXT,
        url        TEXT,
        guid       TEXT,
        byline     TEXT,
        category   TEXT,
        standfirst TEXT,
        body       TEXT NOT NULL,
        related    TEXT NOT NULL,
        links      TEXT NOT NULL
    );
    INSERT INTO articles_v4 (id, sort_key, title, title_key, source, published, feed_url,
        url_key, text_key, digest, origin, added, lang, url, guid, byline, category,
        standfirst, body, related, links)
    SELECT id, sort_key, title, title_key, source, published, feed_url, url_key, text_key,
        digest, origin, added, lang, url, guid, byline, category, standfirst, body, related,
        links
    FROM articles ORDER BY sort_key, id;
    DROP TABLE articles;
    ALTER TABLE articles_v4 RENAME TO articles;
    CREATE INDEX articles_by_time ON articles (sort_key DESC, id);
    CREATE INDEX articles_by_title ON articles (title_key);
    CREATE INDEX articles_by_url_key ON articles (url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX articles_by_text_key ON articles (text_key) WHERE text_key IS NOT NULL;
    CREATE INDEX articles_by_feed ON articles (feed_url, sort_key DESC) WHERE feed_url IS NOT NULL;
    CREATE INDEX articles_by_source ON articles (source, sort_key DESC);
    CREATE INDEX articles_embedded ON articles (key) WHERE origin = 'embedded';
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, standfirst, body,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
    );
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0)');
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
    CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
    CREATE TABLE index_queue (
        key     INTEGER PRIMARY KEY,
        fresh   INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO index_queue (key, fresh) SELECT key, 1 FROM articles;
    CREATE TABLE term_df (
        term TEXT PRIMARY KEY,
        df   INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE imported_files (
        path     TEXT PRIMARY KEY,
        size     INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts WHERE rowid = old.key;
        DELETE FROM index_queue WHERE key = old.key;
        UPDATE meta SET value = CAST(value AS INTEGER) - 1 WHERE key = 'articles';
    END;
    INSERT OR REPLACE INTO meta (key, value) SELECT 'articles', count(*) FROM articles;

    CREATE INDEX articles_list ON articles (sort_key DESC, id, title, source, published);",
    // 5: `articles_list` starts with the same columns as `articles_by_time`,
    // which only cost every write an index entry more.
    "DROP INDEX articles_by_time;",
    // 6: the feeds pane counts articles per feed and per local source from
    // this index alone (no article row is read).
    "CREATE INDEX articles_by_feed_source ON articles (feed_url, source, sort_key);",
    // 7: removed articles leave a tombstone with the keys that find an article
    // (id, URL key, text key), so that a fetch or import does not bring
    // them back; `seen` is the last time a write was offered one (see
    // tombstones.rs for when they are dropped).
    "CREATE TABLE tombstones (
        id       TEXT PRIMARY KEY,
        url_key  TEXT,
        text_key TEXT,
        feed_url TEXT,
        removed  INTEGER NOT NULL,
        seen     INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX tombstones_by_url_key ON tombstones (url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX tombstones_by_text_key ON tombstones (text_key) WHERE text_key IS NOT NULL;
    CREATE INDEX tombstones_by_feed ON tombstones (feed_url, seen) WHERE feed_url IS NOT NULL;
    CREATE INDEX tombstones_by_seen ON tombstones (seen);",
    // 8: unread articles in list order, and where the reader stopped. The
    // read mark is copied onto its article (`is_read`, kept by triggers on
    // marks; new rows by the writer), so that the next unread article is
    // an index seek whichever list order is shown, not a walk through
    // every read one. A reading position is kept per article on marks
    // (block of the article and character offset in it: the same place
    // at any width); `begun` marks the ones left before their end.
    "ALTER TABLE articles ADD COLUMN is_read INTEGER NOT NULL DEFAULT 0;
    UPDATE articles SET is_read = 1
     WHERE id IN (SELECT article_id FROM marks WHERE read = 1);
    CREATE INDEX articles_by_read ON articles (is_read, sort_key DESC, id);
    CREATE INDEX articles_unread_by_source ON articles (source, sort_key DESC)
     WHERE is_read = 0;
    CREATE INDEX articles_unread_by_title ON articles (title_key) WHERE is_read = 0;
    CREATE TRIGGER marks_read_insert AFTER INSERT ON marks BEGIN
        UPDATE articles SET is_read = NEW.read
         WHERE id = NEW.article_id AND is_read <> NEW.read;
    END;
    CREATE TRIGGER marks_read_update AFTER UPDATE OF read ON marks BEGIN
        UPDATE articles SET is_read = NEW.read
         WHERE id = NEW.article_id AND is_read <> NEW.read;
    END;
    CREATE TRIGGER marks_read_delete AFTER DELETE ON marks BEGIN
        UPDATE articles SET is_read = 0 WHERE id = OLD.article_id AND is_read <> 0;
    END;
    ALTER TABLE marks ADD COLUMN stop_block INTEGER;
    ALTER TABLE marks ADD COLUMN stop_offset INTEGER;
    ALTER TABLE marks ADD COLUMN begun INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX marks_begun ON marks (article_id) WHERE begun = 1;",
    // 9: ignored articles (ignore rules): stored apart with the columns of
    // `articles`, so no query over `articles` changes; the rule that kept
    // each out and when. `ignore_exempt`: articles the user took back,
    // never ignored again.
    "CREATE TABLE ignored_articles (
        key        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        sort_key   INTEGER NOT NULL,
        title      TEXT NOT NULL,
        title_key  TEXT NOT NULL,
        source     TEXT,
        published  INTEGER,
        feed_url   TEXT,
        url_key    TEXT,
        text_key   TEXT,
        digest     TEXT NOT NULL,
        origin     TEXT NOT NULL,
        added      INTEGER NOT NULL,
        lang       TEXT,
        url        TEXT,
        guid       TEXT,
        byline     TEXT,
        category   TEXT,
        standfirst TEXT,
        body       TEXT NOT NULL,
        related    TEXT NOT NULL,
        links      TEXT NOT NULL,
        rule       TEXT NOT NULL,
        ignored_at INTEGER NOT NULL
    );
    CREATE INDEX ignored_by_time ON ignored_articles (sort_key DESC, id);
    CREATE INDEX ignored_by_url_key ON ignored_articles (url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX ignored_by_text_key ON ignored_articles (text_key) WHERE text_key IS NOT NULL;
    CREATE TABLE ignore_exempt (
        id      TEXT PRIMARY KEY,
        url_key TEXT,
        text_key TEXT
    ) WITHOUT ROWID;",
    // 10: a counter of the changes that move list rows other than inserts
    // (which raise the highest key): deletes, and changes of a column lists
    // are ordered or filtered by. Sampled row numbers (ranks.rs) hold while
    // neither moves.
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('list_changes', 0);
    CREATE TRIGGER articles_list_delete AFTER DELETE ON articles BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'list_changes';
    END;
    CREATE TRIGGER articles_list_update AFTER UPDATE OF id, sort_key, source, feed_url ON articles
    WHEN OLD.id IS NOT NEW.id OR OLD.sort_key IS NOT NEW.sort_key
      OR OLD.source IS NOT NEW.source OR OLD.feed_url IS NOT NEW.feed_url BEGIN
        UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'list_changes';
    END;",
    // sync: articles of feed-server accounts (remote id -> stored article,
    // which the duplicate keys may share with a local feed), each account's
    // cursor, and the queue of marks waiting to go up. Triggers on `marks`
    // queue every change of a synced article's read or bookmark mark, from
    // whichever process or command made it; the sync engine drops the rows
    // its own writes of the server's state add (see store/sync.rs).
    "CREATE TABLE sync_items (
        account    TEXT NOT NULL,
        remote_id  TEXT NOT NULL,
        article_id TEXT NOT NULL,
        feed_id    TEXT NOT NULL,
        PRIMARY KEY (account, remote_id)
    ) WITHOUT ROWID;
    CREATE INDEX sync_items_by_article ON sync_items (article_id);
    CREATE TABLE sync_accounts (
        account   TEXT PRIMARY KEY,
        cursor    TEXT,
        last_sync INTEGER
    ) WITHOUT ROWID;
    CREATE TABLE sync_queue (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        account   TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        mark      TEXT NOT NULL,
        value     INTEGER NOT NULL,
        changed   INTEGER NOT NULL
    );
    CREATE INDEX sync_queue_by_item ON sync_queue (account, remote_id, mark);
    CREATE TRIGGER sync_marks_insert AFTER INSERT ON marks
    WHEN NEW.read <> 0 OR NEW.bookmarked <> 0 BEGIN
        INSERT INTO sync_queue (account, remote_id, mark, value, changed)
        SELECT account, remote_id, 'read', 1, NEW.updated FROM sync_items
         WHERE article_id = NEW.article_id AND NEW.read <> 0;
        INSERT INTO sync_queue (account, remote_id, mark, value, changed)
        SELECT account, remote_id, 'starred', 1, NEW.updated FROM sync_items
         WHERE article_id = NEW.article_id AND NEW.bookmarked <> 0;
    END;
    CREATE TRIGGER sync_marks_read AFTER UPDATE OF read ON marks
    WHEN OLD.read IS NOT NEW.read BEGIN
        INSERT INTO sync_queue (account, remote_id, mark, value, changed)
        SELECT account, remote_id, 'read', NEW.read, NEW.updated FROM sync_items
         WHERE article_id = NEW.article_id;
    END;
    CREATE TRIGGER sync_marks_starred AFTER UPDATE OF bookmarked ON marks
    WHEN OLD.bookmarked IS NOT NEW.bookmarked BEGIN
        INSERT INTO sync_queue (account, remote_id, mark, value, changed)
        SELECT account, remote_id, 'starred', NEW.bookmarked, NEW.updated FROM sync_items
         WHERE article_id = NEW.article_id;
    END;",
    // Every author and category of an article when there are several
    // (JSON lists; `byline` and `category` keep what they showed).
    "ALTER TABLE articles ADD COLUMN authors TEXT;
    ALTER TABLE articles ADD COLUMN categories TEXT;
    ALTER TABLE ignored_articles ADD COLUMN authors TEXT;
    ALTER TABLE ignored_articles ADD COLUMN categories TEXT;",
    // The feeds pane's read counts from the index its totals come from.
    "DROP INDEX articles_by_feed_source;
    CREATE INDEX articles_by_feed_source ON articles (feed_url, source, sort_key, is_read);",
    // Index tokens keep the vowel and tone marks of Indic and Southeast
    // Asian scripts (`text::is_letter_mark`), so the tokenizer must take
    // marks as part of words; the index is rebuilt (`INDEX_VERSION`).
    "DROP TABLE articles_fts_vocab;
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, standfirst, body,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* Co M*'''
    );
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 1.0)');
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
    CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
    DELETE FROM term_df;
    DELETE FROM meta WHERE key = 'df_articles';",
    // The subscriptions of feed-server accounts as the last sync (or an
    // edit from Edicola) left them, folders as a JSON list: the feeds pane
    // shows each account's tree from here, and the feed tags keep the
    // folders whatever the subscriptions file says.
    "CREATE TABLE sync_feeds (
        account TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        url     TEXT NOT NULL,
        title   TEXT NOT NULL,
        folders TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (account, feed_id)
    ) WITHOUT ROWID;
    CREATE INDEX sync_feeds_by_url ON sync_feeds (url);",
];
