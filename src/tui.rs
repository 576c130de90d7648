//! The terminal side: set-up and restore (also on panic and signals), the
//! threads the event loop listens to, and the effects it performs (I/O
//! outside the app: browser, clipboard, network).

use std::cell::Cell;
use std::io::{IsTerminal, Write, stdout};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::channel;

use anyhow::Context as _;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::{App, Effect, Severity};
use crate::event_loop;
use crate::jobs::{InputControl, Lookups, Reporter, Sampler, Searches, Writer, spawn_input};
use crate::ui::{render, theme::Theme};

/// What the loop needs from outside the app: the browser command, and the
/// files background work opens for itself.
#[derive(Debug, Clone)]
pub struct Env {
    pub browser: Option<String>,
    pub store_file: PathBuf,
    pub subscriptions_file: PathBuf,
    /// Where `S` saves articles.
    pub download_dir: PathBuf,
}

/// Runs the reader until the user quits. The terminal is restored on every
/// exit path: normal return, error, or panic.
pub fn run(app: &mut App, theme: &Theme, env: &Env) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for scripts use `edicola list`, `show` or `bookmarks`"
        );
    }
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    restore_on_signals().context("cannot watch for signals")?;
    let _ = execute!(stdout(), EnableMouseCapture);
    #[cfg(debug_assertions)]
    if std::env::var_os("EDICOLA_TEST_PANIC").is_some() {
        // Lets the end-to-end tests check the panic path in a real terminal.
        panic!("EDICOLA_TEST_PANIC is set");
    }
    let result = event_loop(&mut terminal, app, theme, env);
    restore();
    result
}

/// Puts the terminal back as the reader found it: mouse reporting off,
/// cursor shown, main screen, cooked mode. Safe to call more than once.
fn restore() {
    let mut out = stdout();
    // CAN ends an escape sequence that a draw may have left half written.
    let _ = out.write_all(b"\x18");
    let _ = execute!(out, DisableMouseCapture, Show);
    ratatui::restore();
}

/// True while a program runs in the reader's terminal (a terminal
/// browser): the keyboard's interrupt and quit keys are that program's.
static STEPPED_ASIDE: AtomicBool = AtomicBool::new(false);

/// A thread that, when a signal asks the process to end (SIGTERM, SIGINT,
/// SIGHUP, SIGQUIT), restores the terminal and then ends the process as
/// that signal would (the exit status still tells which).
fn restore_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let keyboard = |s: i32| s == SIGINT || s == SIGQUIT;
            let ending = signals
                .forever()
                .find(|&s| !(keyboard(s) && STEPPED_ASIDE.load(Ordering::SeqCst)));
            if let Some(signal) = ending {
                // Held until the end: the UI thread can no longer draw over
                // the restored terminal.
                let _stdout = stdout().lock();
                restore();
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    env: &Env,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    let (tx, rx) = channel();
    let reporter = Reporter::new(tx.clone());
    let input = spawn_input(tx).context("cannot read the terminal")?;
    // Set when a program used the terminal: the next frame is drawn whole.
    let redraw = Cell::new(false);
    if let Some(pending) = app.index_pending(&env.store_file) {
        // The search index catches up (after an import with --no-index,
        // an interrupted build, or an upgrade) while the user reads.
        app.running.indexing = Some((0, pending));
        let (reporter, file) = (reporter.clone(), env.store_file.clone());
        std::thread::spawn(move || crate::jobs::build_index(&file, &reporter));
    }
    let workers = Workers::start(app, &reporter);
    event_loop::run(
        app,
        &rx,
        workers.lookups.as_ref(),
        |effect, app| {
            if !step_aside_for(&effect, app, env, &input, &redraw) {
                perform(effect, app, env, &reporter);
            }
        },
        |app| {
            if redraw.take() {
                terminal.clear()?;
            }
            let frame = terminal.draw(|frame| render(frame, app, theme))?;
            let links = match app.settings.hyperlinks {
                true => hyperlink_cells(app, frame.area, frame.buffer),
                false => Vec::new(),
            };
            write_hyperlinks(terminal.backend_mut(), &links)?;
            Ok(())
        },
    )
}

