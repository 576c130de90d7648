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

/// The binary with its store in `data` and its config in `data/config`
/// (colours not turned off by the environment).
pub fn edicola(data: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("edicola").expect("binary");
    cmd.env("EDICOLA_DATA", data)
        .env("EDICOLA_CONFIG", data.join("config"))
        .env_remove("NO_COLOR");
    cmd
}

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
    store.ensure_defaults(ingest::defaults).expect("samples");
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

/// Presses keys by name, as the event loop would: to the text being typed
/// when the search prompt or a question is open, else through the keymap.
pub fn press(app: &mut App, keys: &str) {
    for spec in keys.split_whitespace() {
        let key = parse_key(spec).expect("key name");
        if app.typing() {
            app.text_key(&key);
        } else {
            app.on_key(&key);
        }
        // As the event loop does when no key is waiting.
        app.idle_work();
    }
}

/// Types text into the open prompt or question, a character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let key =
            ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c));
        app.text_key(&key);
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

/// One wire story as three outlets printed it, and two other stories on the
/// same subject: (source, url, title, paragraphs), newest first.
pub const STORY_COPIES: [(&str, &str, &str, &[&str]); 5] = [
    (
        "Il Mercato",
        "https://mercato.example/bce-btp",
        "What higher ECB rates mean for Italian bonds",
        &[
            "Italian bond yields climbed as investors weighed what another central bank rate increase means for the euro area's most indebted governments.",
            "Traders said Lagarde gave no sign of a pause, and that Spain looked safer than Italy because its deficit is shrinking.",
        ],
    ),
    (
        "Wire",
        "https://wire.example/ecb",
        "ECB raises rates again",
        &[
            "The European Central Bank raised its deposit rate by a quarter point on Thursday, the third increase this year.",
            "Frankfurt policymakers pointed to stubborn inflation in services and to wages rising faster than productivity across the euro area.",
            "Christine Lagarde told reporters that further increases could not be ruled out if energy prices kept climbing through the winter, while bond yields in Italy and Spain rose after the announcement.",
        ],
    ),
    (
        "Paper A",
        "https://paper-a.example/ecb-rates",
        "ECB lifts rates for a third time this year",
        &[
            "Borrowing in the euro area got dearer again as the central bank moved on rates.",
            "Frankfurt policymakers pointed to stubborn inflation in services and to wages rising faster than productivity across the euro area.",
            "Christine Lagarde told reporters that further increases could not be ruled out if energy prices kept climbing through the winter, while bond yields in Italy and Spain rose after the announcement.",
        ],
    ),
    (
        "東京経済新聞",
        "https://tokyo.example/ecb",
        "ECB raises rates again",
        &[
            "The European Central Bank raised its deposit rate by a quarter point on Thursday, the third increase this year.",
            "Frankfurt policymakers pointed to stubborn inflation in services and to wages rising faster than productivity across the euro area.",
            "Christine Lagarde told reporters that further increases could not be ruled out if energy prices kept climbing through the winter, while bond yields in Italy and Spain rose after the announcement.",
            "Sign up for our morning newsletter to get the day's top stories in your inbox.",
        ],
    ),
    (
        "Paper B",
        "https://paper-b.example/mortgages",
        "Mortgage rates follow the ECB higher",
        &[
            "Banks in Spain and Italy raised mortgage rates within hours of the central bank decision on Thursday, as Lagarde warned inflation in services was stubborn.",
            "Households on variable loans face higher payments through the winter, brokers said, while energy prices keep climbing.",
        ],
    ),
];

/// `STORY_COPIES` as articles, plus unrelated ones so that common words
/// are common, as in a real store.
pub fn story_copies() -> Vec<Article> {
    let mut articles: Vec<Article> = STORY_COPIES
        .iter()
        .enumerate()
        .map(|(n, (source, url, title, body))| Article {
            title: (*title).into(),
            source: Some((*source).into()),
            url: Some((*url).into()),
            published: Some(1_735_689_600 - 3600 * n as i64),
            body: body.iter().map(|p| (*p).to_string()).collect(),
            ..Article::default()
        })
        .collect();
    for n in 0..12 {
        articles.push(Article {
            title: format!("Weekend results {n}"),
            source: Some("Sport".into()),
            url: Some(format!("https://sport.example/{n}")),
            published: Some(1_700_000_000 + n),
            body: vec!["Local football results and the weather for the weekend.".into()],
            ..Article::default()
        });
    }
    articles.into_iter().map(ingest::with_id).collect()
}

/// An app over a store holding only `story_copies()`.
pub fn story_app(width: u16, height: u16) -> App {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(&story_copies(), Origin::User)
        .expect("fixtures");
    let mut app = App::new(
        store,
        Keymap::builtin().expect("keymap"),
        false,
        Rect::new(0, 0, width, height),
    )
    .expect("app");
    app.idle_work();
    app
}
