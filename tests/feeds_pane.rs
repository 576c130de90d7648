//! The feeds pane: snapshots at two sizes after key sequences (counts, a
//! failing feed, saved searches, imported sources), and its edits of the
//! config files.

mod common;

use common::{draw, press, type_text};
use edicola::app::{App, Focus};
use edicola::jobs::ConfigFiles;
use edicola::keymap::Keymap;
use edicola::model::Article;
use edicola::store::{FeedState, Origin, Store};
use ratatui::layout::Rect;

const TECH: &str = "https://tech.example/rss";
const WORLD: &str = "https://world.example/feed";
const BROKEN: &str = "https://broken.example/rss";

fn article(title: &str, source: &str, day: i64) -> Article {
    edicola::ingest::with_id(Article {
        title: title.into(),
        source: Some(source.into()),
        published: Some(1_735_689_600 + day * 86_400),
        body: vec![format!(
            "{title}: the body of the story about chips and rain."
        )],
        ..Article::default()
    })
}

/// A store with two feeds (one tagged twice), a failing feed, a local
/// page, and the config files that name them.
fn setup(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let subs = format!(
        "[[feed]]\nurl = \"{TECH}\"\ntitle = \"Tech Daily\"\ntags = [\"tech\", \"news\"]\n\n\
         [[feed]]\nurl = \"{WORLD}\"\ntitle = \"World Report\"\n\n\
         [[feed]]\nurl = \"{BROKEN}\"\ntags = [\"tech\"]\n"
    );
    std::fs::write(dir.path().join("subscriptions.toml"), subs).expect("subs");
    std::fs::write(
        dir.path().join("searches.toml"),
        "[[search]]\nname = \"Chips\"\nquery = \"chips\"\n",
    )
    .expect("searches");
    let mut store = Store::open_in_memory().expect("store");
    let tech: Vec<Article> = (0..3)
        .map(|i| article(&format!("Chip story {i}"), "Tech Daily", i))
        .collect();
    store.upsert_feed(TECH, &tech, None).expect("tech");
    let world = [article("Rain in Tokyo", "World Report", 5)];
    store.upsert_feed(WORLD, &world, None).expect("world");
    store
        .upsert(&[article("A saved page", "Some Site", 1)], Origin::User)
        .expect("page");
    store.set_read(&tech[0].id, true).expect("read");
    store
        .save_feed_state(&FeedState {
            url: BROKEN.into(),
            last_fetch: Some(1_735_689_600),
            last_status: Some("error".into()),
            last_error: Some("HTTP 404 Not Found".into()),
            ..FeedState::default()
        })
        .expect("state");
    let keymap = Keymap::builtin().expect("keymap");
    let mut app = App::new(store, keymap, false, Rect::new(0, 0, width, height)).expect("app");
    app.set_config_files(ConfigFiles {
        subscriptions: dir.path().join("subscriptions.toml"),
        searches: dir.path().join("searches.toml"),
    });
    (app, dir)
}

fn selected_label(app: &App) -> String {
    let pane = app.feeds.as_ref().expect("pane open");
    pane.current().map(|r| r.label.clone()).unwrap_or_default()
}

#[test]
fn feeds_pane_wide_shows_tags_counts_and_a_failing_feed() {
    let (mut app, _dir) = setup(110, 24);
    press(&mut app, "s");
    assert_eq!(app.focus, Focus::Feeds);
    insta::assert_snapshot!(draw(&app).backend());
    // The failing feed's error is one key away.
    while selected_label(&app) != BROKEN {
        press(&mut app, "j");
    }
    press(&mut app, "e");
    let status = app.status.clone().map(|s| s.0).unwrap_or_default();
    assert_eq!(status, "HTTP 404 Not Found");
}

#[test]
fn feeds_pane_small_replaces_the_list_and_enter_shows_the_feed() {
    let (mut app, _dir) = setup(60, 16);
    press(&mut app, "s");
    insta::assert_snapshot!("feeds_pane_small", draw(&app).backend());
    while selected_label(&app) != "World Report" {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.list.total, 1);
    assert_eq!(app.list_title(), "World Report");
    insta::assert_snapshot!("feeds_pane_small_after_enter", draw(&app).backend());
}

