//! A real terminal, end to end: the built binary runs in tmux; the test
//! navigates, opens, bookmarks and quits like a person, then checks that the
//! terminal was restored and the bookmark is on disk and shown on restart.
//!
//! Without tmux the test is skipped, except under CI (`CI` set), where
//! `.ci/run` installs it and a missing tmux is a failure.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn start(&self, name: &str, command: &str) {
        self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "120",
            "-y",
            "35",
            command,
        ]);
        self.run(&["set-option", "-t", name, "remain-on-exit", "on"]);
    }

    fn screen(&self, name: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", name])
    }

    fn keys(&self, name: &str, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", name, key]);
        }
    }

    /// Types `text` as it is (no key names).
    fn type_text(&self, name: &str, text: &str) {
        self.run(&["send-keys", "-t", name, "-l", text]);
    }

    fn format(&self, name: &str, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", name, format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `check` holds; panics with the screen after
    /// the timeout (EDICOLA_E2E_TIMEOUT seconds, default 15).
    fn wait_for(&self, name: &str, what: &str, check: impl Fn(&str) -> bool) -> String {
        let secs = std::env::var("EDICOLA_E2E_TIMEOUT")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(15);
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let screen = self.screen(name);
            if check(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// True when tmux runs here; without it a test is skipped, except under
/// CI, where `.ci/run` installs it and its absence is a failure.
fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required under CI"
        );
        eprintln!("skipped: tmux is not installed");
    }
    found
}

/// The shell command tmux runs: the reader, then its exit code to a file.
fn reader_command(bin: &str, data: &Path) -> String {
    format!(
        "env EDICOLA_DATA='{d}' EDICOLA_CONFIG='{d}/config' TERM=xterm-256color '{bin}'; \
         echo $? > '{d}/exit-code'",
        d = data.display(),
    )
}

