//! Lines known by their odd shape rather than their wording: a
//! photographer's name and agency standing alone, advertising disguised in
//! look-alike letters of two scripts, a row of short links.

use crate::model::{Block, SpanKind};

/// A photographer's name and agency standing alone as a paragraph ("Judy
/// Eddy/WENN.com", "Mike Blake/Reuters"): a name of two or three
/// capitalised words, a slash, and one or two capitalised words, nothing
/// else. A sentence or a heading is never this shape.
pub(super) fn is_name_credit(text: &str, block: Option<&Block>) -> bool {
    if block.is_some_and(|b| !matches!(b, Block::Paragraph { .. })) || text.chars().count() > 60 {
        return false;
    }
    let Some((name, agency)) = text.split_once('/') else {
        return false;
    };
    let capitalised = |part: &str, words: std::ops::RangeInclusive<usize>| {
        let list: Vec<&str> = part.split_whitespace().collect();
        words.contains(&list.len())
            && list
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with([',', ':', ';']))
    };
    !name.ends_with(' ')
        && !agency.starts_with(' ')
        && !agency.contains('/')
        && !text.ends_with(['.', '!', '?'])
        && capitalised(name, 2..=3)
        && capitalised(agency, 1..=2)
}

/// Words mixing Latin and Cyrillic letters that make a line disguised.
const MIXED_WORDS: usize = 3;

/// A line whose words mix Latin and Cyrillic look-alike letters
/// ("Аdvеrtіѕе wіth uѕ"): advertising disguised from filters. Words of
/// either script alone, and a name or two spelt across both, are text.
pub(super) fn is_disguised(text: &str) -> bool {
    // Cyrillic letters start with these bytes in UTF-8: most lines have
    // none and are passed over in one scan.
    if !text.bytes().any(|b| (0xD0..=0xD3).contains(&b)) {
        return false;
    }
    let is_cyrillic = |c: char| matches!(c, '\u{400}'..='\u{4ff}');
    let mixed = text
        .split_whitespace()
        .filter(|w| w.chars().any(is_cyrillic) && w.chars().any(|c| c.is_ascii_alphabetic()))
        .count();
    mixed >= MIXED_WORDS && mixed * 5 >= text.split_whitespace().count()
}

/// A link of a link list is at most this long (characters, words).
const LIST_LINK: (usize, usize) = (40, 4);

/// A paragraph that is nothing but two or more short links set apart by
/// commas, bars or dots ("Corona & die Folgen, Debatte, Politik"): the
/// story's sections or tags. A sentence has words outside its links.
pub(super) fn is_link_list(block: Option<&Block>) -> bool {
    let Some(Block::Paragraph { text, spans }) = block else {
        return false;
    };
    let chars: Vec<char> = text.chars().collect();
    let links: Vec<_> = spans.iter().filter(|s| s.kind == SpanKind::Link).collect();
    if links.len() < 2 {
        return false;
    }
    let mut covered = vec![false; chars.len()];
    for span in &links {
        let (start, end) = (span.start.min(chars.len()), span.end.min(chars.len()));
        let label: String = chars[start..end].iter().collect();
        let label = label.trim();
        if label.is_empty()
            || label.chars().count() > LIST_LINK.0
            || label.split_whitespace().count() > LIST_LINK.1
        {
            return false;
        }
        covered[start..end].iter_mut().for_each(|c| *c = true);
    }
    chars.iter().zip(&covered).all(|(c, linked)| {
        *linked || c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '/' | ';')
    })
}
