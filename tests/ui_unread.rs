//! The reader's newsboat-style keys: next/previous unread across sources,
//! count prefixes, sort orders, articles new since the user last looked,
//! and where the user stopped reading (kept across openings and sessions).

mod common;

use common::{app, draw, fixture_articles, press};
use edicola::action::Action;
use edicola::app::{App, Focus, JobEvent};
use edicola::ingest;
use edicola::keymap::Keymap;
use edicola::model::Article;
use edicola::store::{Origin, Store};
use ratatui::layout::Rect;

fn selected_id(app: &App) -> String {
    app.list.current().map(|r| r.id.clone()).unwrap_or_default()
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|(m, _)| m.clone())
        .unwrap_or_default()
}

#[test]
fn next_unread_opens_and_marks_read_across_sources() {
    let mut app = app(100, 30);
    press(&mut app, "u");
    assert!(app.opened.as_ref().is_some_and(|o| o.read), "first read");
    press(&mut app, "j u");
    press(&mut app, "g n");
    // The second one is read: n skips it, opens the third and reads it.
    assert_eq!(app.list.selected, 2);
    assert!(app.opened.as_ref().is_some_and(|o| o.read));
    assert_eq!(
        app.opened.as_ref().map(|o| o.article.id.clone()),
        Some(selected_id(&app))
    );
    press(&mut app, "n");
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "n n");
    assert_eq!(app.list.selected, 4);
    assert_eq!(status(&app), "No more unread articles");
    press(&mut app, "p");
    assert_eq!(status(&app), "No unread articles above");
    // Marked unread again, p finds it above.
    press(&mut app, "k k u j j p");
    assert_eq!(app.list.selected, 2);
}

#[test]
fn next_source_with_unread_skips_the_current_source() {
    let mut app = app(100, 30);
    let source = |app: &App| app.list.current().and_then(|r| r.source.clone());
    let first = source(&app);
    press(&mut app, "ctrl-n");
    assert_ne!(source(&app), first);
    assert!(app.opened.as_ref().is_some_and(|o| o.read));
    press(&mut app, "O O");
    assert!(draw(&app).backend().to_string().contains("by source"));
    press(&mut app, "g ctrl-n");
    let rows: Vec<Option<String>> = (0..app.list.total)
        .filter_map(|i| app.list.row(i).map(|r| r.source.clone()))
        .collect();
    let expected = rows.iter().position(|s| *s != rows[0]);
    assert_eq!(Some(app.list.selected), expected, "{rows:?}");
}

/// Two subscriptions that share a name ("News"), and an imported page
/// under that name too: three feeds for `ctrl-n`, newest first A, B, page.
fn same_name_app() -> App {
    let mut store = Store::open_in_memory().expect("store");
    let story = |title: &str, day: i64| {
        ingest::with_id(Article {
            title: title.into(),
            source: Some("News".into()),
            published: Some(1_735_689_600 + day * 86_400),
            body: vec![format!("{title}: a paragraph.")],
            ..Article::default()
        })
    };
    let a = [story("A one", 9), story("A two", 8)];
    let b = [story("B one", 7), story("B two", 6)];
    store
        .upsert_feed("https://a.example/rss", &a, None)
        .expect("a");
    store
        .upsert_feed("https://b.example/rss", &b, None)
        .expect("b");
    store
        .upsert(&[story("Page", 5)], Origin::User)
        .expect("page");
    let mut app = App::new(
        store,
        Keymap::builtin().expect("keymap"),
        false,
        Rect::new(0, 0, 100, 30),
    )
    .expect("app");
    app.idle_work();
    app
}