#[test]
fn navigate_open_bookmark_quit_and_find_the_bookmark_again() {
    if !tmux_available() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_edicola");
    let dir = tempfile::tempdir().expect("tmp");
    let tmux = Tmux {
        socket: format!("edicola-e2e-{}", std::process::id()),
    };

    tmux.start("first", &reader_command(bin, dir.path()));
    tmux.wait_for("first", "the list", |s| s.contains("Articles 1/2"));
    assert_eq!(tmux.format("first", "#{alternate_on}"), "1");
    tmux.keys("first", &["j"]);
    tmux.wait_for("first", "the second article", |s| {
        s.contains("Articles 2/2")
    });
    tmux.keys("first", &["Enter"]);
    tmux.wait_for("first", "the reader focused", |s| s.contains("┏ Reading"));
    tmux.keys("first", &["j", "j", "b"]);
    tmux.wait_for("first", "the saved bookmark", |s| {
        s.contains("Bookmarked (saved)")
    });
    tmux.keys("first", &["?"]);
    tmux.wait_for("first", "the help", |s| {
        s.contains("Keys") && s.contains("Bookmark")
    });
    // Esc then q at once would read as Alt-q: wait for the help to close.
    tmux.keys("first", &["Escape"]);
    tmux.wait_for("first", "the help closed", |s| !s.contains("Esc closes"));
    tmux.keys("first", &["q"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit_file = dir.path().join("exit-code");
    while tmux.format("first", "#{pane_dead}") != "1" || !exit_file.exists() {
        assert!(
            Instant::now() < deadline,
            "the reader did not quit:\n{}",
            tmux.screen("first")
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let code = std::fs::read_to_string(&exit_file).expect("exit code");
    assert_eq!(code.trim(), "0", "the reader exits with 0");
    assert_eq!(
        tmux.format("first", "#{alternate_on}"),
        "0",
        "terminal restored"
    );

    let out = Command::new(bin)
        .args(["bookmarks", "--json"])
        .env("EDICOLA_DATA", dir.path())
        .output()
        .expect("bookmarks");
    let marks: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        marks.as_array().map(Vec::len),
        Some(1),
        "bookmark on disk: {marks}"
    );
    assert_eq!(marks[0]["read"], true, "opening marked it read");

    tmux.start("second", &reader_command(bin, dir.path()));
    tmux.wait_for("second", "the list", |s| s.contains("Articles 1/2"));
    tmux.keys("second", &["B"]);
    let screen = tmux.wait_for("second", "the bookmarks view", |s| {
        s.contains("Bookmarks 1/1")
    });
    assert!(screen.contains("★"), "bookmark mark shown:\n{screen}");
    tmux.keys("second", &["q"]);
}

#[test]
fn a_scheduled_refresh_brings_articles_and_runs_the_notify_command() {
    if !tmux_available() {
        return;
    }
    let server = common::http::start();
    let bin = env!("CARGO_BIN_EXE_edicola");
    let dir = tempfile::tempdir().expect("tmp");
    let add = Command::new(bin)
        .args(["add", &format!("{}/rss", server.base)])
        .env("EDICOLA_DATA", dir.path())
        .env("EDICOLA_CONFIG", dir.path().join("config"))
        .output()
        .expect("add");
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    let told = dir.path().join("told");
    let script = dir.path().join("notify.sh");
    std::fs::write(
        &script,
        format!(
            "cat > '{t}.part'\necho \"$1\" >> '{t}.part'\nmv '{t}.part' '{t}'\n",
            t = told.display()
        ),
    )
    .expect("script");
    std::fs::write(
        dir.path().join("config/config.toml"),
        format!(
            "refresh_interval = \"1s\"\nnotify_command = \"sh {}\"\n",
            script.display()
        ),
    )
    .expect("config");
    let tmux = Tmux {
        socket: format!("edicola-e2e-a-{}", std::process::id()),
    };
    tmux.start("a", &reader_command(bin, dir.path()));
    let screen = tmux.wait_for("a", "the scheduled refresh", |s| {
        s.contains("2 new articles in 1 feed")
    });
    assert!(screen.contains("First story"), "{screen}");
    let deadline = Instant::now() + Duration::from_secs(15);
    while !told.exists() {
        assert!(Instant::now() < deadline, "the notify command did not run");
        std::thread::sleep(Duration::from_millis(50));
    }
    let text = std::fs::read_to_string(&told).expect("told");
    assert!(
        text.contains("First story") && text.contains("Second story"),
        "{text}"
    );
    assert!(text.ends_with("2 new articles in 1 feed\n"), "{text}");
    tmux.keys("a", &["q"]);
}

#[test]
fn a_terminal_browser_gets_the_terminal_and_the_reader_comes_back() {
    if !tmux_available() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_edicola");
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    let feed = dir.path().join("feed.xml");
    std::fs::write(
        &feed,
        "<rss version=\"2.0\"><channel><title>F</title><item><title>Harbour news</title>\
         <link>https://example.org/harbour</link><description>Cranes and ships.</description>\
         </item></channel></rss>",
    )
    .expect("feed");
    let import = Command::new(bin)
        .args(["import", feed.to_str().expect("utf-8")])
        .env("EDICOLA_DATA", dir.path())
        .env("EDICOLA_CONFIG", &config)
        .output()
        .expect("import");
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    // The "browser" tells how it found the terminal, then waits for a line.
    let script = dir.path().join("browser.sh");
    let seen = dir.path().join("seen");
    std::fs::write(
        &script,
        format!(
            "stty -a > '{s}.stty'\necho \"browsing $1\"\nread answer\necho \"$answer\" > '{s}'\n",
            s = seen.display()
        ),
    )
    .expect("script");
    std::fs::write(
        config.join("config.toml"),
        format!(
            "browser = \"sh {} %u\"\nbrowser_in_terminal = true\n",
            script.display()
        ),
    )
    .expect("config");
    let tmux = Tmux {
        socket: format!("edicola-e2e-w-{}", std::process::id()),
    };
    tmux.start("w", &reader_command(bin, dir.path()));
    tmux.wait_for("w", "the list", |s| s.contains("Articles 1/1"));
    tmux.keys("w", &["o"]);
    let screen = tmux.wait_for("w", "the browser", |s| {
        s.contains("browsing https://example.org/harbour")
    });
    assert!(
        !screen.contains("Articles 1/1"),
        "the reader left the screen:\n{screen}"
    );
    let stty = std::fs::read_to_string(format!("{}.stty", seen.display())).expect("stty");
    assert!(
        stty.contains(" icanon") && stty.contains(" echo "),
        "cooked mode for the browser: {stty}"
    );
    // Typed keys go to the browser, not to the reader.
    tmux.keys("w", &["j", "q", "Enter"]);
    let screen = tmux.wait_for("w", "the reader back", |s| {
        s.contains("Articles 1/1") && s.contains("Back from")
    });
    assert!(screen.contains("Harbour news"), "{screen}");
    assert_eq!(std::fs::read_to_string(&seen).expect("answer").trim(), "jq");
    // `|` with `!`: an interactive command gets the article and the terminal.
    let piped = dir.path().join("piped.md");
    tmux.keys("w", &["Enter", "|"]);
    tmux.wait_for("w", "the pipe prompt", |s| {
        s.contains("Pipe the article to")
    });
    let command = format!(
        "!cat > '{}'; echo in-the-terminal; read x < /dev/tty",
        piped.display()
    );
    tmux.type_text("w", &command);
    tmux.keys("w", &["Enter"]);
    tmux.wait_for("w", "the command", |s| s.contains("in-the-terminal"));
    tmux.keys("w", &["Enter"]);
    tmux.wait_for("w", "the reader back from the command", |s| {
        s.contains("Articles 1/1") && s.contains("Back from cat")
    });
    let markdown = std::fs::read_to_string(&piped).expect("piped");
    assert!(markdown.starts_with("# Harbour news"), "{markdown}");
    tmux.keys("w", &["q"]);
    let deadline = Instant::now() + Duration::from_secs(15);
    while !dir.path().join("exit-code").exists() {
        assert!(Instant::now() < deadline, "{}", tmux.screen("w"));
        std::thread::sleep(Duration::from_millis(50));
    }
    let code = std::fs::read_to_string(dir.path().join("exit-code")).expect("code");
    assert_eq!(code.trim(), "0");
}

#[test]
fn links_in_the_text_are_hyperlinks_for_the_terminal() {
    if !tmux_available() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_edicola");
    let dir = tempfile::tempdir().expect("tmp");
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/html/blocks.html"
    );
    let import = Command::new(bin)
        .args(["import", page])
        .env("EDICOLA_DATA", dir.path())
        .env("EDICOLA_CONFIG", dir.path().join("config"))
        .output()
        .expect("import");
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let tmux = Tmux {
        socket: format!("edicola-e2e-h-{}", std::process::id()),
    };
    let raw = dir.path().join("raw");
    tmux.start("h", &reader_command(bin, dir.path()));
    tmux.run(&[
        "pipe-pane",
        "-t",
        "h",
        "-o",
        &format!("cat >> '{}'", raw.display()),
    ]);
    tmux.wait_for("h", "the list", |s| s.contains("Articles 1/1"));
    tmux.keys("h", &["Enter"]);
    tmux.wait_for("h", "the article", |s| s.contains("[1] first link"));
    let deadline = Instant::now() + Duration::from_secs(15);
    let wanted = "\x1b]8;;https://blog.example.org/links/first\x1b\\";
    loop {
        let bytes = std::fs::read(&raw).unwrap_or_default();
        if String::from_utf8_lossy(&bytes).contains(wanted) {
            break;
        }
        assert!(Instant::now() < deadline, "no hyperlink written");
        std::thread::sleep(Duration::from_millis(50));
    }
    tmux.keys("h", &["q"]);
}

#[test]
fn refresh_in_the_background_keeps_the_selection() {
    if !tmux_available() {
        return;
    }
    let server = common::http::start();
    let bin = env!("CARGO_BIN_EXE_edicola");
    let dir = tempfile::tempdir().expect("tmp");
    let add = Command::new(bin)
        .args(["add", &format!("{}/rss", server.base)])
        .env("EDICOLA_DATA", dir.path())
        .env("EDICOLA_CONFIG", dir.path().join("config"))
        .output()
        .expect("add");
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    let tmux = Tmux {
        socket: format!("edicola-e2e-r-{}", std::process::id()),
    };
    tmux.start("r", &reader_command(bin, dir.path()));
    tmux.wait_for("r", "the list", |s| s.contains("Articles 1/2"));
    tmux.keys("r", &["j", "b"]);
    tmux.wait_for("r", "the bookmark", |s| s.contains("Bookmarked (saved)"));
    tmux.keys("r", &["r"]);
    let screen = tmux.wait_for("r", "the refresh", |s| s.contains("2 new articles"));
    assert!(
        screen.contains("First story") && screen.contains("Second story"),
        "{screen}"
    );
    assert!(
        screen.contains("Articles 3/3"),
        "selection kept on the bookmarked article:\n{screen}"
    );
    assert!(screen.contains("Reading ★"), "{screen}");
    // Search runs on its own thread here (the store is a file): the typed
    // text shows, then the results.
    tmux.keys("r", &["/", "s", "e", "c", "o", "n"]);
    let screen = tmux.wait_for("r", "the search results", |s| {
        s.contains("/secon█") && s.contains(" 1 result ")
    });
    assert!(screen.contains("Second story"), "{screen}");
    tmux.keys("r", &["Enter"]);
    tmux.wait_for("r", "the results kept", |s| s.contains("1 result (Esc"));
    tmux.keys("r", &["q"]);
}

/// Waits until the reader ended and returns its exit code.
fn wait_for_exit(tmux: &Tmux, name: &str, data: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit_file = data.join("exit-code");
    while std::fs::read_to_string(&exit_file).map_or(true, |s| !s.ends_with('\n')) {
        assert!(
            Instant::now() < deadline,
            "the reader did not end:\n{}",
            tmux.screen(name)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::read_to_string(&exit_file)
        .expect("exit code")
        .trim()
        .to_string()
}

/// The terminal modes the reader turns on, as tmux sees them after it ended.
fn assert_restored(tmux: &Tmux, name: &str, how: &str) {
    let modes = tmux.format(name, "#{alternate_on} #{mouse_any_flag} #{cursor_flag}");
    assert_eq!(
        modes, "0 0 1",
        "after {how}: main screen, no mouse reporting, cursor shown"
    );
}

/// Every signal that ends the reader, and a panic, leave the terminal as
/// it was: main screen, no mouse reporting, cursor shown.
#[test]
fn signals_and_panics_restore_the_terminal() {
    if !tmux_available() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_edicola");
    let tmux = Tmux {
        socket: format!("edicola-e2e-s-{}", std::process::id()),
    };
    for (signal, name) in [
        (libc::SIGTERM, "term"),
        (libc::SIGINT, "int"),
        (libc::SIGHUP, "hup"),
        (libc::SIGQUIT, "quit"),
    ] {
        let dir = tempfile::tempdir().expect("tmp");
        // The shell stays: tmux reports a dead pane's modes differently.
        let command = format!("{}; sleep 60", reader_command(bin, dir.path()));
        tmux.start(name, &command);
        tmux.wait_for(name, "the list", |s| s.contains("Articles 1/2"));
        assert_eq!(
            tmux.format(name, "#{alternate_on} #{mouse_any_flag}"),
            "1 1"
        );
        let shell = tmux.format(name, "#{pane_pid}");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        let pid: i32 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("the reader's pid");
        // SAFETY: sends a signal to the reader this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let code = wait_for_exit(&tmux, name, dir.path());
        assert_eq!(code, (128 + signal).to_string(), "ended by the signal");
        assert_restored(&tmux, name, name);
    }
    if cfg!(debug_assertions) {
        let dir = tempfile::tempdir().expect("tmp");
        let command = format!(
            "EDICOLA_TEST_PANIC=1 {}; sleep 60",
            reader_command(bin, dir.path())
        );
        tmux.start("panic", &command);
        let code = wait_for_exit(&tmux, "panic", dir.path());
        assert_eq!(code, "101", "a panic's exit code");
        assert_restored(&tmux, "panic", "a panic");
    }
}

/// The reader, building its search index in the background and taking
/// bookmarks, beside `edicola bookmark` run again and again: every
/// bookmark either side reported is on disk afterwards, and the store is
/// intact.
#[test]
fn the_reader_beside_a_cli_bookmark_loop_loses_nothing() {
    if !tmux_available() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_edicola");
    let dir = tempfile::tempdir().expect("tmp");
    let feed = dir.path().join("feed.xml");
    let items: String = (0..3000)
        .map(|i| {
            format!(
                "<item><title>Story {i} about ports and trains</title>\
                 <link>https://example.org/{i}</link>\
                 <description>Text {i}: harbour cranes, rail freight, tariffs and {i} more words \
                 about the economy of the coast.</description></item>"
            )
        })
        .collect();
    std::fs::write(
        &feed,
        format!("<rss version=\"2.0\"><channel><title>F</title>{items}</channel></rss>"),
    )
    .expect("feed");
    let cli = |args: &[&str]| {
        Command::new(bin)
            .args(args)
            .env("EDICOLA_DATA", dir.path())
            .env("EDICOLA_CONFIG", dir.path().join("config"))
            .output()
            .expect("edicola runs")
    };
    let out = cli(&["import", "--no-index", feed.to_str().expect("utf-8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value =
        serde_json::from_slice(&cli(&["list", "--json"]).stdout).expect("json");
    let ids: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .skip(10)
        .take(25)
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect();

    let tmux = Tmux {
        socket: format!("edicola-e2e-l-{}", std::process::id()),
    };
    tmux.start("l", &reader_command(bin, dir.path()));
    tmux.wait_for("l", "the list", |s| s.contains("Articles 1/3000"));
    for (n, id) in ids.iter().enumerate() {
        let out = cli(&["bookmark", id]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if n % 5 == 0 {
            // The reader bookmarks the next of the first ten articles.
            tmux.keys("l", &["b", "j"]);
        }
    }
    // Saved: said in the status bar, or (that message gone after a few
    // seconds) shown on the five rows with nothing left to save.
    tmux.wait_for("l", "the reader's bookmarks", |s| {
        s.contains("Bookmarked (saved)")
            || (!s.contains("(saving)") && (0..5).all(|i| s.contains(&format!("★• Story {i} "))))
    });
    tmux.keys("l", &["q"]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !dir.path().join("exit-code").exists() {
        assert!(Instant::now() < deadline, "{}", tmux.screen("l"));
        std::thread::sleep(Duration::from_millis(50));
    }
    let conn = rusqlite::Connection::open(dir.path().join("edicola.db")).expect("open");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok");
    drop(conn);
    let marks: serde_json::Value =
        serde_json::from_slice(&cli(&["bookmarks", "--json"]).stdout).expect("json");
    let marked: Vec<&str> = marks
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    for id in &ids {
        assert!(marked.contains(&id.as_str()), "bookmark of {id} lost");
    }
    assert_eq!(
        marked.len(),
        ids.len() + 5,
        "the reader's five bookmarks too"
    );
}

#[test]
fn add_a_feed_from_the_pane_read_with_next_unread_remove_refresh_and_it_stays_gone() {
    if !tmux_available() {
        return;
    }
    let server = common::http::start();
    let bin = env!("CARGO_BIN_EXE_edicola");
    let dir = tempfile::tempdir().expect("tmp");
    let tmux = Tmux {
        socket: format!("edicola-e2e-f-{}", std::process::id()),
    };
    tmux.start("f", &reader_command(bin, dir.path()));
    tmux.wait_for("f", "the samples", |s| s.contains("Articles 1/2"));
    tmux.keys("f", &["s"]);
    tmux.wait_for("f", "the feeds pane", |s| s.contains("All articles"));
    tmux.keys("f", &["a"]);
    tmux.wait_for("f", "the address question", |s| {
        s.contains("Feed or page address")
    });
    tmux.run(&[
        "send-keys",
        "-t",
        "f",
        "-l",
        &format!("{}/daily", server.base),
    ]);
    tmux.keys("f", &["Enter"]);
    let screen = tmux.wait_for("f", "the new feed", |s| {
        s.contains("Daily Feed") && s.contains("3/3")
    });
    assert!(screen.contains("Subscribed"), "{screen}");
    let subs = std::fs::read_to_string(dir.path().join("config/subscriptions.toml")).expect("subs");
    assert!(subs.contains("/daily"), "{subs}");
    // The feed is the pane's last row: show its articles.
    tmux.keys("f", &["G", "Enter"]);
    tmux.wait_for("f", "the feed's articles", |s| s.contains("Daily Feed 1/3"));
    // Next unread twice: each opens (and so reads) the next article.
    tmux.keys("f", &["n"]);
    tmux.wait_for("f", "the second article", |s| s.contains("Daily Feed 2/3"));
    tmux.keys("f", &["n"]);
    let screen = tmux.wait_for("f", "the third article", |s| s.contains("Daily Feed 3/3"));
    assert!(screen.contains("Reading ─"), "read on opening: {screen}");
    tmux.keys("f", &["d"]);
    tmux.wait_for("f", "the removal", |s| s.contains("Removed “Gamma news”"));
    tmux.keys("f", &["r"]);
    let screen = tmux.wait_for("f", "the refresh", |s| s.contains("No new articles"));
    assert!(
        !screen.contains("Gamma news"),
        "removed, and not back:\n{screen}"
    );
    assert!(
        screen.contains("Daily Feed") && screen.contains("/2"),
        "{screen}"
    );
    tmux.keys("f", &["q"]);
}
