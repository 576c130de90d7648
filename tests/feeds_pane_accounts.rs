//! The feeds pane with feed-server accounts: each account's tree, and its
//! edits (rename, folders, add, remove) sent to the server, with Fever's
//! refusal said plainly and nothing changed here.

mod common;
mod sync_support;

use common::{draw, edicola, press, type_text};
use edicola::app::App;
use edicola::jobs::ConfigFiles;
use edicola::keymap::Keymap;
use edicola::store::Store;
use edicola::sync::fever::Fever;
use edicola::sync::greader::GReader;
use edicola::sync::http::Client;
use edicola::sync::{Remote, SyncOptions, sync_account};
use ratatui::layout::Rect;
use sync_support::Server;
use sync_support::subs_servers::{Sub, fever_subs_server, greader_subs_server};

type Subs = std::sync::Arc<std::sync::Mutex<Vec<Sub>>>;

struct Setup {
    app: App,
    greader: Server,
    subs: Subs,
    _fever: Server,
    _dir: tempfile::TempDir,
}

fn sync_as(remote: &mut dyn Remote, store: &mut Store, account: &str) {
    let mut progress = |_: &str| {};
    let opts = SyncOptions {
        since: 0,
        progress: &mut progress,
    };
    assert_eq!(sync_account(store, remote, account, opts).error, None);
}

/// A local subscription, a Google Reader API account `home` and a Fever
/// account `old`, both synced.
fn setup(width: u16, height: u16) -> Setup {
    let (greader, subs) = greader_subs_server();
    let fever = fever_subs_server();
    let dir = tempfile::tempdir().expect("dir");
    let base = format!("{}/api/greader.php", greader.base);
    for (kind, url, name) in [("greader", &base, "home"), ("fever", &fever.base, "old")] {
        edicola(dir.path())
            .args(["account", "add", kind, url, "--user", "me", "--name", name])
            .env("EDICOLA_PASSWORD", "secret")
            .assert()
            .success();
    }
    let config = dir.path().join("config");
    let local = "[[feed]]\nurl = \"https://local.example/rss\"\ntitle = \"Local Paper\"\n";
    std::fs::write(config.join("subscriptions.toml"), local).expect("subs");
    let mut store = Store::open_in_memory().expect("store");
    let mut client = GReader::new(Client::default(), &base, "me", "secret", None);
    sync_as(&mut client, &mut store, "home");
    sync_as(
        &mut Fever::new(Client::default(), &fever.base, "me", "secret"),
        &mut store,
        "old",
    );
    greader.log.lock().expect("log").clear();
    greader.answers.lock().expect("answers").clear();
    let keymap = Keymap::builtin().expect("keymap");
    let mut app = App::new(store, keymap, false, Rect::new(0, 0, width, height)).expect("app");
    app.set_config_files(ConfigFiles {
        subscriptions: config.join("subscriptions.toml"),
        searches: config.join("searches.toml"),
    });
    Setup {
        app,
        greader,
        subs,
        _fever: fever,
        _dir: dir,
    }
}

fn labels(app: &App) -> Vec<(u8, String)> {
    let pane = app.feeds.as_ref().expect("pane open");
    pane.rows
        .iter()
        .map(|r| (r.depth, r.label.clone()))
        .collect()
}

fn select(app: &mut App, depth: u8, label: &str) {
    let i = labels(app)
        .iter()
        .position(|(d, l)| *d == depth && l == label)
        .unwrap_or_else(|| panic!("no row {label} at depth {depth}: {:?}", labels(app)));
    press(app, "g");
    for _ in 0..i {
        press(app, "j");
    }
}

fn status(app: &App) -> String {
    app.status.clone().map(|s| s.0).unwrap_or_default()
}

fn edits(server: &Server) -> Vec<Vec<(String, String)>> {
    server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/subscription/edit"))
        .map(|r| sync_support::form(&r.body))
        .collect()
}

#[test]
fn the_pane_shows_each_accounts_tree_at_two_sizes() {
    let mut s = setup(110, 24);
    press(&mut s.app, "s");
    insta::assert_snapshot!("accounts_tree_wide", draw(&s.app).backend());
    s.app.resize(Rect::new(0, 0, 60, 16));
    insta::assert_snapshot!("accounts_tree_small", draw(&s.app).backend());
    let rows = labels(&s.app);
    let home = rows.iter().position(|r| r.1 == "@home").expect("home");
    assert_eq!(rows[home + 1], (1, "#World".to_string()));
    assert_eq!(rows[home + 2], (2, "Example News".to_string()));
    assert_eq!(rows[home + 3], (1, "Gadgets".to_string()));
}