/// Effects that run a program in the reader's terminal: a web address
/// for a browser that lives there, a pipe to an interactive command. The
/// reader leaves the screen as it found it (main screen, cooked mode, no
/// mouse reporting), stops reading the keyboard, runs the program in the
/// foreground and comes back drawn anew. False for any other effect.
fn step_aside_for(
    effect: &Effect,
    app: &mut App,
    env: &Env,
    input: &InputControl,
    redraw: &Cell<bool>,
) -> bool {
    let (result, done) = match effect {
        Effect::OpenUrl(url) if app.settings.browser_in_terminal => {
            let Some(back) = step_aside(input, redraw, || {
                crate::browser::run_in_terminal(url, env.browser.clone())
            }) else {
                app.notify(Severity::Error, "The keyboard could not be handed over");
                return true;
            };
            (back, format!("Back from {url}"))
        }
        Effect::PipeInTerminal { command, markdown } => {
            let input_bytes = markdown.clone().into_bytes();
            let Some(back) = step_aside(input, redraw, || {
                crate::jobs::pipe::run_in_terminal(command, input_bytes)
            }) else {
                app.notify(Severity::Error, "The keyboard could not be handed over");
                return true;
            };
            (back, format!("Back from {command}"))
        }
        _ => return false,
    };
    match result {
        Err(e) => app.notify(Severity::Error, e.to_string()),
        Ok(()) => app.notify(Severity::Info, done),
    }
    true
}

