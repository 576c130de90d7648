//! Language guess from script and stopword counts.

use super::lines::is_cjk;

const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "it", "for", "was", "with", "as", "on", "are",
            "this", "be", "have", "not", "from", "they", "which", "you", "but", "has", "were",
            "their",
        ],
    ),
    (
        "it",
        &[
            "il", "lo", "gli", "di", "che", "è", "per", "non", "una", "della", "del", "dei",
            "delle", "con", "sono", "anche", "nel", "nella", "alla", "più", "come", "ma", "questo",
            "questa", "si",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "et", "est", "une", "du", "que", "qui", "dans", "pour", "pas",
            "sur", "au", "avec", "ce", "il", "sont", "plus", "aux", "mais", "ses", "été", "nous",
            "cette",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "de", "que", "y", "en", "una", "es", "por", "con", "para", "del",
            "se", "su", "al", "lo", "como", "más", "pero", "sus", "fue", "este", "está", "también",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von",
            "sich", "des", "auf", "für", "im", "dem", "auch", "es", "sie", "wird", "wurde", "nach",
            "bei",
        ],
    ),
    (
        "pt",
        &[
            "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não",
            "por", "dos", "das", "no", "na", "mais", "se", "foi", "ao", "seu", "sua", "também",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "op", "te", "voor", "niet", "met",
            "zijn", "er", "die", "ook", "maar", "wordt", "werd", "bij", "naar", "heeft", "hij",
            "zij", "om",
        ],
    ),
];

pub(super) fn guess(text: &str) -> Option<String> {
    let mut letters = 0usize;
    let (mut han, mut kana, mut hangul, mut cyr, mut greek, mut arabic, mut hebrew) =
        (0, 0, 0, 0, 0, 0, 0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x0400..=0x04FF => cyr += 1,
            0x0370..=0x03FF => greek += 1,
            0x0600..=0x06FF => arabic += 1,
            0x0590..=0x05FF => hebrew += 1,
            _ if is_cjk(c) => han += 1,
            _ => {}
        }
    }
    if letters == 0 {
        return None;
    }
    let share = |n: usize| n * 10 >= letters * 3;
    if share(han + kana + hangul) {
        let tag = if hangul > kana && hangul > han / 4 {
            "ko"
        } else if kana * 10 > han + kana {
            "ja"
        } else {
            "zh"
        };
        return Some(tag.to_string());
    }
    for (n, tag) in [(cyr, "ru"), (greek, "el"), (arabic, "ar"), (hebrew, "he")] {
        if share(n) {
            return Some(tag.to_string());
        }
    }
    let tokens: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut scores: Vec<(usize, &str)> = STOPWORDS
        .iter()
        .map(|(tag, words)| {
            (
                tokens
                    .iter()
                    .filter(|t| words.contains(&t.as_str()))
                    .count(),
                *tag,
            )
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.0));
    let (best, tag) = scores[0];
    let second = scores.get(1).map_or(0, |s| s.0);
    (best >= 5 && best * 10 >= second * 13 && best * 100 >= tokens.len() * 8)
        .then(|| tag.to_string())
}

#[cfg(test)]
mod tests {
    use super::guess;

    #[test]
    fn guesses() {
        assert_eq!(
            guess(
                "The cat is on the table and it was happy with the food, as they said to the owner."
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(guess("Il gatto è sul tavolo e non si muove, anche se la casa della nonna è più calda per questo gatto che dorme nel cesto.").as_deref(), Some("it"));
        assert_eq!(
            guess("这是一个测试句子，用来检查语言识别。").as_deref(),
            Some("zh")
        );
        assert_eq!(guess("Menu Home"), None);
    }
}