#[test]
fn edits_of_an_accounts_feed_go_to_its_server() {
    let mut s = setup(110, 24);
    press(&mut s.app, "s");
    select(&mut s.app, 2, "Example News");
    press(&mut s.app, "c ctrl-u");
    type_text(&mut s.app, "World News");
    press(&mut s.app, "enter");
    assert_eq!(status(&s.app), "Renamed on home to “World News”");
    assert!(edits(&s.greader)[0].contains(&("t".into(), "World News".into())));
    select(&mut s.app, 2, "World News");
    press(&mut s.app, "t ctrl-u");
    type_text(&mut s.app, "World, Daily");
    press(&mut s.app, "enter");
    assert_eq!(status(&s.app), "Folders on home: World, Daily");
    assert!(labels(&s.app).contains(&(1, "#Daily".to_string())));
    // `a` on the account's folder subscribes there, and syncs.
    select(&mut s.app, 1, "#Daily");
    press(&mut s.app, "a");
    type_text(&mut s.app, "https://rivers.example/feed.xml");
    press(&mut s.app, "enter");
    assert!(
        status(&s.app).starts_with("Subscribed on home to New Feed: "),
        "{}",
        status(&s.app)
    );
    let added = s.subs.lock().expect("subs").last().cloned().expect("added");
    assert_eq!(
        (added.url.as_str(), added.folders),
        ("https://rivers.example/feed.xml", vec!["Daily".to_string()])
    );
    select(&mut s.app, 1, "Gadgets");
    press(&mut s.app, "d y");
    assert!(
        status(&s.app).starts_with("Unsubscribed on home from Gadgets"),
        "{}",
        status(&s.app)
    );
    assert!(!labels(&s.app).iter().any(|r| r.1 == "Gadgets"));
    insta::assert_snapshot!("accounts_after_edits", draw(&s.app).backend());
}

#[test]
fn fever_refuses_and_nothing_changes_here() {
    let mut s = setup(110, 24);
    press(&mut s.app, "s");
    select(&mut s.app, 2, "Example News");
    // Under @old, the second "Example News" at depth 2.
    let rows = labels(&s.app);
    let old = rows.iter().position(|r| r.1 == "@old").expect("old");
    let i = rows[old..]
        .iter()
        .position(|r| r.1 == "Example News")
        .expect("feed")
        + old;
    press(&mut s.app, "g");
    for _ in 0..i {
        press(&mut s.app, "j");
    }
    press(&mut s.app, "c ctrl-u");
    type_text(&mut s.app, "Renamed");
    press(&mut s.app, "enter");
    assert!(
        status(&s.app).starts_with("account old: Fever's API cannot add, rename, retag or remove"),
        "{}",
        status(&s.app)
    );
    assert_eq!(labels(&s.app), rows);
    press(&mut s.app, "d y");
    assert!(
        status(&s.app).contains("Fever's API cannot"),
        "{}",
        status(&s.app)
    );
    assert_eq!(labels(&s.app), rows);
}

/// With the feeds thread (as the reader runs), the edit is sent from that
/// thread: the key returns at once and the answer arrives as a job report.
#[test]
fn the_edit_runs_on_the_feeds_thread() {
    use edicola::jobs::{FeedsWorker, JobEvent, Msg, Reporter};
    let (greader, _subs) = greader_subs_server();
    let dir = tempfile::tempdir().expect("dir");
    let base = format!("{}/api/greader.php", greader.base);
    edicola(dir.path())
        .args([
            "account", "add", "greader", &base, "--user", "me", "--name", "home",
        ])
        .env("EDICOLA_PASSWORD", "secret")
        .assert()
        .success();
    let file = dir.path().join("edicola.db");
    let mut client = GReader::new(Client::default(), &base, "me", "secret", None);
    sync_as(&mut client, &mut Store::open(&file).expect("store"), "home");
    let config = dir.path().join("config");
    let files = ConfigFiles {
        subscriptions: config.join("subscriptions.toml"),
        searches: config.join("searches.toml"),
    };
    let keymap = Keymap::builtin().expect("keymap");
    let store = Store::open(&file).expect("store");
    let mut app = App::new(store, keymap, false, Rect::new(0, 0, 110, 24)).expect("app");
    app.set_config_files(files.clone());
    let (tx, rx) = std::sync::mpsc::channel();
    app.set_feeds_worker(FeedsWorker::spawn(&file, files, Reporter::new(tx)).expect("thread"));
    let next = |app: &mut App| -> bool {
        match rx.recv_timeout(std::time::Duration::from_secs(30)) {
            Ok(Msg::Job(event)) => {
                let edited = matches!(event, JobEvent::FeedEdited(_));
                app.on_job(event);
                edited
            }
            other => panic!("expected a job's report, got {other:?}"),
        }
    };
    next(&mut app);
    press(&mut app, "s");
    while !labels(&app).iter().any(|r| r.1 == "Example News") {
        next(&mut app);
    }
    select(&mut app, 2, "Example News");
    press(&mut app, "c ctrl-u");
    type_text(&mut app, "Thread News");
    press(&mut app, "enter");
    assert!(!status(&app).starts_with("Renamed"), "{}", status(&app));
    while !next(&mut app) {}
    assert_eq!(status(&app), "Renamed on home to “Thread News”");
    while !labels(&app).contains(&(2, "Thread News".to_string())) {
        next(&mut app);
    }
}
