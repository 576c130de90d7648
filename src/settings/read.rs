//! Reading `config.toml` key by key, so that every problem can name its
//! line and column (toml_edit keeps the places of keys and values).

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml_edit::{Item, TableLike, Value};

use super::style::{Element, StyleSpec, ThemeName, index_error, palette};
use super::{Columns, DateFormat, Level, Problem, Settings, Width, Zone, dates};

const TOP: [&str; 13] = [
    "confirm_mark_all_read",
    "browser",
    "browser_in_terminal",
    "refresh_interval",
    "notify_command",
    "notify_osc",
    "notify_bell",
    "bookmark_command",
    "download_dir",
    "hyperlinks",
    "theme",
    "dates",
    "layout",
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
    r.boolean(root, "hyperlinks", &mut s.hyperlinks);
    if let Some(theme) = r.table(root, "theme") {
        read_theme(&mut r, theme, &mut s);
    }
    if let Some(t) = r.table(root, "dates") {
        read_dates(&mut r, t, &mut s);
    }
    if let Some(t) = r.table(root, "layout") {
        read_layout(&mut r, t, &mut s);
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
                Err(message) => r.error(span, message),
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
                Err(message) => r.error(span, message),
            }
        }
    }
    if let Some((today, span)) = r.string(t, "today") {
        match dates::check_pattern(&today) {
            Ok(()) => s.dates.today = (!today.is_empty()).then_some(today),
            Err(message) => r.error(span, message),
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

struct Reader<'a> {
    text: &'a str,
    path: PathBuf,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn at(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    fn error(&mut self, span: Option<Range<usize>>, message: String) {
        let (line, column) = self.at(span.map_or(0, |s| s.start));
        self.problems.push(Problem {
            level: Level::Error,
            path: self.path.clone(),
            line,
            column: Some(column),
            message,
        });
    }

    /// Warns about each key of `table` not in `known`.
    fn known(&mut self, table: &dyn TableLike, section: &str, known: &[&str]) {
        for (key, _) in table.iter() {
            if known.contains(&key) {
                continue;
            }
            let span = table.key(key).and_then(toml_edit::Key::span);
            let (line, _) = self.at(span.map_or(0, |s| s.start));
            let place = if section.is_empty() {
                String::new()
            } else {
                format!(" in [{section}]")
            };
            let hint = super::did_you_mean(key, known)
                .map(|k| format!(" (did you mean “{k}”?)"))
                .unwrap_or_default();
            self.problems.push(Problem {
                level: Level::Warning,
                path: self.path.clone(),
                line,
                column: None,
                message: format!("unknown key “{key}”{place}{hint}"),
            });
        }
    }

    fn wrong_type(&mut self, item: &Item, key: &str, wanted: &str) {
        let found = match item {
            Item::Value(v) => v.type_name(),
            Item::Table(_) => "table",
            Item::ArrayOfTables(_) => "array of tables",
            Item::None => "nothing",
        };
        let span = item
            .span()
            .or_else(|| item.as_table().and_then(|t| t.span()));
        self.error(span, format!("{key} must be {wanted}, not {found}"));
    }

    fn value<'t>(&mut self, table: &'t dyn TableLike, key: &str) -> Option<&'t Item> {
        table.get(key)
    }

    fn boolean(&mut self, table: &dyn TableLike, key: &str, out: &mut bool) {
        let Some(item) = self.value(table, key) else {
            return;
        };
        match item.as_bool() {
            Some(b) => *out = b,
            None => self.wrong_type(item, key, "true or false"),
        }
    }

    fn string(
        &mut self,
        table: &dyn TableLike,
        key: &str,
    ) -> Option<(String, Option<Range<usize>>)> {
        let item = self.value(table, key)?;
        match item.as_str() {
            Some(s) => Some((s.to_string(), item.span())),
            None => {
                self.wrong_type(item, key, "a string in quotes");
                None
            }
        }
    }

    /// A command line as words (split at white space, no shell).
    fn words(&mut self, table: &dyn TableLike, key: &str, out: &mut Vec<String>) {
        if let Some((text, span)) = self.string(table, key) {
            if text.chars().any(char::is_control) {
                self.error(span, format!("{key} holds a control character"));
                return;
            }
            *out = text.split_whitespace().map(str::to_string).collect();
        }
    }

    fn integer(
        &mut self,
        table: &dyn TableLike,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        let item = self.value(table, key)?;
        match item.as_integer() {
            Some(n) if range.contains(&n) => Some(n),
            Some(n) => {
                let message = format!(
                    "{key} = {n}: must be from {} to {}",
                    range.start(),
                    range.end()
                );
                self.error(item.span(), message);
                None
            }
            None => {
                self.wrong_type(item, key, "a whole number");
                None
            }
        }
    }

    /// Seconds, from whole minutes or a string with a unit (`"90s"`,
    /// `"30m"`, `"2h"`), at most a week.
    fn interval(&mut self, table: &dyn TableLike, key: &str) -> Option<u32> {
        const WEEK: i64 = 7 * 86_400;
        let item = self.value(table, key)?;
        let seconds = match (item.as_integer(), item.as_str()) {
            (Some(minutes), _) => minutes.checked_mul(60),
            (_, Some(text)) => crate::subs::parse_interval(text),
            _ => {
                self.wrong_type(item, key, "minutes or a string such as \"30m\"");
                return None;
            }
        };
        match seconds {
            Some(n) if (0..=WEEK).contains(&n) => u32::try_from(n).ok(),
            _ => {
                let message = format!(
                    "{key}: use minutes (0 to 10080) or a string such as \"90s\", \"30m\" or \"2h\", at most a week"
                );
                self.error(item.span(), message);
                None
            }
        }
    }

    fn table<'t>(&mut self, table: &'t dyn TableLike, key: &str) -> Option<&'t dyn TableLike> {
        let item = self.value(table, key)?;
        match item.as_table_like() {
            Some(t) => Some(t),
            None => {
                self.wrong_type(item, key, &format!("a table ([{key}])"));
                None
            }
        }
    }

    fn color(&mut self, table: &dyn TableLike, key: &str) -> Option<ratatui::style::Color> {
        let item = self.value(table, key)?;
        let parsed = match item {
            Item::Value(Value::String(s)) => super::style::parse_color(s.value()),
            Item::Value(Value::Integer(n)) => {
                palette(*n.value()).ok_or_else(|| index_error(*n.value()))
            }
            _ => {
                self.wrong_type(item, key, "a colour (\"red\", \"#rrggbb\" or 0-255)");
                return None;
            }
        };
        parsed
            .map_err(|message| self.error(item.span(), message))
            .ok()
    }

    fn width(&mut self, table: &dyn TableLike, key: &str) -> Option<Width> {
        let item = self.value(table, key)?;
        let bad =
            format!("{key}: use \"auto\", a percentage such as \"30%\", or columns such as 40");
        let width = match item {
            Item::Value(Value::Integer(n)) => match u16::try_from(*n.value()) {
                Ok(c) if (10..=1000).contains(&c) => Some(Width::Columns(c)),
                _ => None,
            },
            Item::Value(Value::String(s)) => match s.value().trim() {
                "auto" => Some(Width::Auto),
                other => other
                    .strip_suffix('%')
                    .and_then(|p| p.trim().parse::<u16>().ok())
                    .filter(|p| (1..=90).contains(p))
                    .map(Width::Percent),
            },
            _ => None,
        };
        if width.is_none() {
            self.error(item.span(), bad);
        }
        width
    }
}
