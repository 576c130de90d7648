//! What config.toml changes on screen: the light theme and per-element
//! colours (checked cell by cell: snapshots show text, not colours), a
//! centred reading column, the list's columns and dates, and the y/n
//! question before marking everything read.

mod common;

use common::{app, press};
use edicola::app::App;
use edicola::settings::{self, Settings};
use edicola::ui::{render, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn settings(text: &str) -> Settings {
    let loaded = settings::parse(std::path::Path::new("config.toml"), text);
    assert_eq!(loaded.problems, [], "{text}");
    loaded.settings
}

fn draw_with(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("terminal");
    terminal
        .draw(|frame| render(frame, app, theme))
        .expect("draw");
    terminal
}

#[test]
fn light_theme() {
    let mut app = app(100, 30);
    let s = settings("[theme]\nname = \"light\"\n");
    let theme = Theme::from_settings(&s.theme, false);
    app.set_settings(s);
    let terminal = draw_with(&app, &theme);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    // The focused list's border, its selected row, the status bar.
    let corner = &buffer[(0, 0)];
    assert_eq!(corner.fg, Color::Blue);
    assert!(corner.modifier.contains(Modifier::BOLD));
    let selected = &buffer[(5, 1)];
    assert_eq!(
        (selected.fg, selected.bg),
        (Color::Black, Color::Indexed(153))
    );
    let unselected = &buffer[(5, 2)];
    assert_eq!(
        unselected.fg,
        Color::Black,
        "unread text is black, not white"
    );
    assert_eq!(buffer[(0, 29)].bg, Color::Indexed(254));
}

#[test]
fn element_changes_apply_over_the_theme_and_no_color_wins() {
    let mut app = app(100, 30);
    let text = "[theme.selection]\nbg = \"#ffd75f\"\nmodifiers = \"underlined\"\n\
                [theme.focus]\nfg = 208\n";
    let s = settings(text);
    let theme = Theme::from_settings(&s.theme, false);
    app.set_settings(s.clone());
    let terminal = draw_with(&app, &theme);
    let buffer = terminal.backend().buffer();
    let selected = &buffer[(5, 1)];
    assert_eq!(selected.bg, Color::Rgb(0xff, 0xd7, 0x5f));
    assert_eq!(selected.fg, Color::White, "the dark theme's, kept");
    assert!(selected.modifier.contains(Modifier::UNDERLINED));
    assert!(
        !selected.modifier.contains(Modifier::BOLD),
        "modifiers replaced"
    );
    assert_eq!(buffer[(0, 0)].fg, Color::Indexed(208));
    let plain = Theme::from_settings(&s.theme, true);
    let terminal = draw_with(&app, &plain);
    let buffer = terminal.backend().buffer();
    for y in 0..30 {
        for x in 0..100 {
            let cell = &buffer[(x, y)];
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "({x}, {y})"
            );
        }
    }
    assert!(buffer[(5, 1)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn centred_reading_column() {
    let mut app = app(160, 24);
    app.set_settings(settings(
        "[layout]\nsidebar = false\nlist_width = 40\nreading_width = 60\n",
    ));
    press(&mut app, "enter");
    let reader = app.panes().reader.expect("a reading pane");
    assert_eq!((reader.x, reader.width), (40, 120));
    assert!(app.panes().sidebar.is_none());
    let terminal = draw_with(&app, &Theme::new(true));
    insta::assert_snapshot!(terminal.backend());
    // The text area is 117 columns (border and scrollbar aside): the
    // 60-column text starts 28 columns in.
    let buffer = terminal.backend().buffer();
    let title_row: String = (41..41 + 118).map(|x| buffer[(x, 1)].symbol()).collect();
    assert!(title_row.starts_with(&" ".repeat(28)), "{title_row:?}");
    assert!(!title_row[28..].starts_with(' '), "{title_row:?}");
    let longest = app
        .opened
        .as_ref()
        .map(|o| o.lines.iter().map(|l| l.text.chars().count()).max())
        .unwrap_or_default();
    assert!(longest <= Some(60), "{longest:?}");
}

#[test]
fn list_columns_and_relative_dates() {
    let mut app = app(100, 30);
    app.set_settings(settings(
        "[layout]\nlist_columns = [\"date\"]\n[dates]\nformat = \"relative\"\n",
    ));
    // The first fixture article, 3 hours later.
    app.now = 1_735_689_600 + 3 * 3600;
    let terminal = draw_with(&app, &Theme::new(true));
    let buffer = terminal.backend().buffer();
    let rows: Vec<String> = (1..4)
        .map(|y| (1..29).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    assert!(rows[2].ends_with("3h ago"), "{rows:?}");
    assert!(!rows[0].starts_with(' '), "no marks column: {rows:?}");
    assert!(rows.iter().all(|r| !r.contains('•')), "{rows:?}");
}

#[test]
fn marking_everything_read_asks_first_when_the_settings_say_so() {
    let mut app = app(100, 30);
    app.set_settings(settings("confirm_mark_all_read = true\n"));
    press(&mut app, "A");
    let question = app.input.as_ref().map(|i| i.question.clone());
    assert_eq!(
        question.as_deref(),
        Some("Mark everything in “Articles” read? (y/n) ")
    );
    press(&mut app, "n");
    assert!(app.input.is_none());
    assert!(app.list.row(0).is_some_and(|r| !r.read), "nothing marked");
    press(&mut app, "A y");
    assert!(app.list.row(0).is_some_and(|r| r.read));
    let status = app
        .status
        .as_ref()
        .map(|(s, _)| s.clone())
        .unwrap_or_default();
    assert_eq!(status, "Marked 5 articles read (ctrl-z undoes)");
}
