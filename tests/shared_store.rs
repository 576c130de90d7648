//! The reader and other commands on one store at the same time. SQLite's
//! locks belong to the process: closing any descriptor of the database
//! file drops them all, after which another process may delete the
//! write-ahead log under a connection that still writes to it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use edicola::model::Article;
use edicola::store::{Filter, Origin, Store};

fn edicola(data: &Path) -> Command {
    edicola_at(Path::new(env!("CARGO_BIN_EXE_edicola")), data)
}

fn edicola_at(binary: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(binary);
    cmd.env("EDICOLA_DATA", data)
        .env("EDICOLA_CONFIG", data.join("config"))
        .stdin(Stdio::null());
    cmd
}

fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| Article {
            id: format!("art{i:02}"),
            title: format!("Article number {i}"),
            url: Some(format!("https://example.org/{i}")),
            body: vec![format!("Body of article {i} about trains and ports.")],
            ..Article::default()
        })
        .collect()
}

/// The reader's store stays open while a second connection of the same
/// process opens and closes (as the reader's background jobs do) and a CLI
/// command runs beside it: every mark set afterwards is kept.
#[test]
fn marks_survive_a_cli_command_beside_the_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("edicola.db");
    let mut reader = Store::open(&file).expect("open");
    reader.upsert(&articles(10), Origin::User).expect("upsert");
    // The reader's background jobs open their own connections: the
    // sidebar's lookups for as long as the reader runs, the index build
    // and refreshes for a while.
    let lookups = Store::open_read_only(&file).expect("lookups connection");
    drop(Store::open(&file).expect("job connection"));
    let out = edicola(dir.path()).arg("list").output().expect("run list");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for i in 0..10 {
        reader
            .set_bookmarked(&format!("art{i:02}"), true)
            .expect("bookmark");
    }
    drop(reader);
    drop(lookups);
    let after = Store::open(&file).expect("reopen");
    assert_eq!(after.count(&Filter::bookmarks()).expect("count"), 10);
}

/// A store of `n` articles in a new temporary directory.
fn store_of(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("edicola.db");
    Store::open(&file)
        .expect("open")
        .upsert(&articles(n), Origin::User)
        .expect("upsert");
    (dir, file)
}

fn app_on(file: &Path) -> edicola::app::App {
    let mut app = edicola::app::App::new(
        Store::open(file).expect("open"),
        edicola::keymap::Keymap::builtin().expect("keymap"),
        false,
        ratatui::layout::Rect::new(0, 0, 120, 40),
    )
    .expect("app");
    app.idle_work();
    app
}

fn press(app: &mut edicola::app::App, keys: &str) {
    for spec in keys.split_whitespace() {
        let key = edicola::keymap::parse_key(spec).expect("key name");
        if let Some(action) = app.keymap.lookup(app.context(), &key) {
            app.update(action);
        }
        app.idle_work();
    }
}

/// Undo reverts only the mark its action changed, and only while it is
/// still what the action left: a bookmark set by another reader stays.
#[test]
fn undo_keeps_what_another_reader_changed_since() {
    let (_dir, file) = store_of(3);
    let mut first = app_on(&file);
    let mut second = app_on(&file);
    let id = first.opened.as_ref().expect("opened").article.id.clone();
    assert_eq!(second.opened.as_ref().expect("opened").article.id, id);
    let before = Store::open(&file).expect("open").marks(&id).expect("marks");
    press(&mut first, "u");
    press(&mut second, "b");
    press(&mut first, "ctrl-z");
    let after = Store::open(&file).expect("open").marks(&id).expect("marks");
    assert_eq!(after, (true, before.1), "bookmark kept, read mark undone");
    // Undoing a mark that another reader changed back leaves it alone.
    press(&mut second, "u");
    press(&mut first, "u");
    let marks = Store::open(&file).expect("open").marks(&id).expect("marks");
    press(&mut second, "b");
    press(&mut first, "ctrl-z");
    let last = Store::open(&file).expect("open").marks(&id).expect("marks");
    assert_eq!(last.0, !marks.0, "second's bookmark change kept");
}

