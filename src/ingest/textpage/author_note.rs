//! The note on the author that closes an article ("Anna Rossi is a
//! reporter at the Courier, covering health."): about the writer, not the
//! story.

/// Longest author note, in characters.
const MAX_CHARS: usize = 600;
/// Words of the name the note opens with.
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=3;

/// Verbs that follow the name in a note on a writer.
const VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "writes",
    "covers",
    "works",
    "lives",
    "teaches",
    "ist",
    "war",
    "schreibt",
    "arbeitet",
    "lebt",
    "lehrt",
    "beschäftigt",
    "est",
    "es",
    "è",
    "jest",
];

/// Stems of a writer's or a scholar's role.
const ROLES: &[&str] = &[
    "professor",
    "journalist",
    "writer",
    "editor",
    "founder",
    "author",
    "reporter",
    "correspondent",
    "researcher",
    "fellow",
    "consultant",
    "columnist",
    "contributor",
    "redakteur",
    "autor",
    "korrespondent",
    "gründer",
    "wissenschaftler",
    "periodista",
    "escritor",
    "profesor",
    "journaliste",
    "rédact",
    "giornalista",
    "scrittore",
    "dziennikar",
    "expert",
    "head of",
    "leiter",
    "chefredakt",
    "blogger",
    "photographer",
    "fotograf",
    "historian",
    "historiker",
    "analyst",
];

/// Whether the paragraph is a note on its author: a name of two or three
/// capitalised words, a verb such as "is", and a writer's role, in a short
/// paragraph.
pub(crate) fn is_author_note(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let named = |n: usize| {
        words.len() > n
            && words[..n].iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
            })
            && VERBS.contains(&words[n].to_lowercase().as_str())
    };
    let lower = text.to_lowercase();
    NAME_WORDS.clone().any(named) && ROLES.iter().any(|r| lower.contains(r))
}

/// Words naming what a writer's count counts ("257 Artikel").
const COUNTED: &[&str] = &[
    "artikel",
    "beiträge",
    "articles",
    "posts",
    "articoli",
    "artículos",
    "artigos",
    "artykułów",
];

/// Openings of an author box's heading ("Über Steffi 1009 Artikel").
const ABOUT: &[&str] = &["über ", "about ", "à propos de ", "sobre ", "o "];

/// Most words of such a heading.
const BOX_HEAD_WORDS: usize = 8;

/// Whether the line heads an author box: "about", the writer's name and
/// the count of their articles ("Über Luis Holuch 257 Artikel", "About
/// Anna 12 posts").
pub(crate) fn is_author_box_head(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let counted = match words.as_slice() {
        [.., count, what] => {
            count.chars().all(|c| c.is_ascii_digit() || c == '.') && COUNTED.contains(what)
        }
        _ => false,
    };
    counted && words.len() <= BOX_HEAD_WORDS && ABOUT.iter().any(|a| lower.starts_with(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_on_writers_are_told_from_the_story() {
        for note in [
            "Anna Rossi is a reporter at the Harbour Courier, covering health and schools.",
            "Jan Peter Meier ist Redakteur im Ressort Wirtschaft.",
            "Marta Kowalska jest dziennikarką działu zagranicznego.",
            "Matthias Weber ist ERP-Experte mit langjähriger Berufserfahrung.",
            "Inga Buller ist Head of Social Media bei der Agentur.",
        ] {
            assert!(is_author_note(note), "{note}");
        }
        for line in [
            "The mayor is a former reporter who covered the council for ten years.",
            "Anna Rossi said the library would stay open.",
            "Anna Rossi is a nurse at the town hospital and has two children.",
        ] {
            assert!(!is_author_note(line), "{line}");
        }
    }

    #[test]
    fn an_author_box_is_headed_by_the_writers_count() {
        assert!(is_author_box_head("Über Luis Holuch 257 Artikel"));
        assert!(is_author_box_head("About Anna 12 posts"));
        assert!(!is_author_box_head("Über 257 Artikel zum Thema Wald"));
        assert!(!is_author_box_head("Über uns"));
    }
}
