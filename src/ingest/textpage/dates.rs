//! A small multilingual date finder: returns UTC midnight of the first date in a line.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num { value: u32, digits: usize },
    Word(String),
}

/// Words that may sit between the parts of a written date ("5 de abril de 2018", "5th of").
const FILLERS: &[&str] = &[
    "de", "del", "di", "of", "the", "th", "st", "nd", "rd", "er", "º", "ª", "le",
];

use super::date_names::{MONTHS, WEEKDAYS};

fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
}

fn tokenize(s: &str) -> Vec<(Tok, String)> {
    let mut out: Vec<(Tok, String)> = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    let mut sep = String::new();
    let flush = |cur: &mut String, digit: bool, out: &mut Vec<(Tok, String)>| {
        if cur.is_empty() {
            return;
        }
        // A year glued to the day of a second date ("19. Dezember 202219.
        // Dezember 2022": a post's published and updated stamps copied
        // together) is the year, then the day.
        if digit && (5..=6).contains(&cur.len()) && (cur.starts_with("19") || cur.starts_with("20"))
        {
            let (year, day) = cur.split_at(4);
            for part in [year, day] {
                out.push((
                    Tok::Num {
                        value: part.parse().unwrap_or(u32::MAX),
                        digits: part.len(),
                    },
                    String::new(),
                ));
            }
            cur.clear();
            return;
        }
        let tok = if digit {
            Tok::Num {
                value: cur.parse().unwrap_or(u32::MAX),
                digits: cur.len(),
            }
        } else {
            Tok::Word(cur.to_lowercase())
        };
        out.push((tok, String::new()));
        cur.clear();
    };
    for c in s.chars() {
        let is_digit = c.is_ascii_digit();
        let is_cjk_unit = matches!(c, '年' | '月' | '日' | '년' | '월' | '일');
        if is_cjk_unit {
            flush(&mut cur, cur_digit, &mut out);
            attach(&mut out, &mut sep);
            out.push((Tok::Word(c.to_string()), String::new()));
            continue;
        }
        if is_digit || c.is_alphabetic() {
            if !cur.is_empty() && is_digit != cur_digit {
                flush(&mut cur, cur_digit, &mut out);
            }
            if cur.is_empty() {
                attach(&mut out, &mut sep);
            }
            cur_digit = is_digit;
            if cur.len() < 16 {
                cur.push(c);
            }
        } else {
            flush(&mut cur, cur_digit, &mut out);
            sep.push(c);
        }
    }
    flush(&mut cur, cur_digit, &mut out);
    attach(&mut out, &mut sep);
    out
}

/// Stores the separator seen since the last token as that token's trailing separator.
fn attach(out: &mut [(Tok, String)], sep: &mut String) {
    if let Some(last) = out.last_mut() {
        last.1 = std::mem::take(sep);
    } else {
        sep.clear();
    }
}

/// Seconds since the epoch of UTC midnight on the given day, if the day exists.
pub(super) fn to_unix(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp())
}

fn num(t: &Tok) -> Option<(u32, usize)> {
    match t {
        Tok::Num { value, digits } => Some((*value, *digits)),
        Tok::Word(_) => None,
    }
}

fn word(t: &Tok) -> Option<&str> {
    match t {
        Tok::Word(w) => Some(w),
        Tok::Num { .. } => None,
    }
}

fn numeric_sep(sep: &str) -> Option<char> {
    let mut chars = sep.chars();
    let c = chars.next()?;
    (chars.next().is_none() && matches!(c, '-' | '/' | '.')).then_some(c)
}

