//! Whole-screen snapshots after key sequences, at two sizes, plus checks of
//! focus styles, mouse, resizing and tiny terminals.

mod common;

use common::{act, app, draw, press, type_text};
use edicola::action::Action;
use edicola::app::{Focus, Overlay};
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

#[test]
fn start_screen_wide() {
    let app = app(100, 30);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn start_screen_small() {
    let app = app(60, 15);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn open_second_article_and_scroll() {
    let mut app = app(100, 30);
    press(&mut app, "j enter j j");
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.opened.as_ref().map(|o| o.scroll), Some(2));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn sidebar_entry_opens_stored_article_or_blurb() {
    let mut app = app(100, 30);
    // The third article lists the Tokyo one (stored) and a markets story (not stored).
    press(&mut app, "j j l l");
    assert_eq!(app.focus, Focus::Sidebar);
    insta::assert_snapshot!("sidebar_focused", draw(&app).backend());
    press(&mut app, "j enter");
    assert!(matches!(app.overlay, Some(Overlay::Blurb { .. })));
    insta::assert_snapshot!("blurb_popup", draw(&app).backend());
    press(&mut app, "esc k enter");
    assert_eq!(app.overlay, None);
    assert_eq!(app.focus, Focus::Reader);
    let title = app.opened.as_ref().map(|o| o.article.title.clone());
    assert_eq!(title.as_deref(), Some("東京の朝: 電車と雨"));
    assert_eq!(app.list.selected, 3, "the list follows the opened article");
}

#[test]
fn help_overlay_small() {
    let mut app = app(60, 15);
    press(&mut app, "?");
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "esc");
    assert_eq!(app.overlay, None);
}

#[test]
fn help_is_as_wide_as_its_descriptions_and_scrolls_to_its_last_line() {
    let mut app = app(140, 30);
    press(&mut app, "? G");
    let screen = format!("{:?}", draw(&app).backend());
    assert!(
        screen.contains("Save the article as Markdown (download folder)"),
        "{screen}"
    );
    assert!(screen.contains("0 1 2 3 4 5 6 7 8 9  Count"), "{screen}");
    let rows: Vec<&str> = screen.lines().collect();
    let bottom = rows
        .iter()
        .rposition(|r| r.contains("Esc closes"))
        .expect("bottom border");
    assert!(
        rows[bottom - 1].contains("Close"),
        "last key on the last row: {screen}"
    );
    // One key up moves the text at once (the scroll stops at the end).
    press(&mut app, "k");
    let up = format!("{:?}", draw(&app).backend());
    let rows: Vec<&str> = up.lines().collect();
    assert!(!rows[bottom - 1].contains("Close"), "{up}");
    // Narrower than the longest description: it ends in an ellipsis.
    let mut app = common::app(50, 15);
    press(&mut app, "?");
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains('…'), "{screen}");
}

#[test]
fn bookmark_then_bookmarks_view() {
    let mut app = app(100, 30);
    press(&mut app, "j b B");
    assert_eq!(app.list.total, 1);
    insta::assert_snapshot!(draw(&app).backend());
    press(&mut app, "B");
    assert_eq!(app.list.total, 5);
    assert_eq!(
        app.list.selected, 1,
        "selection stays on the bookmarked article"
    );
}

#[test]
fn read_marks_toggle() {
    let mut app = app(100, 30);
    press(&mut app, "enter");
    assert!(app.opened.as_ref().is_some_and(|o| o.read));
    press(&mut app, "u");
    assert!(app.opened.as_ref().is_some_and(|o| !o.read));
    assert!(app.list.current().is_some_and(|r| !r.read));
}

