//! Reading `config.toml` key by key, so that every problem can name its
//! line and column (toml_edit keeps the places of keys and values).

use std::path::{Path, PathBuf};

use toml_edit::TableLike;

use super::reader::Reader;
use super::style::{Element, StyleSpec, ThemeName};
use super::{Columns, DateFormat, Problem, Settings, Zone, dates};

const TOP: [&str; 16] = [
    "confirm_mark_all_read",
    "browser",
    "browser_in_terminal",
    "refresh_interval",
    "notify_command",
    "notify_osc",
    "notify_bell",
    "bookmark_command",
    "download_dir",
    "save_format",
    "hyperlinks",
    "hyphenate",
    "theme",
    "dates",
    "layout",
    "sync",
];
const DATES: [&str; 3] = ["format", "today", "timezone"];
const LAYOUT: [&str; 5] = [
    "list_columns",
    "list_width",
    "sidebar_width",
    "sidebar",
    "reading_width",
];
const STYLE: [&str; 3] = ["fg", "bg", "modifiers"];

/// The settings in `text`, and its problems.
pub(super) fn read(path: &Path, text: &str) -> (Settings, Vec<Problem>) {
    let mut r = Reader {
        text,
        path: path.to_path_buf(),
        problems: Vec::new(),
    };
    let mut s = Settings::default();
    let doc = match toml_edit::Document::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            r.error(
                e.span(),
                format!("not valid TOML: {}", e.message().trim_end()),
            );
            return (s, r.problems);
        }
    };
    let root = doc.as_table();
    r.known(root, "", &TOP);
    r.boolean(root, "confirm_mark_all_read", &mut s.confirm_mark_all_read);
    r.words(root, "browser", &mut s.browser);
    r.boolean(root, "browser_in_terminal", &mut s.browser_in_terminal);
    if let Some(seconds) = r.interval(root, "refresh_interval") {
        s.refresh_interval = seconds;
    }
    r.words(root, "notify_command", &mut s.notify_command);
    r.boolean(root, "notify_osc", &mut s.notify_osc);
    r.boolean(root, "notify_bell", &mut s.notify_bell);
    r.words(root, "bookmark_command", &mut s.bookmark_command);
    if let Some((dir, _)) = r.string(root, "download_dir") {
        s.download_dir = (!dir.trim().is_empty()).then(|| expand_home(dir.trim()));
    }
    if let Some((format, span)) = r.string(root, "save_format") {
        match format.as_str() {
            "md" | "markdown" => s.save_format = super::SaveFormat::Markdown,
            "html" => s.save_format = super::SaveFormat::Html,
            other => r.error(
                span,
                format!("save_format = \"{other}\": use \"md\" or \"html\""),
            ),
        }
    }
    r.boolean(root, "hyperlinks", &mut s.hyperlinks);
    r.boolean(root, "hyphenate", &mut s.hyphenate);
    if let Some(theme) = r.table(root, "theme") {
        read_theme(&mut r, theme, &mut s);
    }
    if let Some(t) = r.table(root, "dates") {
        read_dates(&mut r, t, &mut s);
    }
    if let Some(t) = r.table(root, "layout") {
        read_layout(&mut r, t, &mut s);
    }
    if let Some(t) = r.table(root, "sync") {
        r.known(t, "sync", &["days"]);
        if let Some(n) = r.integer(t, "days", 0..=36_500) {
            s.sync_days = n as u32;
        }
    }
    (s, r.problems)
}

fn read_theme(r: &mut Reader, theme: &dyn TableLike, s: &mut Settings) {
    let mut known = Element::names();
    known.push("name");
    r.known(theme, "theme", &known);
    if let Some((name, span)) = r.string(theme, "name") {
        match ThemeName::parse(&name) {
            Some(n) => s.theme.name = n,
            None => r.error(
                span,
                format!("theme “{name}” does not exist: use \"dark\" or \"light\""),
            ),
        }
    }
    for (key, _) in theme.iter() {
        let Some(element) = Element::from_name(key) else {
            continue;
        };
        let Some(table) = r.table(theme, key) else {
            continue;
        };
        let section = format!("theme.{key}");
        r.known(table, &section, &STYLE);
        let mut spec = StyleSpec {
            fg: r.color(table, "fg"),
            bg: r.color(table, "bg"),
            modifiers: None,
        };
        if let Some((text, span)) = r.string(table, "modifiers") {
            match super::style::parse_modifiers(&text) {
                Ok(m) => spec.modifiers = Some(m),
                Err(e) => r.error(span, e.to_string()),
            }
        }
        s.theme.overrides.push((element, spec));
    }
}

fn read_dates(r: &mut Reader, t: &dyn TableLike, s: &mut Settings) {
    r.known(t, "dates", &DATES);
    if let Some((format, span)) = r.string(t, "format") {
        if format == "relative" {
            s.dates.format = DateFormat::Relative;
        } else {
            match dates::check_pattern(&format) {
                Ok(()) if format.is_empty() => r.error(
                    span,
                    "an empty date format: use \"relative\" or a pattern".into(),
                ),
                Ok(()) => s.dates.format = DateFormat::Pattern(format),
                Err(e) => r.error(span, e.to_string()),
            }
        }
    }
    if let Some((today, span)) = r.string(t, "today") {
        match dates::check_pattern(&today) {
            Ok(()) => s.dates.today = (!today.is_empty()).then_some(today),
            Err(e) => r.error(span, e.to_string()),
        }
    }
    if let Some((zone, span)) = r.string(t, "timezone") {
        match zone.as_str() {
            "local" => s.dates.zone = Zone::Local,
            "utc" | "UTC" => s.dates.zone = Zone::Utc,
            _ => r.error(span, format!("timezone “{zone}”: use \"local\" or \"utc\"")),
        }
    }
}

fn read_layout(r: &mut Reader, t: &dyn TableLike, s: &mut Settings) {
    r.known(t, "layout", &LAYOUT);
    let l = &mut s.layout;
    if let Some(item) = t.get("list_columns") {
        match item.as_array() {
            Some(array) => {
                let mut columns = Columns {
                    marks: false,
                    source: false,
                    date: false,
                };
                for value in array.iter() {
                    match value.as_str() {
                        Some("marks") => columns.marks = true,
                        Some("source") => columns.source = true,
                        Some("date") => columns.date = true,
                        _ => r.error(
                            value.span(),
                            format!(
                                "list_columns: {} is not a column: use \"marks\", \"source\", \"date\"",
                                value.to_string().trim()
                            ),
                        ),
                    }
                }
                l.columns = columns;
            }
            None => r.wrong_type(item, "list_columns", "a list such as [\"marks\", \"date\"]"),
        }
    }
    for (key, width) in [
        ("list_width", &mut l.list_width),
        ("sidebar_width", &mut l.sidebar_width),
    ] {
        if let Some(w) = r.width(t, key) {
            *width = w;
        }
    }
    r.boolean(t, "sidebar", &mut l.sidebar);
    if let Some(n) = r.integer(t, "reading_width", 0..=1000) {
        l.reading_width = n as u16;
    }
}

/// `~/x` as a path in the home directory.
fn expand_home(dir: &str) -> PathBuf {
    match (dir.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(base)) => base.home_dir().join(rest),
        _ => PathBuf::from(dir),
    }
}