#[test]
fn next_feed_with_unread_goes_by_subscription_not_by_name() {
    let title = |app: &App| app.list.current().map(|r| r.title.clone());
    let mut app = same_name_app();
    press(&mut app, "ctrl-n");
    assert_eq!(title(&app).as_deref(), Some("B one"));
    press(&mut app, "ctrl-n");
    assert_eq!(title(&app).as_deref(), Some("Page"));
    press(&mut app, "ctrl-n");
    assert_eq!(status(&app), "No more unread articles in other feeds");
    press(&mut app, "ctrl-p");
    assert_eq!(title(&app).as_deref(), Some("B two"), "B's last unread");
    // Sorted by source, backwards lands on the feed's first unread one.
    let mut app = same_name_app();
    press(&mut app, "O O G ctrl-p");
    let here = title(&app);
    assert!(
        matches!(here.as_deref(), Some("A one" | "B one")),
        "{here:?}"
    );
    // In search results too.
    let mut app = same_name_app();
    press(&mut app, "/");
    common::type_text(&mut app, "paragraph");
    press(&mut app, "enter");
    assert!(app.list.filter.query.is_some());
    assert_eq!(app.list.total, 5);
    press(&mut app, "g ctrl-n");
    let first = app.list.row(0).map(|r| r.title.clone()).unwrap_or_default();
    let now = title(&app).unwrap_or_default();
    assert_ne!(
        first.chars().next(),
        now.chars().next(),
        "{first} then {now}"
    );
}

#[test]
fn count_prefixes_repeat_and_go_to_a_number() {
    let mut app = app(100, 30);
    press(&mut app, "3 j");
    assert_eq!(app.list.selected, 3);
    press(&mut app, "2 G");
    assert_eq!(app.list.selected, 1);
    press(&mut app, "2 0 G");
    assert_eq!(app.list.selected, 4, "past the end: the last");
    press(&mut app, "1 2");
    assert_eq!(app.count, Some(12));
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "esc");
    assert_eq!(app.count, None);
    press(&mut app, "g 2 n");
    assert_eq!(app.list.selected, 2, "the second unread after the first");
    press(&mut app, "0 j");
    assert_eq!(app.list.selected, 3, "0 alone is no count");
    press(&mut app, "tab 1 0 G");
    assert_eq!(app.focus, Focus::Reader);
    let scroll = app.opened.as_ref().map_or(0, |o| o.scroll);
    let lines = app.opened.as_ref().map_or(0, |o| o.lines.len());
    assert_eq!(scroll, 9.min(lines.saturating_sub(app.reader_height())));
}

#[test]
fn sort_orders_cycle_and_show_in_the_title() {
    let mut app = app(100, 30);
    let newest: Vec<String> = (0..5)
        .filter_map(|i| app.list.row(i).map(|r| r.id.clone()))
        .collect();
    press(&mut app, "O");
    assert!(status(&app).contains("oldest"));
    press(&mut app, "g");
    let oldest: Vec<String> = (0..5)
        .filter_map(|i| app.list.row(i).map(|r| r.id.clone()))
        .collect();
    assert_eq!(oldest, newest.iter().rev().cloned().collect::<Vec<_>>());
    press(&mut app, "O O");
    insta::assert_snapshot!(draw(&app).backend());
    // Kept when the filter changes.
    press(&mut app, "U");
    assert!(draw(&app).backend().to_string().contains("by title"));
    press(&mut app, "U O O");
    assert!(!draw(&app).backend().to_string().contains("unread first"));
    assert!(!draw(&app).backend().to_string().contains("· newest"));
}

fn file_app(file: &std::path::Path, width: u16) -> App {
    let store = Store::open(file).expect("store");
    let mut app = App::new(
        store,
        Keymap::builtin().expect("keymap"),
        false,
        Rect::new(0, 0, width, 30),
    )
    .expect("app");
    app.idle_work();
    app
}

/// A store file with the fixtures and one long article, newest.
fn long_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("edicola.db");
    let mut store = Store::open(&file).expect("store");
    let long = Article {
        title: "A long read".into(),
        source: Some("Longform".into()),
        published: Some(1_800_000_000),
        body: (0..40)
            .map(|i| format!("Paragraph {i} of the long read, with enough words to wrap twice at narrow widths."))
            .collect(),
        ..Article::default()
    };
    let mut all = vec![ingest::with_id(long)];
    all.extend(fixture_articles());
    store.upsert(&all, Origin::User).expect("upsert");
    (dir, file)
}

