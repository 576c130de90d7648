//! Relative time stamps ("2 hours ago", "vor 3 Stunden"): a fresh story's
//! date, in the languages read.

/// A relative time stamp on a line of its own ("2 hours ago", "Hace 13
/// horas", "vor 3 Stunden", "1 時間前", "5分前"): a news page dates its
/// headline so when the story is fresh.
pub(super) fn is_relative_stamp(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let (before, rest) = match t.find(|c: char| c.is_ascii_digit()) {
        Some(at) => t.split_at(at),
        None => return false,
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits > 3 {
        return false;
    }
    let (before, after) = (before.trim(), rest[digits..].trim());
    if before.is_empty() && STAMP_CJK.contains(&after) {
        return true;
    }
    let (unit, opener) = match RELATIVE_AFTER.iter().find_map(|w| after.strip_suffix(w)) {
        Some(unit) => (unit.trim(), before),
        None => (after, before),
    };
    let suffixed = after != unit;
    let placed = if suffixed {
        opener.is_empty()
    } else {
        RELATIVE_BEFORE.contains(&opener)
    };
    placed && STAMP_UNITS.contains(&unit)
}

const STAMP_CJK: &[&str] = &[
    "秒前",
    "分前",
    "時間前",
    "日前",
    "週間前",
    "か月前",
    "ヶ月前",
];

/// Words that close a relative stamp ("2 hours ago", "2 ore fa").
const RELATIVE_AFTER: &[&str] = &[" ago", " fa", " geleden", " temu", " sitten"];

/// Words that open one ("Hace 13 horas", "vor 3 Stunden", "il y a 2 heures").
const RELATIVE_BEFORE: &[&str] = &["hace", "vor", "il y a", "há", "há cerca de", "hace unos"];

/// Time units of a relative stamp, in the languages of [`RELATIVE_AFTER`]
/// and [`RELATIVE_BEFORE`].
const STAMP_UNITS: &[&str] = &[
    "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "day", "days", "h", "m", "d",
    "minuto", "minutos", "hora", "horas", "día", "días", "dia", "dias", "minuten", "stunde",
    "stunden", "tag", "tagen", "heure", "heures", "jour", "jours", "minuti", "ora", "ore",
    "giorno", "giorni", "uur", "dag", "dagen", "godz.", "minut", "godzin", "godziny", "tunti",
    "tuntia", "std.",
];

/// Phrases, lowercased, of a reading time's line ("Estimated reading time:
/// 6 minutes", "5 min read", "Lesezeit: 4 Minuten"); a short line with one
/// is boilerplate as well.
pub(super) const READING_TIME: &[&str] = &[
    "reading time",
    "min read",
    "minute read",
    "minutes read",
    "lesezeit",
    "tempo di lettura",
    "minuti di lettura",
    "temps de lecture",
    "min de lecture",
    "tiempo de lectura",
];

/// Most words of such a line.
const READING_TIME_WORDS: usize = 8;

/// A reading time on a line of its own: set under a headline, as its date
/// or byline is.
pub(super) fn is_reading_time(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.split_whitespace().count() <= READING_TIME_WORDS
        && lower.chars().any(|c| c.is_ascii_digit())
        && READING_TIME.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_stamps_are_read_in_many_languages() {
        assert!(is_relative_stamp("12 時間前"));
        assert!(is_relative_stamp("5 mins ago"));
        assert!(!is_relative_stamp("5 reasons ago"));
        assert!(is_relative_stamp("Hace 13 horas"));
        assert!(is_relative_stamp("vor 3 Stunden"));
        assert!(is_relative_stamp("2 ore fa"));
        assert!(!is_relative_stamp("Hace 13 años que"));
        assert!(!is_relative_stamp("Top 3 hours"));
    }
}
