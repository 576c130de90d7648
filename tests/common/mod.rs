//! Shared fixtures for the integration tests.
#![allow(dead_code)]

pub mod http;

use edicola::action::Action;
use edicola::app::App;
use edicola::ingest;
use edicola::keymap::{Keymap, parse_key};
use edicola::model::{Article, RelatedEntry};
use edicola::store::{Origin, Store};
use edicola::ui::{render, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Hand-made articles in three languages, one of which the page of another
/// lists as related.
pub fn fixture_articles() -> Vec<Article> {
    vec![
        Article {
            title: "Chip war: Nvidia exports to China under new rules".into(),
            source: Some("Tech Daily".into()),
            byline: Some("By Ada Park".into()),
            published: Some(1_735_689_600),
            standfirst: Some("Washington tightens the rules on AI chips again.".into()),
            body: vec![
                "Nvidia said on Tuesday that new export rules will limit sales of its AI chips to China, where Alibaba and ByteDance train models.".into(),
                "Analysts expect Chinese companies to rent data centres in Malaysia and Singapore instead.".into(),
            ],
            related: vec![RelatedEntry {
                title: "東京の朝: 電車と雨".into(),
                blurb: Some("A morning in Tokyo.".into()),
                category: Some("World".into()),
                ..RelatedEntry::default()
            }, RelatedEntry {
                title: "Markets close higher".into(),
                blurb: Some("Stocks rose for a third day as chip makers rallied.".into()),
                category: Some("Markets".into()),
                url: Some("https://example.com/markets".into()),
                ..RelatedEntry::default()
            }],
            ..Article::default()
        },
        Article {
            title: "東京の朝: 電車と雨".into(),
            source: Some("Asahi".into()),
            published: Some(1_735_603_200),
            body: vec!["東京の朝は雨でした。電車はとても混んでいました。😀 Cafe\u{301} latte.".into()],
            ..Article::default()
        },
        Article {
            title: "Perché il caffè costa di più".into(),
            source: Some("Il Quotidiano".into()),
            published: Some(1_735_516_800),
            body: vec!["Il prezzo del caffè è salito del venti per cento in un anno, per la siccità in Brasile e in Vietnam.".into()],
            ..Article::default()
        },
    ]
    .into_iter()
    .map(ingest::with_id)
    .collect()
}

/// A store holding the built-in samples plus the fixture articles.
pub fn fixture_store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    store.ensure_defaults(&ingest::defaults()).expect("samples");
    let mut all = ingest::defaults();
    all.extend(fixture_articles());
    store.upsert(&all, Origin::User).expect("fixtures");
    store
}

pub fn app(width: u16, height: u16) -> App {
    let mut app = App::new(
        fixture_store(),
        Keymap::builtin().expect("keymap"),
        false,
        Rect::new(0, 0, width, height),
    )
    .expect("app");
    app.idle_work();
    app
}

/// Presses keys given as keymap names separated by spaces.
pub fn press(app: &mut App, keys: &str) {
    for spec in keys.split_whitespace() {
        let key = parse_key(spec).expect("key name");
        if let Some(action) = app.keymap.lookup(app.context(), &key) {
            app.update(action);
        }
        // As the event loop does when no key is waiting.
        app.idle_work();
    }
}

pub fn act(app: &mut App, action: Action) {
    app.update(action);
}

/// Draws the app into a test terminal of the app's size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal
        .draw(|frame| render(frame, app, &Theme::new(true)))
        .expect("draw");
    terminal
}
