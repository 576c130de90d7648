//! Subscription edits on feed servers: the clients against loopback
//! servers that follow the public API documentation (the exchanges kept in
//! tests/fixtures/sync/), the store keeping an account's folders, and
//! `edicola add/remove --account` end to end.

mod common;

mod sync_support;

use common::edicola;
use edicola::jobs::ConfigFiles;
use edicola::store::{Filter, Store};
use edicola::sync::fever::Fever;
use edicola::sync::greader::GReader;
use edicola::sync::http::Client;
use edicola::sync::miniflux::Miniflux;
use edicola::sync::{Remote, RemoteError, SyncOptions, sync_account};
use sync_support::check_exchanges;
use sync_support::subs_servers::{fever_subs_server, greader_subs_server, miniflux_subs_server};

fn sync_as(remote: &mut dyn Remote, store: &mut Store, account: &str) {
    let mut progress = |_: &str| {};
    let r = sync_account(
        store,
        remote,
        account,
        SyncOptions {
            since: 0,
            progress: &mut progress,
        },
    );
    assert_eq!(r.error, None);
}

#[test]
fn greader_subscribes_renames_moves_and_unsubscribes() {
    let (server, subs) = greader_subs_server();
    let base = format!("{}/api/greader.php", server.base);
    let mut client = GReader::new(Client::default(), &base, "me", "secret", None);
    let url = "https://rivers.example/feed.xml";
    let feed = client.subscribe(url, Some("Nature")).expect("subscribed");
    assert_eq!(
        (feed.id.as_str(), feed.folders.clone()),
        ("feed/3", vec!["Nature".to_string()])
    );
    client.rename(&feed.id, "Rivers & Lakes").expect("renamed");
    let now = client
        .set_folders(
            &feed.id,
            &["Nature".into()],
            &["World".into(), "Water".into()],
        )
        .expect("moved");
    assert_eq!(now, ["World", "Water"]);
    client.unsubscribe(&feed.id).expect("unsubscribed");
    assert!(subs.lock().expect("subs").iter().all(|s| s.url != url));
    let e = client
        .subscribe("https://missing.example/rss", None)
        .expect_err("refused");
    assert!(e.to_string().contains("Feed not found"), "{e}");
    check_exchanges(
        "greader/subscription_edit.exchanges",
        &server.exchanges(&["/subscription/edit"]),
    );
}

#[test]
fn miniflux_finds_or_makes_categories_and_keeps_one_per_feed() {
    let server = miniflux_subs_server();
    let mut client = Miniflux::new(Client::default(), &server.base, "me", "secret");
    let feed = client
        .subscribe("https://rivers.example/feed.xml", Some("Nature"))
        .expect("subscribed");
    assert_eq!(
        (feed.id.as_str(), feed.folders.clone()),
        ("3", vec!["Nature".to_string()])
    );
    client.rename("3", "Rivers & Lakes").expect("renamed");
    // One category per feed: the first folder is the one kept.
    let now = client
        .set_folders("3", &["Nature".into()], &["World".into(), "Water".into()])
        .expect("moved");
    assert_eq!(now, ["World"]);
    let feeds = client.subscriptions().expect("feeds");
    let moved = feeds.iter().find(|f| f.id == "3").expect("feed 3");
    assert_eq!(
        (moved.title.as_str(), moved.folders.clone()),
        ("Rivers & Lakes", vec!["World".to_string()])
    );
    let e = client
        .set_folders("3", &["World".into()], &[])
        .expect_err("needs one");
    assert!(matches!(e, RemoteError::Unsupported(_)), "{e}");
    client.unsubscribe("3").expect("unsubscribed");
    let e = client
        .subscribe("https://missing.example/rss", None)
        .expect_err("refused");
    assert!(e.to_string().contains("unable to find any feed"), "{e}");
    check_exchanges(
        "miniflux/subscriptions.exchanges",
        &server.exchanges(&["/v1/feeds", "/v1/categories", "/v1/feeds/3"]),
    );
}

