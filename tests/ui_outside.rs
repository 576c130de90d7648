//! The open article out of the reader: `S` saves it as Markdown, `|` pipes
//! it to a command whose output shows in a popup, clean of escapes.

mod common;

use std::time::Duration;

use common::{app, draw, press, type_text};
use edicola::app::{Effect, Overlay};
use edicola::jobs::{JobEvent, pipe};
use edicola::keymap::parse_key;

/// Presses `|`, types `command` and Enter: the effect the reader asks for.
fn pipe_to(app: &mut edicola::app::App, command: &str) -> Option<Effect> {
    press(app, "|");
    type_text(app, command);
    app.text_key(&parse_key("enter").expect("key"))
}

#[test]
fn pipe_prompt_then_output_popup() {
    let mut app = app(100, 30);
    press(&mut app, "j enter");
    press(&mut app, "|");
    type_text(&mut app, "wc -w");
    insta::assert_snapshot!("pipe_prompt", draw(&app).backend());
    let effect = app.text_key(&parse_key("enter").expect("key"));
    let Some(Effect::Pipe { command, markdown }) = effect else {
        panic!("a pipe effect, got {effect:?}")
    };
    assert_eq!(command, "wc -w");
    assert!(markdown.starts_with("# "), "{markdown}");
    let result = pipe::run(&command, markdown.into_bytes(), pipe::TIME_LIMIT, 1 << 16);
    let words: usize = result
        .as_ref()
        .ok()
        .and_then(|p| p.lines.first()?.trim().parse().ok())
        .expect("a count");
    assert!(words > 10, "{words}");
    // A fixed output for the snapshot, with escapes a command could print.
    let piped = pipe::Piped {
        command: "render \u{1b}[2J".into(),
        lines: pipe::clean_lines(
            "\u{1b}[1;31mBold red\u{1b}[0m title\n\u{1b}]52;c;aGk=\u{7}no clipboard\n\ttabbed\u{7}",
        ),
        status: "exit 0".into(),
        cut: false,
        success: true,
    };
    app.on_job(JobEvent::Piped(Ok(piped)));
    assert!(matches!(app.overlay, Some(Overlay::Output { .. })));
    let screen = draw(&app);
    let text: String = screen
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    assert!(text.contains("Bold red title") && text.contains("no clipboard"));
    insta::assert_snapshot!("pipe_output", screen.backend());
    press(&mut app, "esc");
    assert!(app.overlay.is_none());
}

#[test]
fn the_command_runs_with_the_article_on_stdin_and_its_escapes_are_removed() {
    let printed = pipe::run(
        "cat >/dev/null; printf '\\033[31mred\\033[0m \\033]0;title\\007plain\\n'",
        b"# Article\n".to_vec(),
        pipe::TIME_LIMIT,
        1 << 16,
    )
    .expect("ran");
    assert_eq!(printed.lines, ["red plain"]);
    assert!(printed.success);
    let echoed = pipe::run(
        "head -1",
        b"# Title\n\nbody\n".to_vec(),
        pipe::TIME_LIMIT,
        1 << 16,
    )
    .expect("ran");
    assert_eq!(echoed.lines, ["# Title"]);
}

#[test]
fn a_slow_command_is_killed_and_a_loud_one_cut() {
    let started = std::time::Instant::now();
    let slow = pipe::run("sleep 30", Vec::new(), Duration::from_millis(300), 1024).expect("ran");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(!slow.success);
    assert!(slow.status.starts_with("killed"), "{}", slow.status);
    let loud = pipe::run("yes", Vec::new(), Duration::from_secs(5), 4096).expect("ran");
    assert!(loud.cut);
    assert!(loud.lines.len() <= 2048);
    let failing =
        pipe::run("echo oops >&2; exit 3", Vec::new(), pipe::TIME_LIMIT, 1024).expect("ran");
    assert_eq!(
        (failing.status.as_str(), failing.success),
        ("exit 3", false)
    );
    assert_eq!(failing.lines, ["oops"], "stderr shown when stdout is empty");
}