/// Commands started at the same moment on a new data directory all
/// succeed: each creates or migrates the store, or finds it done.
#[test]
fn commands_started_together_on_a_new_store_all_succeed() {
    for round in 0..3 {
        let dir = tempfile::tempdir().expect("temp dir");
        let children: Vec<_> = (0..6)
            .map(|_| {
                edicola(dir.path())
                    .arg("list")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// An SQLite file of another program is refused by every command, named,
/// and left byte for byte as it was.
#[test]
fn another_programs_database_is_left_alone_by_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("edicola.db");
    {
        let conn = rusqlite::Connection::open(&file).expect("raw");
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
            .expect("foreign");
    }
    let before = std::fs::read(&file).expect("read");
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><title>T</title><body><p>Some text here.</p></body></html>",
    )
    .expect("page");
    for args in [vec!["list"], vec!["import", page.to_str().expect("utf-8")]] {
        let out = edicola(dir.path()).args(&args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("edicola.db") && stderr.contains("another program"),
            "{stderr}"
        );
    }
    assert_eq!(std::fs::read(&file).expect("read"), before);
    assert!(!dir.path().join("edicola.db-wal").exists());
}

/// Importing the data directory never reads the store's own files.
#[test]
fn import_of_the_data_directory_skips_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = edicola(dir.path()).arg("list").output().expect("create");
    assert!(out.status.success());
    let out = edicola(dir.path())
        .arg("import")
        .arg(dir.path())
        .output()
        .expect("import");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("edicola.db: skipped: Edicola's own store"),
        "{stderr}"
    );
    assert!(!stderr.contains("could not be imported"), "{stderr}");
}

/// As root, permissions do not stop writes: the command then runs as
/// `nobody`, for whom the directory is read-only.
fn as_reader_without_write_access(cmd: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        cmd.uid(65534).gid(65534);
    }
    cmd
}

/// An RSS file in `dir` of `n` items titled "`title` N", each with a
/// description of `words` repetitions of its own words.
fn write_feed(dir: &Path, title: &str, n: usize, words: usize) -> PathBuf {
    let items: String = (0..n)
        .map(|i| {
            format!(
                "<item><title>{title} {i}</title><link>https://example.org/{title}/{i}</link>\
                 <description>{}</description></item>",
                format!("text{i} harbour ").repeat(words)
            )
        })
        .collect();
    let path = dir.join(format!("{}.xml", title.replace(' ', "-")));
    std::fs::write(
        &path,
        format!("<rss version=\"2.0\"><channel><title>F</title>{items}</channel></rss>"),
    )
    .expect("feed");
    path
}

/// Imports `feed` into the store in `data`; the import must succeed.
fn import_ok(data: &Path, feed: &Path) {
    let out = edicola(data)
        .arg("import")
        .arg(feed)
        .output()
        .expect("import");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A data directory that cannot be written: the user's store is shown
/// read-only (never the samples), the commands say so, and a change is
/// refused instead of claimed.
#[test]
fn a_read_only_data_dir_shows_its_store_and_saves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let top = tempfile::tempdir().expect("temp dir");
    let data = top.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    let feed = write_feed(top.path(), "Own article", 5, 1);
    import_ok(&data, &feed);
    let store = data.join("edicola.db");
    let before = std::fs::read(&store).expect("read");
    for (path, mode) in [
        (top.path(), 0o755),
        (data.as_path(), 0o555),
        (&store, 0o644),
    ] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    // The unprivileged user may not reach the build's binary (a clone
    // under a private directory): it runs a copy beside the data.
    let binary = top.path().join("edicola");
    std::fs::copy(env!("CARGO_BIN_EXE_edicola"), &binary).expect("copy the binary");
    std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let edicola = |data: &Path| edicola_at(&binary, data);
    let out = as_reader_without_write_access(&mut edicola(&data))
        .env("EDICOLA_CONFIG", top.path().join("config"))
        .arg("list")
        .output()
        .expect("list");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout.matches("Own article").count(), 5, "{stdout}");
    assert!(stderr.contains("Read-only"), "{stderr}");
    let id = stdout.split_whitespace().next().expect("an id").to_string();
    let out = as_reader_without_write_access(&mut edicola(&data))
        .env("EDICOLA_CONFIG", top.path().join("config"))
        .args(["bookmark", &id])
        .output()
        .expect("bookmark");
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("bookmarked"));
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(std::fs::read(&store).expect("read"), before);
}