#[test]
fn fever_refuses_every_subscription_edit_without_asking_the_server() {
    let server = fever_subs_server();
    let mut fever = Fever::new(Client::default(), &server.base, "me", "secret");
    let errors = [
        fever.subscribe("https://a.example/rss", None).map(drop),
        fever.rename("1", "A").map(drop),
        fever.set_folders("1", &[], &["X".into()]).map(drop),
        fever.unsubscribe("1"),
    ];
    for e in errors {
        let e = e.expect_err("Fever cannot");
        assert!(matches!(e, RemoteError::Unsupported(_)));
        assert!(
            e.to_string()
                .contains("Fever's API cannot add, rename, retag or remove"),
            "{e}"
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn the_feeds_panes_tag_sync_keeps_an_accounts_folders() {
    let (server, _) = greader_subs_server();
    let base = format!("{}/api/greader.php", server.base);
    let mut client = GReader::new(Client::default(), &base, "me", "secret", None);
    let mut store = Store::open_in_memory().expect("store");
    sync_as(&mut client, &mut store, "home");
    let world = Filter {
        tag: Some("World".into()),
        ..Filter::default()
    };
    let before = store.count(&world).expect("count");
    assert!(before > 0);
    // The pane reads its data: the subscriptions file has other tags.
    let dir = tempfile::tempdir().expect("dir");
    let subs = "[[feed]]\nurl = \"https://local.example/rss\"\ntags = [\"mine\"]\n";
    std::fs::write(dir.path().join("subscriptions.toml"), subs).expect("subs");
    let files = ConfigFiles {
        subscriptions: dir.path().join("subscriptions.toml"),
        searches: dir.path().join("searches.toml"),
    };
    let data = edicola::jobs::feeds::load(&mut store, &files).expect("load");
    assert_eq!(store.count(&world).expect("count"), before);
    let news = data
        .feeds
        .iter()
        .find(|f| f.title == "Example News")
        .expect("account feed");
    assert_eq!(news.tags, ["World"]);
    assert_eq!(
        news.remote.as_ref().map(|r| r.account.as_str()),
        Some("home")
    );
}

fn add_account(dir: &std::path::Path, kind: &str, url: &str, name: &str) {
    edicola(dir)
        .args(["account", "add", kind, url, "--user", "me", "--name", name])
        .env("EDICOLA_PASSWORD", "secret")
        .assert()
        .success();
}

#[test]
fn cli_adds_and_removes_on_the_server_and_fever_refuses() {
    let (server, subs) = greader_subs_server();
    let fever = fever_subs_server();
    let dir = tempfile::tempdir().expect("tmp");
    add_account(
        dir.path(),
        "greader",
        &format!("{}/api/greader.php", server.base),
        "home",
    );
    add_account(dir.path(), "fever", &fever.base, "old");
    let url = "https://rivers.example/feed.xml";
    let out = edicola(dir.path())
        .args([
            "add",
            url,
            "--account",
            "home",
            "--tag",
            "Nature,Water",
            "--title",
            "Rivers",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.contains("Subscribed on home") && out.contains("synced home: 2 new articles"),
        "{out}"
    );
    {
        let subs = subs.lock().expect("subs");
        let added = subs.iter().find(|s| s.url == url).expect("on the server");
        assert_eq!(
            (added.title.as_str(), added.folders.clone()),
            ("Rivers", vec!["Nature".to_string(), "Water".to_string()])
        );
    }
    let store = Store::open(&dir.path().join("edicola.db")).expect("store");
    let feeds = store.account_feeds().expect("feeds");
    assert!(
        feeds
            .iter()
            .any(|f| f.account == "home" && f.url == url && f.title == "Rivers")
    );
    assert!(store.count(&Filter::all()).expect("count") > 0);
    drop(store);
    edicola(dir.path())
        .args(["feeds", "--account", "home"])
        .assert()
        .success()
        .stdout(predicates::str::contains(format!(
            "{url}  Rivers [Nature, Water]  (id feed/3)"
        )));
    edicola(dir.path())
        .args(["remove", url, "--account", "home"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Unsubscribed on home from Rivers",
        ));
    assert!(subs.lock().expect("subs").iter().all(|s| s.url != url));
    // The server's reason, with the account's name.
    edicola(dir.path())
        .args(["add", "https://missing.example/rss", "--account", "home"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "account home: the server answered 400: Error=Feed not found",
        ));
    edicola(dir.path())
        .args(["add", url, "--account", "old"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "account old: Fever's API cannot add",
        ));
    edicola(dir.path())
        .args(["add", url, "--account", "nobody"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no account named nobody"));
}