#[test]
fn marking_a_tag_read_updates_counts_and_undo_brings_them_back() {
    let (mut app, _dir) = setup(110, 24);
    press(&mut app, "s");
    while selected_label(&app) != "#tech" {
        press(&mut app, "j");
    }
    let unread = |app: &App| {
        app.feeds
            .as_ref()
            .and_then(|p| p.current())
            .and_then(|r| r.count)
            .map(|c| c.unread)
    };
    assert_eq!(unread(&app), Some(2));
    press(&mut app, "A");
    assert_eq!(unread(&app), Some(0));
    press(&mut app, "ctrl-z");
    assert_eq!(unread(&app), Some(2));
}

#[test]
fn rename_retag_and_remove_a_feed_edit_the_subscriptions_file() {
    let (mut app, dir) = setup(110, 24);
    press(&mut app, "s");
    while selected_label(&app) != "World Report" {
        press(&mut app, "j");
    }
    press(&mut app, "c ctrl-u");
    type_text(&mut app, "The World");
    press(&mut app, "enter t");
    type_text(&mut app, "world, daily");
    press(&mut app, "enter");
    let subs = std::fs::read_to_string(dir.path().join("subscriptions.toml")).expect("subs");
    assert!(subs.contains("title = \"The World\""), "{subs}");
    assert!(subs.contains("tags = [\"world\", \"daily\"]"), "{subs}");
    // The pane follows: the feed is now under #daily and #world.
    assert!(
        app.feeds
            .as_ref()
            .is_some_and(|p| p.rows.iter().any(|r| r.label == "#daily")),
    );
    while selected_label(&app) != "The World" {
        press(&mut app, "j");
    }
    press(&mut app, "d");
    let question = app.input.as_ref().map(|i| i.question.clone());
    assert!(
        question.is_some_and(|q| q.contains("(removes 1 article, keeps 0 bookmarks)")),
        "{:?}",
        app.input
    );
    press(&mut app, "n");
    assert!(app.input.is_none());
    press(&mut app, "d y");
    let subs = std::fs::read_to_string(dir.path().join("subscriptions.toml")).expect("subs");
    assert!(!subs.contains(WORLD), "{subs}");
    assert_eq!(app.list.total, 4, "its article is gone");
}

#[test]
fn a_search_saved_with_ctrl_s_is_listed_and_can_be_renamed_and_removed() {
    let (mut app, dir) = setup(110, 24);
    press(&mut app, "/");
    type_text(&mut app, "tokyo");
    press(&mut app, "ctrl-s");
    type_text(&mut app, "Weather");
    press(&mut app, "enter");
    let file = dir.path().join("searches.toml");
    let text = std::fs::read_to_string(&file).expect("searches");
    assert!(text.contains("name = \"Weather\"") && text.contains("query = \"tokyo\""));
    press(&mut app, "s");
    while selected_label(&app) != "Weather" {
        press(&mut app, "j");
    }
    press(&mut app, "c ctrl-u");
    type_text(&mut app, "Rain");
    press(&mut app, "enter");
    assert_eq!(selected_label(&app), "Rain");
    press(&mut app, "enter");
    assert_eq!(app.list.total, 1);
    assert_eq!(app.list_title(), "Search “Rain”");
    press(&mut app, "s d y");
    let text = std::fs::read_to_string(&file).expect("searches");
    assert!(!text.contains("Rain") && text.contains("Chips"), "{text}");
}

#[test]
fn a_broken_searches_file_is_named_with_line_and_column() {
    let (mut app, dir) = setup(110, 24);
    std::fs::write(
        dir.path().join("searches.toml"),
        "[[search]]\nname = \"Odd\"\nquery = \"colour:red\"\n",
    )
    .expect("write");
    press(&mut app, "s");
    let (message, _) = app.status.clone().expect("a message");
    assert!(message.contains("searches.toml:3:9"), "{message}");
}

