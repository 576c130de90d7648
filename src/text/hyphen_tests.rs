use super::*;
use proptest::prelude::*;

use crate::text::wrap::{width, wrap};

fn it() -> &'static Standard {
    dictionary("it").expect("Italian patterns")
}

fn en() -> &'static Standard {
    dictionary("en").expect("English patterns")
}

fn texts(pieces: &[Piece]) -> Vec<&str> {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn an_italian_word_breaks_at_its_syllables() {
    let text = "Una questione di responsabilità internazionale";
    assert_eq!(
        wrap(text, 24),
        ["Una questione di", "responsabilità", "internazionale"]
    );
    let lines = wrap_hyphenated(text, 24, it());
    assert_eq!(
        texts(&lines),
        ["Una questione di respon-", "sabilità internazionale"]
    );
    assert!(lines[0].hyphen && !lines[1].hyphen);
}

#[test]
fn an_english_word_breaks_at_its_hyphenation_points() {
    let text = "It was an extraordinarily long day";
    assert_eq!(wrap(text, 24), ["It was an", "extraordinarily long day"]);
    let lines = wrap_hyphenated(text, 24, en());
    assert_eq!(texts(&lines), ["It was an extraordinar-", "ily long day"]);
}

#[test]
fn a_line_that_is_not_ragged_is_left_alone() {
    let text = "It was an extraordinarily long day for the committee";
    let plain = wrap(text, 30);
    let hyph: Vec<String> = wrap_hyphenated(text, 30, en())
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(hyph, plain);
}

#[test]
fn addresses_numbers_and_identifiers_are_never_hyphenated() {
    for word in [
        "https://example.com/internazionalizzazione",
        "internazionalizzazione2026",
        "user@internazionalizzazione",
        "internazionalizzazione_totale",
        "www.internazionalizzazione.it",
    ] {
        let text = format!("Leggi {word} ora");
        for p in wrap_hyphenated(&text, 16, it()) {
            assert!(!p.hyphen, "{word} hyphenated: {:?}", p.text);
        }
    }
}

#[test]
fn punctuation_around_a_word_stays_with_it() {
    let lines = wrap_hyphenated("«internazionalizzazione», detto", 14, it());
    assert!(lines.iter().all(|l| width(&l.text) <= 14), "{lines:?}");
    assert!(lines[0].text.starts_with('«'));
    assert!(lines.iter().any(|l| l.hyphen));
}

#[test]
fn languages_by_tag() {
    assert!(dictionary("it-IT").is_some());
    assert!(dictionary("en_US").is_some());
    assert!(dictionary("de").is_some());
    assert!(dictionary("fr").is_some());
    assert!(dictionary("xx").is_none());
    assert!(dictionary("").is_none());
}

/// Each line, its inserted hyphen taken off, is the next piece of the
/// text, and only spaces lie between pieces.
fn rejoins(text: &str, lines: &[Piece]) -> Result<(), TestCaseError> {
    let clean = crate::text::squash(&sanitize(text));
    let mut rest = clean.as_str();
    for line in lines {
        let piece = if line.hyphen {
            line.text.strip_suffix('-').unwrap_or(&line.text)
        } else {
            line.text.as_str()
        };
        // Spaces at a break belong to no line.
        let piece = piece.trim_start();
        rest = rest.trim_start();
        prop_assert!(rest.starts_with(piece), "{piece:?} not next in {rest:?}");
        rest = &rest[piece.len()..];
    }
    prop_assert!(rest.trim().is_empty(), "text lost: {rest:?}");
    Ok(())
}

proptest! {
    #[test]
    fn no_line_overflows_no_text_is_lost_and_hyphens_come_off(
        text in "([a-zàèéìòù]{1,22}|[A-Z][a-z]{4,14}|[a-z]{3,9}-[a-z]{3,9}|[a-z]{4}[0-9]{2}|x.y/[a-z]{9}|[日本語]{1,4}|😀|e\u{301}| |, |\u{a0}){0,60}",
        width in 2usize..60,
        lang in prop::sample::select(vec!["it", "en", "de", "fr"]),
    ) {
        let dict = dictionary(lang).expect("patterns");
        let lines = wrap_hyphenated(&text, width, dict);
        for line in &lines {
            prop_assert!(width_of(&line.text) <= width, "{:?} wider than {width}", line.text);
            prop_assert!(!line.hyphen || line.text.ends_with('-'));
        }
        rejoins(&text, &lines)?;
    }

    #[test]
    fn never_panics_on_any_text(text in any::<String>(), width in 0usize..200) {
        let _ = wrap_hyphenated(&text, width, it());
    }
}

fn width_of(s: &str) -> usize {
    width(s)
}