/// When changes cannot be saved (no store could be opened on disk), the
/// reader never claims a save.
#[test]
fn a_reader_that_cannot_save_never_says_saved() {
    let mut store = Store::open_in_memory().expect("store");
    store.upsert(&articles(2), Origin::User).expect("upsert");
    let mut app = edicola::app::App::new(
        store,
        edicola::keymap::Keymap::builtin().expect("keymap"),
        false,
        ratatui::layout::Rect::new(0, 0, 100, 30),
    )
    .expect("app");
    app.saving = false;
    press(&mut app, "b");
    let (status, _) = app.status.clone().expect("a status");
    assert!(status.contains("not saved"), "{status}");
}

/// Another process holding the write lock never stops a key: the mark is
/// shown at once, the status bar says it waits, and it is saved (and said
/// so) once the lock is free.
#[test]
fn a_write_lock_held_elsewhere_never_blocks_a_key() {
    use std::time::{Duration, Instant};
    let (_dir, file) = store_of(3);
    let mut app = app_on(&file);
    let (tx, rx) = std::sync::mpsc::channel();
    let reporter = edicola::jobs::Reporter::new(tx);
    app.set_writer(edicola::jobs::Writer::spawn(&file, reporter).expect("writer"));
    let other = rusqlite::Connection::open(&file).expect("another process's connection");
    other.execute_batch("BEGIN IMMEDIATE").expect("write lock");

    let started = Instant::now();
    press(&mut app, "b");
    assert!(started.elapsed() < Duration::from_secs(1), "the key waited");
    assert!(
        app.opened.as_ref().expect("opened").bookmarked,
        "shown at once"
    );
    assert!(app.writing());
    let status = |app: &edicola::app::App| app.status.clone().expect("status").0;
    assert!(status(&app).contains("saving"), "{}", status(&app));
    app.on_job(job(&rx));
    assert!(status(&app).contains("waiting"), "{}", status(&app));

    other.execute_batch("COMMIT").expect("lock released");
    app.on_job(job(&rx));
    assert!(!app.writing());
    assert_eq!(status(&app), "Bookmarked (saved)");
    let id = app.opened.as_ref().expect("opened").article.id.clone();
    assert!(
        Store::open(&file)
            .expect("open")
            .marks(&id)
            .expect("marks")
            .0
    );
}

/// Types `text` into the open prompt, a key at a time.
fn type_in_prompt(app: &mut edicola::app::App, text: &str) {
    for c in text.chars() {
        let key =
            ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c));
        app.prompt_key(&key);
    }
}

/// The next report of a background job (within 30 s).
fn job(rx: &std::sync::mpsc::Receiver<edicola::jobs::Msg>) -> edicola::jobs::JobEvent {
    match rx.recv_timeout(std::time::Duration::from_secs(30)) {
        Ok(edicola::jobs::Msg::Job(event)) => event,
        other => panic!("expected a job's report, got {other:?}"),
    }
}

