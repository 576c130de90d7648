//! Dates that neither reader takes, read for the items that have no other:
//! RFC 2822 dates with a zone named as people name it (`CEST`, `BST`,
//! `JST`: RFC 2822 knows only the North American ones), a full month name
//! or no space after the weekday's comma, ISO 8601 with a space for the
//! `T` or without seconds, without a zone (taken as UTC) or a plain day, as
//! DCMI Terms give them, and C's `asctime` form.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Named zones in use in feeds, with their offsets. Names that mean more
/// than one zone (`IST`: India, Ireland, Israel) are left out.
const ZONES: &[(&str, &str)] = &[
    ("UTC", "+0000"),
    ("WET", "+0000"),
    ("WEST", "+0100"),
    ("BST", "+0100"),
    ("CET", "+0100"),
    ("MET", "+0100"),
    ("CEST", "+0200"),
    ("MEST", "+0200"),
    ("EET", "+0200"),
    ("EEST", "+0300"),
    ("MSK", "+0300"),
    ("HKT", "+0800"),
    ("SGT", "+0800"),
    ("AWST", "+0800"),
    ("JST", "+0900"),
    ("KST", "+0900"),
    ("ACST", "+0930"),
    ("AEST", "+1000"),
    ("AEDT", "+1100"),
    ("NZST", "+1200"),
    ("NZDT", "+1300"),
    ("HST", "-1000"),
    ("AKST", "-0900"),
    ("AKDT", "-0800"),
    ("BRT", "-0300"),
    ("ART", "-0300"),
];

/// Seconds since the epoch of a date written in any of the forms above.
pub(super) fn timestamp(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(d) =
        DateTime::parse_from_rfc3339(text).or_else(|_| DateTime::parse_from_rfc2822(text))
    {
        return Some(d.with_timezone(&Utc).timestamp());
    }
    if let Some(d) = loose_rfc2822(text).and_then(|t| DateTime::parse_from_rfc2822(&t).ok()) {
        return Some(d.with_timezone(&Utc).timestamp());
    }
    // ISO 8601 with a space or without seconds, the zone as an offset.
    let zoned = match text.strip_suffix('Z') {
        Some(utc) => format!("{utc}+0000"),
        None => text.to_string(),
    };
    let offset_forms = [
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ];
    if let Some(d) = offset_forms
        .iter()
        .find_map(|f| DateTime::parse_from_str(&zoned, f).ok())
    {
        return Some(d.with_timezone(&Utc).timestamp());
    }
    // The last is C's `asctime` (`Mon Jan  2 15:04:05 2006`), in UTC.
    let plain_forms = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%a %b %e %H:%M:%S %Y",
    ];
    plain_forms
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .map(|d| d.and_utc().timestamp())
}

/// An RFC 2822-like date (`[Weekday,] day month year time [zone]`) in the
/// strict form: month names cut to three letters, named zones as offsets,
/// no zone as UTC. None when it is not one.
fn loose_rfc2822(text: &str) -> Option<String> {
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek()?.starts_with(|c: char| c.is_ascii_alphabetic()) {
        words.next();
    }
    let day: u32 = words.next()?.parse().ok()?;
    let month = words.next()?.get(..3)?;
    let year = words.next()?;
    let time = words.next()?;
    let zone = match words.next() {
        None => "+0000".to_string(),
        Some(zone) => {
            let upper = zone.to_ascii_uppercase();
            match ZONES.iter().find(|(name, _)| *name == upper) {
                Some((_, offset)) => (*offset).to_string(),
                // `+02:00` as `+0200`; other names as RFC 2822 reads them.
                None => zone.replace(':', ""),
            }
        }
    };
    if words.next().is_some() {
        return None;
    }
    Some(format!("{day} {month} {year} {time} {zone}"))
}

#[cfg(test)]
mod tests {
    use super::timestamp;

    #[test]
    fn dates_people_write_in_feeds() {
        // Cases from gofeed's internal/shared/dateparser_test.go (MIT).
        let at = |s: &str| timestamp(s).map(|t| chrono::DateTime::from_timestamp(t, 0).unwrap());
        let utc = |s: &str| Some(s.parse::<chrono::DateTime<chrono::Utc>>().unwrap());
        assert_eq!(
            at("Mon, 02 Jan 2006 15:04:05 CEST"),
            utc("2006-01-02T13:04:05Z")
        );
        assert_eq!(
            at("Mon,02 January 2006 15:04:05 EST"),
            utc("2006-01-02T20:04:05Z")
        );
        assert_eq!(
            at("Tue, 3 Oct 2023 08:00:00 cet"),
            utc("2023-10-03T07:00:00Z")
        );
        assert_eq!(at("3 Oct 2023 08:00 +02:00"), utc("2023-10-03T06:00:00Z"));
        assert_eq!(at("Tue, 03 Oct 2023 08:00:00"), utc("2023-10-03T08:00:00Z"));
        assert_eq!(at("2006-01-02 15:04:05"), utc("2006-01-02T15:04:05Z"));
        assert_eq!(at("2006-01-02"), utc("2006-01-02T00:00:00Z"));
        assert_eq!(
            at("Mon, 02 Jan 2006 15:04:05 -0700"),
            utc("2006-01-02T22:04:05Z")
        );
        assert_eq!(at("2006-01-02 15:04:05 +0100"), utc("2006-01-02T14:04:05Z"));
        assert_eq!(at("2006-01-02 15:04:05+01:00"), utc("2006-01-02T14:04:05Z"));
        assert_eq!(at("2006-01-02T15:04Z"), utc("2006-01-02T15:04:00Z"));
        assert_eq!(at("Mon Jan  2 15:04:05 2006"), utc("2006-01-02T15:04:05Z"));
        // Ambiguous or unknown zones and words are no date.
        assert_eq!(at("Mon, 02 Jan 2006 15:04:05 IST"), None);
        assert_eq!(at("yesterday"), None);
        assert_eq!(at("Mon, 02 Foo 2006 15:04:05 GMT"), None);
    }
}