/// The next non-filler token index at or after `i`.
fn skip_fillers(toks: &[(Tok, String)], mut i: usize) -> usize {
    while let Some((Tok::Word(w), _)) = toks.get(i) {
        if FILLERS.contains(&w.as_str()) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn year_at(toks: &[(Tok, String)], i: usize) -> Option<i64> {
    let (y, digits) = num(&toks.get(i)?.0)?;
    (digits == 4).then_some(i64::from(y))
}

/// A two-digit year ("08-13-10 05:18 PM") counts only when a time of day
/// follows it: alone, three small numbers are as likely a score or a code.
fn short_year_before_time(toks: &[(Tok, String)], i: usize) -> Option<i64> {
    let (t, s) = toks.get(i)?;
    let (y, digits) = num(t)?;
    let (hour, hour_sep) = toks.get(i + 1)?;
    let timed = s.trim().is_empty()
        && !s.is_empty()
        && num(hour).is_some_and(|(h, d)| d <= 2 && h < 24)
        && hour_sep == ":";
    (digits == 2 && timed).then_some(2000 + i64::from(y))
}

/// A two-digit year after a day and a month written with two digits each
/// and set apart by dots ("28.01.22"), as German pages date, when the day
/// is one no month could be: "11.03.17" may be a month first, or a code.
fn dotted_short_year(
    toks: &[(Tok, String)],
    i: usize,
    sep: char,
    (day, digits): (u32, usize),
) -> Option<i64> {
    let (y, dy) = num(&toks.get(i)?.0)?;
    (sep == '.' && digits == 4 && dy == 2 && day > 12).then_some(2000 + i64::from(y))
}

fn try_at(toks: &[(Tok, String)], i: usize) -> Option<i64> {
    let (t0, s0) = toks.get(i)?;
    if let Some((a, da)) = num(t0) {
        // 2018-04-05, 2018/04/05, 2016年8月18日
        if da == 4 {
            let (t1, s1) = toks.get(i + 1)?;
            if let (Some(sep), Some((m, _))) = (numeric_sep(s0), num(t1)) {
                let (t2, s2) = toks.get(i + 2)?;
                if numeric_sep(s1) == Some(sep) {
                    if let Some((d, _)) = num(t2) {
                        return to_unix(i64::from(a), m, d);
                    }
                }
                let _ = s2;
            }
            if word(t1).is_some_and(|w| w == "年" || w == "년") {
                let m = num(&toks.get(i + 2)?.0)?.0;
                let d = num(&toks.get(i + 4)?.0)?.0;
                return to_unix(i64::from(a), m, d);
            }
            return None;
        }
        if da > 2 {
            return None;
        }
        // 05/04/2018, 05.04.2018
        if let Some(sep) = numeric_sep(s0) {
            let (t1, s1) = toks.get(i + 1)?;
            let (b, db) = num(t1)?;
            if db <= 2 && numeric_sep(s1) == Some(sep) {
                let y = year_at(toks, i + 2)
                    .or_else(|| short_year_before_time(toks, i + 2))
                    .or_else(|| dotted_short_year(toks, i + 2, sep, (a, da + db)))?;
                let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
                return to_unix(y, m, d);
            }
            if sep != '.' {
                return None;
            }
        }
        // 5 aprile 2018, 5. März 2018, 5 de abril de 2018; a blog's badge
        // may set the weekday between the day and the month ("31
        // Donnerstag Okt 2019").
        let j = skip_fillers(toks, i + 1);
        let j = match word(&toks.get(j)?.0) {
            Some(w) if WEEKDAYS.contains(&w) => skip_fillers(toks, j + 1),
            _ => j,
        };
        let m = month_of(word(&toks.get(j)?.0)?)?;
        let y = year_at(toks, skip_fillers(toks, j + 1))?;
        return to_unix(y, m, a);
    }
    // April 5, 2018; Dec. 6, 2024
    let m = month_of(word(t0)?)?;
    let j = skip_fillers(toks, i + 1);
    let (d, dd) = num(&toks.get(j)?.0)?;
    if dd > 2 {
        return None;
    }
    let j = skip_fillers(toks, j + 1);
    let y = year_at(toks, j)?;
    to_unix(y, m, d)
}

/// The first date written in `s`, as seconds since the epoch at UTC midnight.
pub(super) fn find_date(s: &str) -> Option<i64> {
    let toks = tokenize(s);
    (0..toks.len()).find_map(|i| try_at(&toks, i))
}

/// A day stamp without a year, alone on its line ("Jun 17", "17 juin",
/// "17. Juni"): a blog's or a list's date badge.
pub(super) fn is_day_stamp(s: &str) -> bool {
    let toks = tokenize(s);
    let day = |t: &Tok| num(t).is_some_and(|(d, digits)| digits <= 2 && (1..=31).contains(&d));
    let month = |t: &Tok| word(t).is_some_and(|w| month_of(w).is_some());
    match toks.as_slice() {
        [(a, _), (b, _)] => (month(a) && day(b)) || (day(a) && month(b)),
        _ => false,
    }
}

/// Words of three letters or more in a line that are not a month's name:
/// a date line has few, a headline with a date in it many.
pub(super) fn words_beside_date(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && month_of(w).is_none()
        })
        .count()
}

/// Index of the word where a written date (or a bare number) starts in a credit line.
pub(super) fn date_start_word(words: &[&str]) -> Option<usize> {
    (0..words.len()).find(|&i| {
        let w = words[i]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let next_is_num = words
            .get(i + 1)
            .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        (month_of(&w).is_some() && next_is_num)
            || (w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty())
    })
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
