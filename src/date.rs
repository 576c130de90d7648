//! Publication dates as printed (UTC), through chrono.

use chrono::{DateTime, Datelike, SecondsFormat};

/// Formats a Unix time as `YYYY-MM-DD` (UTC); empty when out of chrono's
/// range (about ±262,000 years).
pub fn format_date(unix: i64) -> String {
    DateTime::from_timestamp(unix, 0).map_or_else(String::new, |t| {
        format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
    })
}

/// Formats a Unix time as RFC 3339 (UTC), for JSON output; empty when out
/// of chrono's range.
pub fn format_rfc3339(unix: i64) -> String {
    DateTime::from_timestamp(unix, 0).map_or_else(String::new, |t| {
        t.to_rfc3339_opts(SecondsFormat::Secs, true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_date(0), "1970-01-01");
        assert_eq!(format_date(-1), "1969-12-31");
        assert_eq!(format_date(1_522_886_400), "2018-04-05");
        assert_eq!(format_date(951_782_400), "2000-02-29");
        assert_eq!(format_rfc3339(1_522_909_800), "2018-04-05T06:30:00Z");
        assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(format_date(i64::MAX), "");
    }
}