/// Why a program run in the reader's terminal failed, or the terminal
/// could not be taken back from it.
#[derive(Debug, thiserror::Error)]
enum AsideError {
    #[error(transparent)]
    Browser(#[from] crate::browser::BrowserError),
    #[error(transparent)]
    Program(#[from] crate::program::ProgramError),
    #[error("The terminal could not be set up again: {0}")]
    Terminal(std::io::Error),
}

/// Runs `program` with the terminal handed over (see `step_aside_for`);
/// None when the keyboard could not be taken from the input thread.
fn step_aside<E: Into<AsideError>>(
    input: &InputControl,
    redraw: &Cell<bool>,
    program: impl FnOnce() -> Result<(), E>,
) -> Option<Result<(), AsideError>> {
    if !input.pause() {
        return None;
    }
    STEPPED_ASIDE.store(true, Ordering::SeqCst);
    restore();
    let result = program();
    let back = ratatui::crossterm::terminal::enable_raw_mode().and_then(|()| {
        execute!(
            stdout(),
            ratatui::crossterm::terminal::EnterAlternateScreen,
            EnableMouseCapture,
            ratatui::crossterm::cursor::Hide
        )
    });
    STEPPED_ASIDE.store(false, Ordering::SeqCst);
    input.resume();
    redraw.set(true);
    Some(match (result, back) {
        (_, Err(e)) => Err(AsideError::Terminal(e)),
        (result, Ok(())) => result.map_err(Into::into),
    })
}

/// The threads that answer the app's requests, each with its own
/// connection to the store file (none for a store held in memory).
struct Workers {
    lookups: Option<Lookups>,
}

impl Workers {
    fn start(app: &mut App, reporter: &Reporter) -> Workers {
        let file = app.store_file().map(std::path::Path::to_path_buf);
        let Some(file) = file else {
            return Workers { lookups: None };
        };
        if let Some(writer) = Writer::spawn(&file, reporter.clone()) {
            app.set_writer(writer);
        }
        if let Some(searches) = Searches::spawn(&file, reporter.clone()) {
            app.set_searcher(searches);
        }
        if let Some(sampler) = Sampler::spawn(&file, reporter.clone()) {
            app.set_sampler(sampler);
        }
        if let Some(files) = app.config_files().cloned() {
            if let Some(worker) = crate::jobs::FeedsWorker::spawn(&file, files, reporter.clone()) {
                app.set_feeds_worker(worker);
            }
        }
        Workers {
            lookups: Lookups::spawn(&file, reporter.clone()),
        }
    }
}

fn perform(effect: Effect, app: &mut App, env: &Env, reporter: &Reporter) {
    match effect {
        Effect::OpenUrl(url) => match crate::browser::open(&url, env.browser.clone()) {
            Ok(()) => app.notify(Severity::Info, format!("Opened {url}")),
            Err(e) => app.notify(Severity::Error, e.to_string()),
        },
        Effect::Copy(text) => {
            use base64::Engine as _;
            let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
            let mut out = stdout();
            let _ = write!(out, "\x1b]52;c;{encoded}\x07");
            let _ = out.flush();
            app.notify(Severity::Info, format!("Copied {text}"));
        }
        Effect::Refresh => {
            let (reporter, env) = (reporter.clone(), env.clone());
            std::thread::spawn(move || {
                crate::jobs::refresh(&env.store_file, &env.subscriptions_file, &reporter)
            });
        }
        Effect::SaveArticle { name, content } => {
            let (reporter, dir) = (reporter.clone(), env.download_dir.clone());
            std::thread::spawn(move || crate::jobs::save_article(&dir, &name, &content, &reporter));
        }
        Effect::Pipe { command, markdown } => {
            let reporter = reporter.clone();
            std::thread::spawn(move || {
                crate::jobs::pipe::run_and_report(command, markdown.into_bytes(), &reporter)
            });
        }
        Effect::Notify { message, titles } => notify(app, &message, titles, reporter),
        // Only without a terminal to hand over (see `step_aside_for`).
        Effect::PipeInTerminal { command, .. } => {
            app.notify(
                Severity::Error,
                format!("{command}: no terminal to run it in"),
            );
        }
        Effect::BookmarkCommand(article) => {
            let (argv, reporter) = (app.settings.bookmark_command.clone(), reporter.clone());
            std::thread::spawn(move || {
                crate::jobs::notify::bookmark_and_report(&argv, article, &reporter)
            });
        }
        Effect::FullText { id, url } => {
            let reporter = reporter.clone();
            let file = app.store_file().map(std::path::Path::to_path_buf);
            std::thread::spawn(move || {
                crate::jobs::full_text::fetch(file.as_deref(), id, &url, &reporter)
            });
        }
    }
}

/// Tells of new articles as the settings ask. The terminal gets only the
/// summary (counts), never a title: titles go to the notify command.
fn notify(app: &App, message: &str, titles: Vec<String>, reporter: &Reporter) {
    let s = &app.settings;
    let mut out = stdout();
    if s.notify_osc {
        let _ = write!(out, "\x1b]9;Edicola: {message}\x1b\\");
    }
    if s.notify_bell {
        let _ = write!(out, "\x07");
    }
    let _ = out.flush();
    if !s.notify_command.is_empty() {
        let (argv, message, reporter) = (
            s.notify_command.clone(),
            message.to_string(),
            reporter.clone(),
        );
        std::thread::spawn(move || {
            crate::jobs::notify::run_and_report(&argv, &message, &titles, &reporter)
        });
    }
}

/// A link's address and the cells that show it, as just drawn.
type Hyperlink = (String, Vec<(u16, u16, ratatui::buffer::Cell)>);

/// The drawn links whose address can go to the terminal (see `safe_url`).
fn hyperlink_cells(app: &App, area: Rect, buffer: &ratatui::buffer::Buffer) -> Vec<Hyperlink> {
    use unicode_width::UnicodeWidthStr;
    crate::ui::link_cells(app, area)
        .into_iter()
        .filter_map(|link| {
            let url = safe_url(&link.url)?;
            let mut cells = Vec::new();
            let mut x = link.x;
            while x < link.x.saturating_add(link.width) {
                let cell = buffer.cell((x, link.y))?;
                cells.push((x, link.y, cell.clone()));
                x = x.saturating_add(u16::try_from(cell.symbol().width().max(1)).unwrap_or(1));
            }
            Some((url.to_string(), cells))
        })
        .collect()
}

/// Makes the links on screen hyperlinks (OSC 8): each link's cells are
/// written again, as drawn, between the sequences that open and close it.
/// The next frame draws over them as over any cell.
fn write_hyperlinks(
    backend: &mut ratatui::backend::CrosstermBackend<std::io::Stdout>,
    links: &[Hyperlink],
) -> std::io::Result<()> {
    use ratatui::backend::Backend;
    if links.is_empty() {
        return Ok(());
    }
    for (url, cells) in links {
        write!(backend, "\x1b]8;;{url}\x1b\\")?;
        backend.draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))?;
        write!(backend, "\x1b]8;;\x1b\\")?;
    }
    Backend::flush(backend)
}

/// An address fit to go inside an escape sequence: a web address of
/// printable ASCII without spaces, of a length terminals accept.
fn safe_url(url: &str) -> Option<&str> {
    let web = url.starts_with("https://") || url.starts_with("http://");
    let printable = url.bytes().all(|b| (0x21..0x7f).contains(&b));
    (web && printable && url.len() <= 2000).then_some(url)
}

#[cfg(test)]
#[path = "tui_tests.rs"]
mod tests;
