//! The reading pane showing an article's blocks (headings, lists, quotes,
//! code, tables, images, rules), at two sizes, and their styles.

mod common;

use common::{draw, press};
use edicola::app::App;
use edicola::ingest::{self, Source};
use edicola::keymap::Keymap;
use edicola::store::{Origin, Store};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// An app over a store holding the page `tests/fixtures/html/blocks.html`,
/// imported as `edicola import` would, with the article open.
fn blocks_app(width: u16, height: u16) -> App {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/html/blocks.html"
    );
    let bytes = std::fs::read(path).expect("fixture");
    let source = Source {
        url: Some("https://blog.example.org/2026/structured"),
        content_type: None,
    };
    let parsed = ingest::parse_bytes(&bytes, &source).expect("page");
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(&parsed.articles, Origin::User)
        .expect("article");
    let mut app = App::new(
        store,
        Keymap::builtin().expect("keymap"),
        false,
        Rect::new(0, 0, width, height),
    )
    .expect("app");
    app.idle_work();
    press(&mut app, "enter");
    app
}

#[test]
fn blocks_in_a_wide_pane() {
    let app = blocks_app(150, 60);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn blocks_in_a_narrow_pane() {
    let app = blocks_app(90, 70);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn headings_are_bold_and_decorations_dim_under_no_color() {
    let app = blocks_app(150, 60);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let find = |text: &str| {
        (0..buffer.area.height)
            .find_map(|y| {
                let row: String = (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect();
                row.find(text).map(|at| {
                    let x = row[..at].chars().count() as u16;
                    (x, y)
                })
            })
            .unwrap_or_else(|| panic!("{text} not on screen"))
    };
    let (x, y) = find("How it works");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find("some emphasis");
    assert!(buffer[(x + 5, y)].modifier.contains(Modifier::ITALIC));
    let (x, y) = find("City");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::BOLD),
        "table header"
    );
    // No colour at all under NO_COLOR (the test theme).
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            assert_eq!(buffer[(x, y)].fg, ratatui::style::Color::Reset);
        }
    }
}

#[test]
fn search_matches_are_highlighted_inside_links_and_list_items() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = blocks_app(150, 60);
    press(&mut app, "/");
    for c in "reference".chars() {
        app.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.idle_work();
    app.prompt_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    press(&mut app, "enter");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let row = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| (buffer[(x, y)].symbol().to_string(), buffer[(x, y)].modifier))
                .collect::<Vec<_>>()
        })
        .find(|cells| {
            cells
                .iter()
                .map(|c| c.0.as_str())
                .collect::<String>()
                .contains("3. Third step")
        })
        .expect("the third item on screen");
    let text: String = row.iter().map(|c| c.0.as_str()).collect();
    assert!(text.contains("with a reference [2]."), "{text}");
    let at = text.find("reference").expect("word");
    let x = text[..at].chars().count();
    assert!(
        row[x].1.contains(Modifier::REVERSED),
        "the match is highlighted"
    );
    let marker = text[..text.find("[2]").expect("marker")].chars().count();
    assert!(!row[marker].1.contains(Modifier::REVERSED));
}

#[test]
fn link_cells_are_where_the_links_are_drawn() {
    for (width, height) in [(150, 60), (90, 70)] {
        let app = blocks_app(width, height);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let cells = edicola::ui::link_cells(&app, Rect::new(0, 0, width, height));
        assert!(!cells.is_empty(), "{width}x{height}: links are shown");
        for link in &cells {
            let text: String = (link.x..link.x + link.width)
                .map(|x| buffer[(x, link.y)].symbol().to_string())
                .collect();
            let article = &app.opened.as_ref().expect("open").article;
            let shown = article
                .links
                .iter()
                .find(|l| l.url == link.url)
                .expect("one of the article's links");
            assert!(!text.trim().is_empty(), "{text:?}");
            assert!(
                shown.text.contains(text.trim()),
                "{text:?} is not (part of) {:?}",
                shown.text
            );
            // The cells hold (part of) the link's text, drawn in the link style.
            let first = &buffer[(link.x, link.y)];
            assert!(
                first.modifier.contains(Modifier::UNDERLINED)
                    || first.fg != ratatui::style::Color::Reset,
                "{text:?} for {}",
                shown.url
            );
        }
    }
    // Under a popup, none.
    let mut app = blocks_app(150, 60);
    press(&mut app, "?");
    assert!(edicola::ui::link_cells(&app, Rect::new(0, 0, 150, 60)).is_empty());
}