fn top_text(app: &App) -> String {
    let o = app.opened.as_ref().expect("opened");
    o.lines[o.scroll].text.clone()
}

#[test]
fn where_you_stopped_survives_other_articles_resizes_and_sessions() {
    let (_dir, file) = long_store();
    let mut app = file_app(&file, 100);
    press(&mut app, "enter 2 0 j");
    while top_text(&app).is_empty() {
        press(&mut app, "j");
    }
    let place = top_text(&app);
    assert!(place.starts_with("Paragraph"), "{place}");
    press(&mut app, "h j");
    assert_eq!(
        app.opened.as_ref().map(|o| o.scroll),
        Some(0),
        "another opens at its top"
    );
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "k");
    assert_eq!(top_text(&app), place, "reopened where it was left");
    // Another width: the same paragraph and place, on another line.
    let before = app.opened.as_ref().map(|o| o.scroll);
    app.resize(Rect::new(0, 0, 70, 30));
    assert_ne!(app.opened.as_ref().map(|o| o.scroll), before);
    let narrow = top_text(&app);
    assert!(
        place.contains(narrow.split(',').next().unwrap_or("?")),
        "{place} / {narrow}"
    );
    app.resize(Rect::new(0, 0, 100, 30));
    assert_eq!(top_text(&app), place);
    app.update(Action::Quit);
    drop(app);

    let app = file_app(&file, 100);
    assert_eq!(top_text(&app), place, "kept in the store");
    let shown = draw(&app).backend().to_string();
    assert!(
        shown.contains("•»A long read") || shown.contains(" »A long read"),
        "{shown}"
    );
    let app = file_app(&file, 60);
    assert!(top_text(&app).starts_with("Paragraph"));
}

#[test]
fn scrolled_to_the_end_is_not_begun() {
    let (_dir, file) = long_store();
    let mut app = file_app(&file, 100);
    press(&mut app, "enter G h j k");
    let shown = draw(&app).backend().to_string();
    assert!(!shown.contains("»A long read"), "{shown}");
    assert!(
        app.opened.as_ref().is_some_and(|o| o.scroll > 0),
        "still where it was left"
    );
}

#[test]
fn articles_a_refresh_brings_are_marked_new_and_n_jumps_to_them() {
    let (_dir, file) = long_store();
    let mut app = file_app(&file, 100);
    press(&mut app, "N");
    assert_eq!(status(&app), "Nothing new since you last looked");
    assert!(app.update(Action::Refresh).is_some());
    let mut other = Store::open(&file).expect("store");
    let new = |title: &str, published| {
        ingest::with_id(Article {
            title: title.into(),
            source: Some("Wire".into()),
            published: Some(published),
            body: vec![format!("{title}.")],
            ..Article::default()
        })
    };
    let late = vec![
        new("Fresh but dated long ago", 1_000_000_000),
        new("Fresh news", 1_750_000_000),
    ];
    other.upsert(&late, Origin::User).expect("upsert");
    app.on_job(JobEvent::Refreshed {
        added: 2,
        feeds: 1,
        failed: Vec::new(),
        error: None,
    });
    assert_eq!(app.fresh.len(), 2);
    press(&mut app, "N");
    let title = |app: &App| app.opened.as_ref().map(|o| o.article.title.clone());
    assert_eq!(title(&app).as_deref(), Some("Fresh news"));
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "N");
    assert_eq!(title(&app).as_deref(), Some("Fresh but dated long ago"));
    press(&mut app, "N");
    assert_eq!(title(&app).as_deref(), Some("Fresh news"), "round again");
    app.update(Action::Quit);
    drop(app);
    // Looked at: the next session has nothing new.
    let mut app = file_app(&file, 100);
    assert_eq!(app.fresh.len(), 0);
    app.update(Action::Quit);
    drop(app);
    other
        .upsert(&[new("Came while away", 1_760_000_000)], Origin::User)
        .expect("upsert");
    let app = file_app(&file, 100);
    assert_eq!(app.fresh.len(), 1, "stored after the last session");
}