#[test]
fn s_saves_markdown_named_after_the_title_without_replacing_files() {
    let mut app = app(100, 30);
    press(&mut app, "j enter");
    let title = app
        .opened
        .as_ref()
        .map(|o| o.article.title.clone())
        .expect("open");
    let effect = app.on_key(&parse_key("S").expect("key")).flatten();
    let Some(Effect::SaveArticle {
        name,
        content: markdown,
    }) = effect
    else {
        panic!("a save effect, got {effect:?}")
    };
    assert!(name.ends_with(".md") && !name.contains('/'), "{name}");
    assert!(markdown.starts_with(&format!("# {}", edicola::export::markdown::escape(&title))));
    let dir = tempfile::tempdir().expect("tmp");
    let first = edicola::export::save_new(dir.path(), &name, markdown.as_bytes()).expect("saved");
    let second = edicola::export::save_new(dir.path(), &name, b"again").expect("saved");
    assert_ne!(first, second);
    assert_eq!(std::fs::read_to_string(&first).expect("read"), markdown);
    app.on_job(JobEvent::Saved(Ok(first.clone())));
    let status = app
        .status
        .as_ref()
        .map(|(m, _)| m.clone())
        .unwrap_or_default();
    assert_eq!(status, format!("Saved {}", first.display()));
}

#[test]
fn pipe_without_an_open_article_or_command_does_nothing() {
    let mut app = app(100, 30);
    assert_eq!(pipe_to(&mut app, ""), None, "an empty command is cancelled");
}

/// An app whose only article has three links, open.
fn linked_app() -> edicola::app::App {
    use edicola::model::{Article, Link};
    let link = |n: usize| Link {
        text: format!("Source {n}"),
        url: format!("https://example.org/{n}"),
    };
    let article = edicola::ingest::with_id(Article {
        title: "Three links".into(),
        source: Some("Wire".into()),
        published: Some(1_735_689_600),
        body: vec!["A paragraph.".into()],
        links: (1..=3).map(link).collect(),
        url: Some("https://example.org/story".into()),
        ..Article::default()
    });
    let mut store = edicola::store::Store::open_in_memory().expect("store");
    store
        .upsert(&[article], edicola::store::Origin::User)
        .expect("stored");
    let mut app = edicola::app::App::new(
        store,
        edicola::keymap::Keymap::builtin().expect("keymap"),
        false,
        ratatui::layout::Rect::new(0, 0, 120, 30),
    )
    .expect("app");
    app.idle_work();
    press(&mut app, "enter");
    app
}

#[test]
fn a_count_before_o_or_y_takes_that_numbered_link() {
    let mut app = linked_app();
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("[2] Source 2"), "{screen}");
    press(&mut app, "2");
    let effect = app.on_key(&parse_key("o").expect("key")).flatten();
    assert!(
        matches!(&effect, Some(Effect::OpenUrl(u)) if u == "https://example.org/2"),
        "{effect:?}"
    );
    press(&mut app, "3");
    let effect = app.on_key(&parse_key("y").expect("key")).flatten();
    assert!(
        matches!(&effect, Some(Effect::Copy(u)) if u == "https://example.org/3"),
        "{effect:?}"
    );
    press(&mut app, "7");
    let effect = app.on_key(&parse_key("o").expect("key")).flatten();
    assert!(effect.is_none());
    let status = app.status.clone().map(|(m, _)| m).unwrap_or_default();
    assert_eq!(status, "No link 7: this article has 3 links");
}

#[test]
fn a_new_bookmark_runs_the_bookmark_command_with_address_title_and_source() {
    let mut app = linked_app();
    app.set_settings(edicola::settings::Settings {
        bookmark_command: vec!["save-link".into()],
        ..Default::default()
    });
    app.update(edicola::action::Action::ToggleBookmark);
    let effects = app.take_effects();
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::BookmarkCommand([url, title, source])]
                if url == "https://example.org/story" && title == "Three links" && source == "Wire"
        ),
        "{effects:?}"
    );
    // Removing the bookmark runs nothing.
    app.update(edicola::action::Action::ToggleBookmark);
    assert!(app.take_effects().is_empty());
}

#[test]
fn s_saves_html_when_the_settings_say_so() {
    let mut app = linked_app();
    app.set_settings(edicola::settings::Settings {
        save_format: edicola::settings::SaveFormat::Html,
        ..Default::default()
    });
    let effect = app.on_key(&parse_key("S").expect("key")).flatten();
    let Some(Effect::SaveArticle { name, content }) = effect else {
        panic!("a save effect, got {effect:?}")
    };
    assert_eq!(name, "three-links.html");
    assert!(content.starts_with("<!DOCTYPE html>"), "{content}");
    assert!(content.contains("https://example.org/2"), "{content}");
}
