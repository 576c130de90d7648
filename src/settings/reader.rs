//! Reading one value of `config.toml` at a time, each problem placed at
//! its line and column (toml_edit keeps the places of keys and values).

use std::ops::Range;
use std::path::PathBuf;

use toml_edit::{Item, TableLike, Value};

use super::style::{StyleError, palette};
use super::{Level, Problem, Width};

pub(super) struct Reader<'a> {
    pub text: &'a str,
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

impl Reader<'_> {
    pub(super) fn at(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    pub(super) fn error(&mut self, span: Option<Range<usize>>, message: String) {
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
    pub(super) fn known(&mut self, table: &dyn TableLike, section: &str, known: &[&str]) {
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

    pub(super) fn wrong_type(&mut self, item: &Item, key: &str, wanted: &str) {
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

    pub(super) fn value<'t>(&mut self, table: &'t dyn TableLike, key: &str) -> Option<&'t Item> {
        table.get(key)
    }

    pub(super) fn boolean(&mut self, table: &dyn TableLike, key: &str, out: &mut bool) {
        let Some(item) = self.value(table, key) else {
            return;
        };
        match item.as_bool() {
            Some(b) => *out = b,
            None => self.wrong_type(item, key, "true or false"),
        }
    }

    pub(super) fn string(
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
    pub(super) fn words(&mut self, table: &dyn TableLike, key: &str, out: &mut Vec<String>) {
        if let Some((text, span)) = self.string(table, key) {
            if text.chars().any(char::is_control) {
                self.error(span, format!("{key} holds a control character"));
                return;
            }
            *out = text.split_whitespace().map(str::to_string).collect();
        }
    }

    pub(super) fn integer(
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
    pub(super) fn interval(&mut self, table: &dyn TableLike, key: &str) -> Option<u32> {
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

    pub(super) fn table<'t>(
        &mut self,
        table: &'t dyn TableLike,
        key: &str,
    ) -> Option<&'t dyn TableLike> {
        let item = self.value(table, key)?;
        match item.as_table_like() {
            Some(t) => Some(t),
            None => {
                self.wrong_type(item, key, &format!("a table ([{key}])"));
                None
            }
        }
    }

    pub(super) fn color(
        &mut self,
        table: &dyn TableLike,
        key: &str,
    ) -> Option<ratatui::style::Color> {
        let item = self.value(table, key)?;
        let parsed = match item {
            Item::Value(Value::String(s)) => super::style::parse_color(s.value()),
            Item::Value(Value::Integer(n)) => {
                palette(*n.value()).ok_or(StyleError::PaletteIndex(*n.value()))
            }
            _ => {
                self.wrong_type(item, key, "a colour (\"red\", \"#rrggbb\" or 0-255)");
                return None;
            }
        };
        parsed
            .map_err(|e| self.error(item.span(), e.to_string()))
            .ok()
    }

    pub(super) fn width(&mut self, table: &dyn TableLike, key: &str) -> Option<Width> {
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