/// Typing in the search prompt never waits for the search: each key
/// returns with the old results still shown and "searching…"; answers to
/// queries typed over are never shown, the last query's answer is.
#[test]
fn typing_a_search_never_waits_and_the_last_query_wins() {
    use edicola::jobs::{JobEvent, Reporter, Searches};
    let (_dir, file) = store_of(3);
    let mut app = app_on(&file);
    let (tx, rx) = std::sync::mpsc::channel();
    app.set_searcher(Searches::spawn(&file, Reporter::new(tx)).expect("search thread"));
    let total = app.list.total;
    press(&mut app, "/");
    for c in "zzzz".chars() {
        let key =
            ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c));
        assert!(app.prompt_key(&key));
        assert!(app.searching(), "the key returned before the search ran");
        assert_eq!(app.list.total, total, "the old list stays until the answer");
    }
    // Answers come for the last query only, or for older ones first; each
    // older one is dropped, and the list then shows the last query's.
    loop {
        let event = job(&rx);
        let JobEvent::Search(answer) = &event else {
            continue;
        };
        let last = answer.filter.query.as_deref() == Some("zzzz");
        app.on_job(event);
        assert_eq!(app.searching(), !last);
        if last {
            break;
        }
        assert_eq!(app.list.total, total, "a stale answer was shown");
    }
    assert_eq!(app.list.total, 0);
    assert_eq!(app.list.filter.query.as_deref(), Some("zzzz"));
}

/// A search with more matches than the reader ranks shows its first rows
/// with a lower bound ("2000+ results") before it has counted them all; the
/// count follows and replaces it, the rows and selection staying.
#[test]
fn a_search_with_many_matches_shows_its_rows_before_its_count() {
    use edicola::jobs::{JobEvent, Reporter, Searches};
    let (_dir, file) = store_of(2100);
    Store::open(&file)
        .expect("open")
        .index_all(|_, _| {})
        .expect("index");
    let mut app = app_on(&file);
    let (tx, rx) = std::sync::mpsc::channel();
    app.set_searcher(Searches::spawn(&file, Reporter::new(tx)).expect("search thread"));
    press(&mut app, "/");
    type_in_prompt(&mut app, "trains");
    while app.searching() {
        app.on_job(job(&rx));
    }
    assert!(app.counting());
    assert_eq!(app.list.total, 2000);
    assert_eq!(edicola::app::prompt::prompt_summary(&app), "2000+ results");
    let first = app.list.row(0).expect("first row").id.clone();
    loop {
        let event = job(&rx);
        let total = matches!(event, JobEvent::SearchTotal(_));
        app.on_job(event);
        if total {
            break;
        }
    }
    assert!(!app.counting());
    assert_eq!(app.list.total, 2100);
    assert_eq!(edicola::app::prompt::prompt_summary(&app), "2100 results");
    assert_eq!(app.list.row(0).expect("first row").id, first);
}

/// `G` in a search's results reads the last rows on the search thread:
/// pressed while the count is coming, it waits for the count; then the list
/// shows the last position at once and its rows when they come, the same
/// rows the store gives. `g` comes back the same way.
#[test]
fn g_in_many_search_results_reads_the_end_off_the_ui_thread() {
    use edicola::jobs::{JobEvent, Reporter, Searches};
    let (_dir, file) = store_of(2100);
    let mut store = Store::open(&file).expect("open");
    store.index_all(|_, _| {}).expect("index");
    let mut app = app_on(&file);
    let (tx, rx) = std::sync::mpsc::channel();
    app.set_searcher(Searches::spawn(&file, Reporter::new(tx)).expect("search thread"));
    press(&mut app, "/");
    type_in_prompt(&mut app, "trains");
    app.prompt_key(&ratatui::crossterm::event::KeyEvent::from(
        ratatui::crossterm::event::KeyCode::Enter,
    ));
    while app.searching() {
        app.on_job(job(&rx));
    }
    assert!(app.counting());
    let first = app.list.row(0).expect("first row").id.clone();
    press(&mut app, "G");
    assert_eq!(app.list.selected, 0, "G waits for the count");
    // The count comes, then the last rows.
    while app.counting() || app.searching() {
        let event = job(&rx);
        let counted = matches!(event, JobEvent::SearchTotal(_));
        app.on_job(event);
        if counted {
            assert!(app.searching(), "the end is asked for");
            assert_eq!(app.list.selected, 2099);
            assert!(app.list.row(2099).is_none(), "its rows are not read here");
        }
    }
    let filter = app.list.filter.clone();
    let last = store.page(&filter, 2099, 1).expect("page")[0].id.clone();
    assert_eq!(app.list.selected, 2099);
    assert_eq!(app.list.row(2099).map(|r| r.id.clone()), Some(last.clone()));
    assert_eq!(
        app.opened.as_ref().map(|o| o.article.id.clone()),
        Some(last)
    );
    press(&mut app, "g");
    assert!(app.searching());
    while app.searching() {
        app.on_job(job(&rx));
    }
    assert_eq!(app.list.selected, 0);
    assert_eq!(app.list.row(0).map(|r| r.id.clone()), Some(first));
}