#[test]
fn focused_pane_is_bold_and_thick() {
    let mut app = app(100, 30);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(0, 0)].symbol(), "┏");
    assert!(buffer[(0, 0)].style().add_modifier.contains(Modifier::BOLD));
    press(&mut app, "tab");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(0, 0)].symbol(), "┌");
    let reader_x = app.panes().reader.map(|r| r.x).unwrap_or_default();
    assert_eq!(buffer[(reader_x, 0)].symbol(), "┏");
    // The selected list row stays visible (underlined) without focus.
    assert!(
        buffer[(2, 1)]
            .style()
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
}

#[test]
fn mouse_click_selects_and_wheel_scrolls_pane_under_pointer() {
    let mut app = app(100, 30);
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 5,
        row: 3,
        modifiers: KeyModifiers::NONE,
    };
    assert!(app.on_mouse(click));
    assert_eq!(app.list.selected, 2);
    let reader = app.panes().reader.unwrap_or_default();
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: reader.x + 3,
        row: 5,
        modifiers: KeyModifiers::NONE,
    };
    press(&mut app, "g");
    assert!(app.on_mouse(wheel));
    assert_eq!(app.focus, Focus::List, "wheel does not steal focus");
    assert!(
        app.opened.as_ref().is_some_and(|o| o.scroll > 0)
            || app.opened.as_ref().is_some_and(|o| o.lines.len() <= 28)
    );
}

#[test]
fn tiny_and_changing_sizes_never_panic() {
    let mut app = app(100, 30);
    let sizes = [
        (1, 1),
        (2, 2),
        (10, 3),
        (30, 5),
        (49, 10),
        (50, 10),
        (89, 12),
        (90, 40),
        (200, 60),
    ];
    for (w, h) in sizes {
        app.resize(Rect::new(0, 0, w, h));
        for keys in [
            "j", "G", "enter", "tab", "j", "G", "tab", "j", "enter", "esc", "?", "j", "esc", "b",
            "B", "B", "g",
        ] {
            press(&mut app, keys);
            draw(&app);
        }
    }
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn narrow_terminal_shows_only_the_focused_pane() {
    let mut app = app(40, 12);
    insta::assert_snapshot!("narrow_list", draw(&app).backend());
    press(&mut app, "enter");
    insta::assert_snapshot!("narrow_reader", draw(&app).backend());
}

#[test]
fn space_scrolls_the_reader_from_the_list() {
    let mut app = app(100, 30);
    press(&mut app, "space");
    assert_eq!(app.focus, Focus::List);
    let scroll = app.opened.as_ref().map_or(0, |o| o.scroll);
    assert_eq!(scroll, app.reader_height() - 1);
    press(&mut app, "backspace");
    assert_eq!(app.opened.as_ref().map(|o| o.scroll), Some(0));
}

#[test]
fn mark_all_read_and_undo_with_ctrl_z() {
    let mut app = app(100, 30);
    press(&mut app, "U");
    assert_eq!(app.list.total, 5);
    press(&mut app, "A");
    assert_eq!(
        app.list.total, 0,
        "unread view is empty after marking all read"
    );
    press(&mut app, "ctrl-z");
    assert_eq!(app.list.total, 5);
    press(&mut app, "U b ctrl-z");
    assert!(
        app.opened.as_ref().is_some_and(|o| !o.bookmarked),
        "bookmark undone"
    );
}

#[test]
fn remove_article_and_undo() {
    let mut app = app(100, 30);
    press(&mut app, "j j");
    let id = app.opened.as_ref().map(|o| o.article.id.clone());
    press(&mut app, "b d");
    assert_eq!(app.list.total, 4);
    assert_ne!(app.opened.as_ref().map(|o| o.article.id.clone()), id);
    press(&mut app, "ctrl-z");
    assert_eq!(app.list.total, 5);
    assert_eq!(app.opened.as_ref().map(|o| o.article.id.clone()), id);
    assert!(
        app.opened.as_ref().is_some_and(|o| o.bookmarked),
        "marks restored with it"
    );
}

#[test]
fn sources_popup_filters_the_list() {
    let mut app = app(100, 30);
    // Unbound by default: the command line runs it by name.
    press(&mut app, ":");
    type_text(&mut app, "sources");
    press(&mut app, "enter");
    assert!(matches!(app.overlay, Some(Overlay::Sources { .. })));
    insta::assert_snapshot!("sources_popup", draw(&app).backend());
    // Entries: All, then sources by name: Asahi, Il Quotidiano, InfoAut, Tech Daily.
    press(&mut app, "j enter");
    assert_eq!(app.list.total, 1);
    assert_eq!(
        app.list.current().map(|r| r.title.as_str()),
        Some("東京の朝: 電車と雨")
    );
    act(&mut app, Action::Sources);
    press(&mut app, "g enter");
    assert_eq!(app.list.total, 5);
}

#[test]
fn background_results_keep_the_selection() {
    use edicola::app::JobEvent;
    let mut app = app(100, 30);
    press(&mut app, "j tab j j");
    let id = app.opened.as_ref().map(|o| o.article.id.clone());
    app.on_job(JobEvent::Progress {
        done: 1,
        total: 3,
        name: "Feed".into(),
    });
    app.on_job(JobEvent::Refreshed {
        added: 0,
        feeds: 0,
        failed: vec!["Bad: failed: HTTP 500".into()],
        error: None,
    });
    assert_eq!(app.opened.as_ref().map(|o| o.article.id.clone()), id);
    assert_eq!(app.opened.as_ref().map(|o| o.scroll), Some(2));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|(m, _)| m == "No new articles; 1 feed failed: Bad: failed: HTTP 500")
    );
    let page = edicola::model::Article {
        body: vec![
            "The whole text of the page.".into(),
            "Second paragraph.".into(),
        ],
        ..Default::default()
    };
    app.on_job(JobEvent::FullText {
        id: id.clone().unwrap_or_default(),
        result: Ok(edicola::jobs::FullText::Page(Box::new(page))),
    });
    let opened = app.opened.as_ref().expect("opened");
    assert_eq!(opened.article.body[0], "The whole text of the page.");
    assert!(
        opened.article.standfirst.is_some(),
        "the summary is kept as standfirst"
    );
}