#[test]
fn the_command_line_completes_and_runs_actions_by_name() {
    let (mut app, _dir) = setup(110, 24);
    press(&mut app, ":");
    type_text(&mut app, "toggle_bookm");
    press(&mut app, "tab");
    assert_eq!(
        app.input.as_ref().map(|i| i.text.as_str()),
        Some("toggle_bookmark")
    );
    press(&mut app, "enter");
    assert!(app.opened.as_ref().is_some_and(|o| o.bookmarked));
    press(&mut app, ":");
    type_text(&mut app, "no_such_thing");
    press(&mut app, "enter");
    let (message, _) = app.status.clone().expect("a message");
    assert!(message.contains("No command called"), "{message}");
}

#[test]
fn reading_an_article_updates_its_feeds_count_at_once() {
    let (mut app, _dir) = setup(110, 24);
    press(&mut app, "s");
    let unread_of = |app: &App, label: &str| {
        app.feeds
            .as_ref()
            .and_then(|p| p.rows.iter().find(|r| r.label == label))
            .and_then(|r| r.count)
            .map(|c| c.unread)
    };
    assert_eq!(unread_of(&app, "World Report"), Some(1));
    assert_eq!(unread_of(&app, "All articles"), Some(4));
    // Tab to the list; Enter reads its first article (World Report's).
    press(&mut app, "tab enter");
    assert_eq!(unread_of(&app, "World Report"), Some(0));
    assert_eq!(unread_of(&app, "All articles"), Some(3));
    press(&mut app, "u b");
    assert_eq!(unread_of(&app, "World Report"), Some(1));
    let bookmarks = app
        .feeds
        .as_ref()
        .and_then(|p| p.rows.iter().find(|r| r.label == "Bookmarks"))
        .and_then(|r| r.count)
        .map(|c| c.total);
    assert_eq!(bookmarks, Some(1));
}

#[test]
fn ignored_articles_are_listed_with_their_rule_and_enter_takes_one_back() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("subscriptions.toml"), "").expect("subs");
    let mut store = Store::open_in_memory().expect("store");
    let (rules, problems) = edicola::ignore::IgnoreRules::parse(
        std::path::Path::new("ignore.toml"),
        "[[rule]]\nquery = 'title:horoscope'\nname = \"no horoscopes\"\n",
    );
    assert!(problems.is_empty());
    store.set_ignore_rules(std::sync::Arc::new(rules));
    let kept = article("Rain in Tokyo", "World Report", 1);
    let ignored = article("Your horoscope for today", "Stars Daily", 2);
    store
        .upsert(&[kept, ignored.clone()], Origin::User)
        .expect("upsert");
    let keymap = Keymap::builtin().expect("keymap");
    let mut app = App::new(store, keymap, false, Rect::new(0, 0, 90, 20)).expect("app");
    app.set_config_files(ConfigFiles {
        subscriptions: dir.path().join("subscriptions.toml"),
        searches: dir.path().join("searches.toml"),
    });
    assert_eq!(app.list.total, 1, "kept out of the list");
    press(&mut app, "s G");
    assert_eq!(selected_label(&app), "Ignored (1)");
    press(&mut app, "enter");
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "enter");
    assert!(app.overlay.is_none());
    assert_eq!(app.list.total, 2, "back in the list");
    let status = app.status.clone().map(|s| s.0).unwrap_or_default();
    assert!(
        status.starts_with("Took back “Your horoscope for today”"),
        "{status}"
    );
    assert!(
        !app.feeds
            .as_ref()
            .is_some_and(|p| p.rows.iter().any(|r| r.label.starts_with("Ignored")))
    );
}

#[test]
fn the_pane_survives_every_tiny_size() {
    let (mut app, _dir) = setup(110, 24);
    press(&mut app, "s");
    for (w, h) in [
        (1, 1),
        (2, 3),
        (10, 4),
        (30, 6),
        (49, 10),
        (50, 3),
        (89, 5),
        (90, 2),
    ] {
        app.resize(Rect::new(0, 0, w, h));
        draw(&app);
        press(&mut app, "j G enter s tab");
        draw(&app);
        press(&mut app, "s");
    }
}