/// Search results read again after a change (here a refresh's end) come
/// from the search thread too, and keep the selection.
#[test]
fn search_results_read_again_after_a_refresh_keep_the_selection() {
    use edicola::jobs::{JobEvent, Reporter, Searches};
    let (_dir, file) = store_of(6);
    let mut app = app_on(&file);
    let (tx, rx) = std::sync::mpsc::channel();
    app.set_searcher(Searches::spawn(&file, Reporter::new(tx)).expect("search thread"));
    press(&mut app, "/");
    type_in_prompt(&mut app, "trains");
    let answer = || loop {
        if let event @ JobEvent::Search(_) = job(&rx) {
            return event;
        }
    };
    while app.searching() {
        app.on_job(answer());
    }
    assert_eq!(app.list.total, 6);
    app.prompt_key(&ratatui::crossterm::event::KeyEvent::from(
        ratatui::crossterm::event::KeyCode::Enter,
    ));
    press(&mut app, "j j j");
    assert_eq!(app.list.selected, 3);
    let selected = app.opened.as_ref().expect("opened").article.id.clone();
    app.on_job(JobEvent::Refreshed {
        added: 0,
        feeds: 0,
        failed: Vec::new(),
        error: None,
    });
    assert!(app.searching(), "read again off the UI thread");
    while app.searching() {
        app.on_job(answer());
    }
    assert_eq!(app.list.selected, 3);
    assert_eq!(app.opened.as_ref().expect("opened").article.id, selected);

    // Removing from search results reads them again there too; the
    // article that took the removed one's place opens.
    press(&mut app, "d");
    assert!(app.searching(), "read again off the UI thread");
    while app.searching() {
        app.on_job(answer());
    }
    assert_eq!((app.list.total, app.list.selected), (5, 3));
    let opened = app.opened.as_ref().expect("opened").article.id.clone();
    assert_ne!(opened, selected);
    assert_eq!(app.list.row(3).expect("row").id, opened);
}

/// Mark-all-read goes through the writer thread too: the key returns at
/// once, the list and the undo step follow the save.
#[test]
fn mark_all_read_is_written_off_the_key_and_undone_after() {
    let (_dir, file) = store_of(3);
    let mut app = app_on(&file);
    let (tx, rx) = std::sync::mpsc::channel();
    let reporter = edicola::jobs::Reporter::new(tx);
    app.set_writer(edicola::jobs::Writer::spawn(&file, reporter).expect("writer"));
    press(&mut app, "A");
    let status = |app: &edicola::app::App| app.status.clone().expect("status").0;
    assert!(status(&app).contains("Marking"), "{}", status(&app));
    app.on_job(job(&rx));
    assert!(
        status(&app).contains("Marked 3 articles read"),
        "{}",
        status(&app)
    );
    let unread = |file: &Path| {
        let filter = edicola::store::Filter {
            unread: true,
            ..edicola::store::Filter::all()
        };
        Store::open(file)
            .expect("open")
            .count(&filter)
            .expect("count")
    };
    assert_eq!(unread(&file), 0);
    press(&mut app, "ctrl-z");
    app.on_job(job(&rx));
    assert_eq!(unread(&file), 3, "undone");
}

