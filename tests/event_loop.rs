//! The reader's event loop driven by a scripted input source: keys, key
//! releases, jobs that report late and out of order, input that pauses,
//! a terminal that fails. The loop runs as in the reader, with a counter
//! in place of the terminal.

mod common;

use std::sync::mpsc::{Sender, channel};
use std::thread;
use std::time::Duration;

use common::app;
use edicola::app::Severity;
use edicola::event_loop::{self, LOOKUP_DELAY};
use edicola::jobs::{Found, JobEvent, Msg, Reporter, SearchAnswer};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};

fn key(c: char) -> Msg {
    Msg::Input(Event::Key(KeyEvent::from(KeyCode::Char(c))))
}

fn release(c: char) -> Msg {
    let mut key = KeyEvent::from(KeyCode::Char(c));
    key.kind = KeyEventKind::Release;
    Msg::Input(Event::Key(key))
}

fn send_all(tx: &Sender<Msg>, msgs: impl IntoIterator<Item = Msg>) {
    for msg in msgs {
        tx.send(msg).expect("the loop is listening");
    }
}

/// Runs the loop to its end; returns how many frames it drew.
fn run(app: &mut edicola::app::App, rx: &std::sync::mpsc::Receiver<Msg>) -> anyhow::Result<usize> {
    let mut draws = 0;
    event_loop::run(
        app,
        rx,
        None,
        |_, _| {},
        |_| {
            draws += 1;
            Ok(())
        },
    )?;
    Ok(draws)
}

#[test]
fn keys_that_came_together_are_drawn_once_and_releases_do_nothing() {
    let mut app = app(100, 30);
    let (tx, rx) = channel();
    send_all(
        &tx,
        [
            key('j'),
            release('j'),
            key('j'),
            key('j'),
            release('k'),
            key('q'),
        ],
    );
    let draws = run(&mut app, &rx).expect("loop");
    assert_eq!(app.list.selected, 3, "three presses, no release");
    assert_eq!(draws, 1, "only the first frame: the burst ended in quit");
}

#[test]
fn jobs_reporting_late_and_out_of_order_each_keep_their_own_state() {
    let mut app = app(100, 30);
    let (tx, rx) = channel();
    let reporter = Reporter::new(tx.clone());
    // `r` starts a refresh; the effect would start the job, done here by hand.
    send_all(&tx, [key('r'), key('r')]);
    let late = thread::spawn(move || {
        thread::sleep(LOOKUP_DELAY * 2);
        let jobs = [
            JobEvent::Indexing { done: 1, total: 4 },
            JobEvent::Progress {
                done: 1,
                total: 2,
                name: "Feed".into(),
            },
            // An answer to a search the app never asked for: dropped.
            JobEvent::Search(SearchAnswer {
                seq: 99,
                filter: edicola::store::Filter::all(),
                result: Ok(Found {
                    total: 0,
                    counted: true,
                    rows: Vec::new(),
                    start: 0,
                }),
            }),
            JobEvent::Refreshed {
                added: 2,
                feeds: 1,
                failed: Vec::new(),
                error: None,
            },
        ];
        for job in jobs {
            reporter.send(job).expect("listening");
            thread::sleep(Duration::from_millis(5));
        }
        // Every sender goes (no `q`: a key clears an information): the
        // loop ends with the status as the last report left it.
        drop((tx, reporter));
    });
    let total = app.list.total;
    let draws = run(&mut app, &rx).expect("loop");
    late.join().expect("reporter thread");
    assert!(
        draws >= 2,
        "reports are drawn as they come ({draws} frames)"
    );
    assert_eq!(app.list.total, total, "the stray search answer was dropped");
    assert_eq!(app.running.refresh, None, "the refresh ended");
    assert_eq!(
        app.running.indexing,
        Some((1, 4)),
        "the index build still shows"
    );
    let (status, severity) = app.status.clone().expect("a status");
    assert_eq!(severity, Severity::Info);
    assert!(status.contains("2 new articles"), "{status}");
    let line = app.running.describe();
    assert!(line.contains("search index: 25%"), "{line}");
}

#[test]
fn a_second_refresh_while_one_runs_says_so() {
    let mut app = app(100, 30);
    let (tx, rx) = channel();
    send_all(&tx, [key('r'), key('r')]);
    drop(tx);
    run(&mut app, &rx).expect("loop");
    let (status, _) = app.status.clone().expect("a status");
    assert!(status.contains("already running"), "{status}");
}

#[test]
fn the_sidebar_lookups_run_once_input_pauses() {
    let mut app = app(100, 30);
    let (tx, rx) = channel();
    send_all(&tx, [key('j')]);
    let quit = thread::spawn(move || {
        thread::sleep(LOOKUP_DELAY * 4);
        tx.send(key('q')).expect("listening");
    });
    let draws = run(&mut app, &rx).expect("loop");
    quit.join().expect("input thread");
    assert!(app.opened.as_ref().expect("opened").lookups_done());
    assert_eq!(draws, 3, "first frame, the key, the lookups' answers");
}

#[test]
fn a_terminal_that_cannot_be_read_ends_the_loop_with_its_error() {
    let mut app = app(100, 30);
    let (tx, rx) = channel();
    send_all(
        &tx,
        [key('j'), Msg::InputFailed("input/output error".into())],
    );
    let error = run(&mut app, &rx).expect_err("the loop ends");
    assert!(error.to_string().contains("input/output error"), "{error}");
}

#[test]
fn the_loop_ends_when_every_source_is_gone() {
    let mut app = app(100, 30);
    let (tx, rx) = channel();
    send_all(&tx, [key('j')]);
    drop(tx);
    run(&mut app, &rx).expect("a clean end");
    assert!(!app.quit);
}

#[test]
fn a_scheduled_refresh_starts_by_itself_and_what_it_brings_is_told() {
    use edicola::app::Effect;
    let mut app = app(100, 30);
    app.set_settings(edicola::settings::Settings {
        refresh_interval: 1,
        notify_bell: true,
        ..Default::default()
    });
    let (tx, rx) = channel::<Msg>();
    let reporter = Reporter::new(tx.clone());
    let mut effects = Vec::new();
    let started = std::time::Instant::now();
    event_loop::run(
        &mut app,
        &rx,
        None,
        |effect, _| {
            if matches!(effect, Effect::Refresh) {
                // The job would run now; it reports at once here.
                let report = JobEvent::Refreshed {
                    added: 2,
                    feeds: 1,
                    failed: Vec::new(),
                    error: None,
                };
                reporter.send(report).expect("listening");
            }
            let done = matches!(effect, Effect::Notify { .. });
            effects.push(effect);
            if done {
                // Told: the loop may end (no `q`: it would clear the status).
                let _ = tx.send(Msg::InputFailed("end of test".into()));
            }
        },
        |_| Ok(()),
    )
    .expect_err("ended by the test");
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(900), "{waited:?}");
    assert!(
        matches!(effects.first(), Some(Effect::Refresh)),
        "{effects:?}"
    );
    match effects.get(1) {
        Some(Effect::Notify { message, .. }) => assert_eq!(message, "2 new articles in 1 feed"),
        other => panic!("{other:?}"),
    }
    let (status, _) = app.status.clone().expect("a status");
    assert_eq!(status, "2 new articles in 1 feed");
    assert!(
        app.refresh_deadline().is_some(),
        "the next one is scheduled"
    );
}
