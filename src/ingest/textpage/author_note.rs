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
}