/// A small file system of its own, mounted for one test (root only).
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path, size: &str) -> Option<SmallDisk> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk(dir.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A full disk is called a full disk, and what was stored before stays.
#[test]
fn a_full_disk_is_said_plainly_and_loses_nothing() {
    let top = tempfile::tempdir().expect("temp dir");
    let data = top.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    let Some(_disk) = SmallDisk::mount(&data, "3m") else {
        eprintln!("skipped: cannot mount a small file system here (needs root)");
        return;
    };
    import_ok(&data, &write_feed(top.path(), "small story", 5, 5));
    let big = write_feed(top.path(), "big story", 8000, 80);
    let out = edicola(&data)
        .arg("import")
        .arg(&big)
        .output()
        .expect("import");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    let out = edicola(&data).args(["list"]).output().expect("list");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.matches("small story").count(), 5, "{stdout}");
}

/// A removal and its undo go through the writer too: with the write lock
/// held elsewhere, `d` returns at once and the list follows once saved.
#[test]
fn a_removal_waits_for_the_write_lock_off_the_ui_thread() {
    use std::time::{Duration, Instant};
    let (_dir, file) = store_of(3);
    let mut app = app_on(&file);
    let (tx, rx) = std::sync::mpsc::channel();
    let reporter = edicola::jobs::Reporter::new(tx);
    app.set_writer(edicola::jobs::Writer::spawn(&file, reporter).expect("writer"));
    let first = app.opened.as_ref().expect("opened").article.id.clone();
    let other = rusqlite::Connection::open(&file).expect("another process's connection");
    other.execute_batch("BEGIN IMMEDIATE").expect("write lock");

    let started = Instant::now();
    press(&mut app, "d");
    assert!(started.elapsed() < Duration::from_secs(1), "the key waited");
    assert!(app.writing());
    assert_eq!(app.list.total, 3, "not removed until saved");
    app.on_job(job(&rx));
    other.execute_batch("COMMIT").expect("lock released");
    app.on_job(job(&rx));
    assert!(!app.writing());
    assert_eq!(app.list.total, 2);
    let status = app.status.clone().expect("status").0;
    assert!(status.starts_with("Removed"), "{status}");
    assert!(
        Store::open(&file)
            .expect("open")
            .get(&first)
            .expect("get")
            .is_none()
    );

    press(&mut app, "ctrl-z");
    app.on_job(job(&rx));
    assert_eq!(app.list.total, 3);
    assert_eq!(
        app.opened.as_ref().map(|o| o.article.id.clone()),
        Some(first)
    );
}

/// The feeds thread reads the pane's counts as soon as it starts, so the
/// first `s` shows them at once instead of waiting for them.
#[test]
fn the_first_feeds_pane_shows_counts_read_ahead() {
    use edicola::jobs::{ConfigFiles, FeedsWorker, JobEvent, Reporter};
    let (dir, file) = store_of(3);
    let mut app = app_on(&file);
    let files = ConfigFiles {
        subscriptions: dir.path().join("subscriptions.toml"),
        searches: dir.path().join("searches.toml"),
    };
    app.set_config_files(files.clone());
    let (tx, rx) = std::sync::mpsc::channel();
    app.set_feeds_worker(
        FeedsWorker::spawn(&file, files, Reporter::new(tx)).expect("feeds thread"),
    );
    let event = job(&rx);
    assert!(matches!(event, JobEvent::Feeds(_)), "{event:?}");
    app.on_job(event);
    press(&mut app, "s");
    let pane = app.feeds.as_ref().expect("pane open");
    assert!(pane.data.is_some(), "the counts are shown at once");
    assert!(!pane.rows.is_empty());
}
