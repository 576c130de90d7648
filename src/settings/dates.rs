//! `[dates]`: how the list and the feeds pane show an article's date.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, FixedOffset, Local, Offset as _, TimeZone, Utc};

/// How dates are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFormat {
    /// "now", "5m ago", "3h ago", "2d ago"; the date after a week.
    Relative,
    /// A strftime pattern, checked when read.
    Pattern(String),
}

/// Which clock dates are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    #[default]
    Local,
    Utc,
}

/// The `[dates]` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dates {
    pub format: DateFormat,
    /// The pattern for today's articles; None: `format`.
    pub today: Option<String>,
    pub zone: Zone,
}

impl Default for Dates {
    fn default() -> Dates {
        Dates {
            format: DateFormat::Pattern("%Y-%m-%d".into()),
            today: Some("%H:%M".into()),
            zone: Zone::Local,
        }
    }
}

/// The longest date pattern accepted, in bytes.
const MAX_PATTERN: usize = 200;

/// A date pattern the list cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("a date pattern is at most {MAX_PATTERN} bytes")]
    TooLong,
    #[error("“{0}” is not a valid date pattern (strftime: %Y-%m-%d, %d %b %H:%M…)")]
    Invalid(String),
}

/// A strftime pattern's first mistake, if any.
pub fn check_pattern(pattern: &str) -> Result<(), PatternError> {
    if pattern.len() > MAX_PATTERN {
        return Err(PatternError::TooLong);
    }
    if StrftimeItems::new(pattern).any(|item| matches!(item, Item::Error)) {
        return Err(PatternError::Invalid(pattern.to_string()));
    }
    Ok(())
}

/// The pattern used after a week in relative dates.
const RELATIVE_OLD: &str = "%Y-%m-%d";

impl Dates {
    /// `unix` as the list shows it, seen at `now` (both Unix seconds).
    /// Empty when out of chrono's range.
    pub fn format(&self, unix: i64, now: i64) -> String {
        let (Some(at), Some(now_at)) = (self.at(unix), self.at(now)) else {
            return String::new();
        };
        if self.format == DateFormat::Relative {
            return relative(unix, now).unwrap_or_else(|| at.format(RELATIVE_OLD).to_string());
        }
        let pattern = match (&self.format, &self.today) {
            (_, Some(today)) if at.date_naive() == now_at.date_naive() => today.as_str(),
            (DateFormat::Pattern(p), _) => p.as_str(),
            (DateFormat::Relative, _) => RELATIVE_OLD,
        };
        // Patterns were checked when read: formatting cannot fail.
        let mut out = String::new();
        let _ = std::fmt::write(&mut out, format_args!("{}", at.format(pattern)));
        out
    }

    fn at(&self, unix: i64) -> Option<DateTime<FixedOffset>> {
        let utc = DateTime::<Utc>::from_timestamp(unix, 0)?;
        let offset = match self.zone {
            Zone::Utc => Utc.fix(),
            Zone::Local => Local.offset_from_utc_datetime(&utc.naive_utc()).fix(),
        };
        Some(utc.with_timezone(&offset))
    }
}

/// "5m ago" and the like for the last week; None beyond it (and for
/// dates in the future by more than a minute).
fn relative(unix: i64, now: i64) -> Option<String> {
    let ago = now.checked_sub(unix)?;
    Some(match ago {
        -60..60 => "now".into(),
        60..3_600 => format!("{}m ago", ago / 60),
        3_600..86_400 => format!("{}h ago", ago / 3_600),
        86_400..604_800 => format!("{}d ago", ago / 86_400),
        _ => return None,
    })
}