#[test]
fn search_prompt_narrows_as_you_type_and_highlights() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let mut app = app(100, 30);
    press(&mut app, "/");
    assert!(app.prompt.is_some());
    for c in "nvidia chi".chars() {
        app.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    // As the event loop does once typing pauses.
    app.idle_work();
    assert!(app.list.total >= 1);
    assert_eq!(
        app.list.current().map(|r| r.title.as_str()),
        Some("Chip war: Nvidia exports to China under new rules")
    );
    insta::assert_snapshot!("search_prompt", draw(&app).backend());
    let terminal = draw(&app);
    let reader = app.panes().reader.unwrap_or_default();
    let buffer = terminal.backend().buffer();
    let highlighted = (reader.x..reader.x + reader.width).any(|x| {
        buffer[(x, 1)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    });
    assert!(highlighted, "the match in the title is highlighted");
    app.prompt_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(app.prompt.is_none());
    assert!(app.filter().query.is_some(), "Enter keeps the results");
    press(&mut app, "/");
    app.prompt_key(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.list.total, 5, "Esc clears the search");
}

#[test]
fn one_or_two_letters_that_find_nothing_get_a_hint_not_zero_results() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let mut app = app(120, 30);
    press(&mut app, "/");
    let status_line = |app: &edicola::app::App| {
        let terminal = draw(app);
        let buffer = terminal.backend().buffer();
        let y = app.area.height - 1;
        (0..app.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect::<String>()
    };
    app.prompt_key(&KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    assert_eq!(app.list.total, 0);
    let line = status_line(&app);
    assert!(line.contains("keep typing"), "{line}");
    assert!(!line.contains("0 results"), "{line}");
    // A whole word of three letters or more that finds nothing says so.
    for c in "qzx".chars() {
        app.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let line = status_line(&app);
    assert!(line.contains("0 results"), "{line}");
    // A filter the language does not know is reported while typing.
    for c in " foo:x".chars() {
        app.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let line = status_line(&app);
    assert!(line.contains("unknown filter"), "{line}");
}

#[test]
fn sidebar_lookups_wait_for_idle_input_and_stale_answers_are_dropped() {
    let mut app = app(100, 30);
    act(&mut app, Action::MoveDown);
    act(&mut app, Action::MoveDown);
    // The third article lists the Tokyo one, which is stored: not looked up
    // while keys are handled.
    use edicola::app::sidebar::Section;
    let stored = |app: &edicola::app::App| {
        app.opened.as_ref().map(|o| {
            o.items
                .iter()
                .filter(|i| i.section == Some(Section::FromPage) && i.article_id.is_some())
                .count()
        })
    };
    assert_eq!(stored(&app), Some(0));
    assert!(app.has_idle_work() && !app.awaiting_lookups());
    let request = app.lookup_request().expect("a request");
    assert!(!app.has_idle_work() && app.awaiting_lookups());
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains("Related · looking up…"), "{screen}");
    assert_eq!(app.lookup_request(), None, "asked once per opening");
    // Answers for an article no longer open change nothing.
    act(&mut app, Action::MoveDown);
    act(&mut app, Action::MoveUp);
    app.answer_now(&request);
    assert_eq!(stored(&app), Some(0));
    assert!(app.has_idle_work());
    app.idle_work();
    assert_eq!(stored(&app), Some(1));
    assert!(!app.has_idle_work() && !app.awaiting_lookups());
    let screen = format!("{:?}", draw(&app).backend());
    assert!(!screen.contains("looking up"), "{screen}");
}

#[test]
fn copies_of_a_story_fold_into_one_similar_entry() {
    let mut app = common::story_app(100, 30);
    let title = app.opened.as_ref().map(|o| o.article.title.clone());
    assert_eq!(
        title.as_deref(),
        Some("What higher ECB rates mean for Italian bonds")
    );
    press(&mut app, "l l");
    insta::assert_snapshot!("similar_also_in", draw(&app).backend());
    // Enter opens the entry's best-ranked copy; its sidebar lists the
    // other copies first, one line each, and Enter opens them.
    let entry = app.opened.as_ref().and_then(|o| {
        o.items
            .iter()
            .position(|i| !i.also_in.is_empty())
            .map(|n| (n, o.items[n].clone()))
    });
    let (index, entry) = entry.expect("a folded entry");
    assert_eq!(entry.also_in.len(), 2, "{entry:?}");
    for _ in 0..index {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    let opened = app.opened.as_ref().map(|o| o.article.id.clone());
    assert_eq!(opened, entry.article_id);
    app.resize(Rect::new(0, 0, 40, 16));
    press(&mut app, "l g");
    assert_eq!(app.focus, Focus::Sidebar);
    insta::assert_snapshot!("same_story_narrow", draw(&app).backend());
    let first = app.opened.as_ref().map(|o| o.items[0].clone());
    let first = first.expect("a first entry");
    assert!(first.title == "Paper A" || first.title == "東京経済新聞" || first.title == "Wire");
    press(&mut app, "enter");
    let opened = app.opened.as_ref().map(|o| o.article.id.clone());
    assert_eq!(opened, first.article_id);
    assert_eq!(app.focus, Focus::Reader);
    // Every width draws without overflowing.
    for width in [20, 30, 39, 60, 95, 140] {
        app.resize(Rect::new(0, 0, width, 16));
        press(&mut app, "l");
        draw(&app);
    }
}

#[test]
fn a_query_cut_for_its_length_says_so() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let mut app = app(100, 30);
    press(&mut app, "/");
    let query: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    for c in query.join(" ").chars() {
        app.prompt_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let (status, _) = app.status.clone().expect("a status");
    assert!(status.starts_with("Query cut"), "{status}");
}
