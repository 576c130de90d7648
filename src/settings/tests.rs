use super::*;
use ratatui::style::{Color, Modifier};

fn problems(text: &str) -> Vec<String> {
    parse(Path::new("/c/config.toml"), text)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_default_file_gives_the_defaults_and_no_problem() {
    let loaded = parse(Path::new("default"), DEFAULT_TEXT);
    assert_eq!(loaded.problems, []);
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(parse(Path::new("empty"), "").settings, Settings::default());
}

#[test]
fn every_theme_element_is_documented_in_the_default_file() {
    for name in style::Element::names() {
        assert!(
            DEFAULT_TEXT.contains(&format!("#   {name} ")),
            "{name} is not documented"
        );
    }
}

#[test]
fn values_are_read() {
    let text = r##"
confirm_mark_all_read = true
browser = "w3m -N %u"
browser_in_terminal = true
refresh_interval = 15
notify_command = "notify-send Edicola"
download_dir = "/tmp/saved"
hyperlinks = false
[theme]
name = "light"
selection = { fg = "black", bg = "#ffd75f", modifiers = "bold underlined" }
[theme.link]
fg = 33
[dates]
format = "relative"
today = ""
timezone = "utc"
[layout]
list_columns = ["date"]
list_width = "25%"
sidebar_width = 30
sidebar = false
reading_width = 0
"##;
    let loaded = parse(Path::new("c.toml"), text);
    assert_eq!(loaded.problems, []);
    let s = loaded.settings;
    assert!(s.confirm_mark_all_read && s.browser_in_terminal && !s.hyperlinks);
    assert_eq!(s.browser, ["w3m", "-N", "%u"]);
    assert_eq!(s.refresh_interval, 15 * 60);
    assert_eq!(s.notify_command, ["notify-send", "Edicola"]);
    assert_eq!(s.download_dir, Some(PathBuf::from("/tmp/saved")));
    assert_eq!(s.theme.name, ThemeName::Light);
    assert_eq!(
        s.theme.overrides,
        [
            (
                Element::Selection,
                StyleSpec {
                    fg: Some(Color::Black),
                    bg: Some(Color::Rgb(0xff, 0xd7, 0x5f)),
                    modifiers: Some(Modifier::BOLD | Modifier::UNDERLINED),
                }
            ),
            (
                Element::Link,
                StyleSpec {
                    fg: Some(Color::Indexed(33)),
                    ..StyleSpec::default()
                }
            ),
        ]
    );
    assert_eq!(s.dates.format, DateFormat::Relative);
    assert_eq!((s.dates.today, s.dates.zone), (None, Zone::Utc));
    let l = s.layout;
    assert!(!l.columns.marks && !l.columns.source && l.columns.date);
    assert_eq!(
        (l.list_width, l.sidebar_width),
        (Width::Percent(25), Width::Columns(30))
    );
    assert!(!l.sidebar);
    assert_eq!(l.reading_width, 0);
}

#[test]
fn an_unknown_key_is_a_warning_with_its_line_and_the_rest_holds() {
    let text = "refresh_interval = 5\n[layout]\nsidebar = false\nreadng_width = 60\n[themes]\n";
    let loaded = parse(Path::new("/c/config.toml"), text);
    assert_eq!(
        problems(text),
        [
            "/c/config.toml:5: warning: unknown key “themes” (did you mean “theme”?)",
            "/c/config.toml:4: warning: unknown key “readng_width” in [layout] \
             (did you mean “reading_width”?)",
        ]
    );
    assert!(!loaded.has_error());
    assert_eq!(loaded.settings.refresh_interval, 5 * 60);
    assert!(!loaded.settings.layout.sidebar);
    assert_eq!(
        problems("[theme.selection]\ncolour = \"red\"\n"),
        ["/c/config.toml:2: warning: unknown key “colour” in [theme.selection]"]
    );
}

#[test]
fn a_wrong_type_is_an_error_with_line_and_column_and_gives_the_defaults() {
    let text = "refresh_interval = 5\nhyperlinks = \"yes\"\n";
    let loaded = parse(Path::new("/c/config.toml"), text);
    assert!(loaded.has_error());
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(
        problems(text),
        ["/c/config.toml:2:14: error: hyperlinks must be true or false, not string"]
    );
    assert_eq!(
        problems("theme = \"light\""),
        ["/c/config.toml:1:9: error: theme must be a table ([theme]), not string"]
    );
    assert_eq!(
        problems("refresh_interval = -3"),
        [
            "/c/config.toml:1:20: error: refresh_interval: use minutes (0 to 10080) or a string \
          such as \"90s\", \"30m\" or \"2h\", at most a week"
        ]
    );
    assert_eq!(
        problems("refresh_interval = \"soon\""),
        [
            "/c/config.toml:1:20: error: refresh_interval: use minutes (0 to 10080) or a string \
          such as \"90s\", \"30m\" or \"2h\", at most a week"
        ]
    );
    assert_eq!(
        problems("[layout]\nlist_width = \"wide\""),
        [
            "/c/config.toml:2:14: error: list_width: use \"auto\", a percentage such as \
             \"30%\", or columns such as 40"
        ]
    );
    assert_eq!(
        problems("[layout]\nlist_columns = [\"date\", \"author\"]"),
        [
            "/c/config.toml:2:25: error: list_columns: \"author\" is not a column: \
             use \"marks\", \"source\", \"date\""
        ]
    );
    assert_eq!(
        problems("[theme]\nname = \"solarized\""),
        ["/c/config.toml:2:8: error: theme “solarized” does not exist: use \"dark\" or \"light\""]
    );
    assert_eq!(
        problems("browser = [\n"),
        ["/c/config.toml:1:12: error: not valid TOML: unclosed array, expected `]`"]
    );
}

#[test]
fn a_bad_colour_or_modifier_is_an_error_with_line_and_column() {
    assert_eq!(
        problems("[theme.focus]\nfg = \"#12345\"\n"),
        ["/c/config.toml:2:6: error: “#12345” is not a colour: write #rrggbb with six hex digits"]
    );
    assert_eq!(
        problems("[theme.focus]\nbg = \"purple\"\n"),
        [
            "/c/config.toml:2:6: error: “purple” is not a colour: use a name (red, \
             light_blue, dark_gray…), #rrggbb or a number from 0 to 255"
        ]
    );
    assert_eq!(
        problems("[theme.focus]\nfg = 300\n"),
        ["/c/config.toml:2:6: error: 300 is not a colour: palette numbers go from 0 to 255"]
    );
    assert_eq!(
        problems("[theme.focus]\nmodifiers = \"bold blink\"\n"),
        [
            "/c/config.toml:2:13: error: “blink” is not a modifier: use bold, dim, italic, \
             underlined, reversed, crossed_out"
        ]
    );
    assert_eq!(style::parse_color("Dark-Grey"), Ok(Color::DarkGray));
    assert_eq!(style::parse_color("7"), Ok(Color::Indexed(7)));
}

#[test]
fn a_bad_date_pattern_is_an_error() {
    assert_eq!(
        problems("[dates]\nformat = \"%Y-%Q\"\n"),
        [
            "/c/config.toml:2:10: error: “%Y-%Q” is not a valid date pattern \
             (strftime: %Y-%m-%d, %d %b %H:%M…)"
        ]
    );
    assert_eq!(
        problems("[dates]\ntoday = \"%\"\ntimezone = \"Mars\"\n").len(),
        2
    );
}

#[test]
fn dates_are_relative_or_patterns_with_the_time_for_today() {
    let now = 1_767_225_600 + 15 * 3600; // 2026-01-01 15:00 UTC
    let mut dates = Dates {
        zone: Zone::Utc,
        ..Dates::default()
    };
    assert_eq!(dates.format(now - 3600, now), "14:00");
    assert_eq!(dates.format(now - 86_400, now), "2025-12-31");
    dates.today = None;
    assert_eq!(dates.format(now - 3600, now), "2026-01-01");
    dates.format = DateFormat::Pattern("%d %b".into());
    assert_eq!(dates.format(now - 86_400, now), "31 Dec");
    dates.format = DateFormat::Relative;
    assert_eq!(dates.format(now - 30, now), "now");
    assert_eq!(dates.format(now - 300, now), "5m ago");
    assert_eq!(dates.format(now - 3 * 3600, now), "3h ago");
    assert_eq!(dates.format(now - 2 * 86_400, now), "2d ago");
    assert_eq!(dates.format(now - 30 * 86_400, now), "2025-12-02");
    assert_eq!(dates.format(i64::MAX, now), "");
}

#[test]
fn the_status_line_says_the_defaults_are_in_use() {
    let loaded = parse(Path::new("c.toml"), "hyperlinks = 1\nnotify_bel = true\n");
    assert_eq!(
        loaded.status_line().as_deref(),
        Some(
            "c.toml:1:14: error: hyperlinks must be true or false, not integer \
             (and 1 more problem) · started on the default settings"
        )
    );
    assert_eq!(parse(Path::new("c.toml"), "").status_line(), None);
}

#[test]
fn widths_resolve_within_the_screen() {
    assert_eq!(Width::Auto.resolve(100, 30), 30);
    assert_eq!(Width::Percent(25).resolve(120, 0), 30);
    assert_eq!(Width::Columns(500).resolve(120, 0), 120);
}

#[test]
fn save_format_is_md_or_html() {
    let loaded = parse(Path::new("/c/config.toml"), "save_format = \"html\"\n");
    assert_eq!(loaded.settings.save_format, super::SaveFormat::Html);
    assert_eq!(
        problems("save_format = \"pdf\""),
        ["/c/config.toml:1:15: error: save_format = \"pdf\": use \"md\" or \"html\""]
    );
}

#[test]
fn sync_days_is_a_number_of_days() {
    let loaded = parse(Path::new("/c/config.toml"), "[sync]\ndays = 7\n");
    assert_eq!(loaded.settings.sync_days, 7);
    assert_eq!(Settings::default().sync_days, 30);
    assert_eq!(
        problems("[sync]\ndays = -1\n"),
        ["/c/config.toml:2:8: error: days = -1: must be from 0 to 36500"]
    );
    assert_eq!(
        problems("[sync]\ndays = \"week\"\n"),
        ["/c/config.toml:2:8: error: days must be a whole number, not string"]
    );
    assert_eq!(
        problems("[sync]\ndayz = 3\n"),
        ["/c/config.toml:2: warning: unknown key “dayz” in [sync] (did you mean “days”?)"]
    );
}
