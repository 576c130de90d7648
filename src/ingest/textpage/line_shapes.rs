//! Shapes of lines that are never prose, whatever their length: a run of
//! labels, a line of hashtags, a teaser's link written twice, a link to
//! the previous or next post.

/// A long line of capitalised words without a single mark of punctuation:
/// a run of section names or tags (a menu, a tag cloud), not prose.
pub(super) fn is_label_run(text: &str, words: usize) -> bool {
    if words < 15 || text.contains(['.', ',', ';', ':', '!', '?', '。', '，', '、']) {
        return false;
    }
    let capitalised = text
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    // A headline in title case ("… Is No Longer In The Running To Become
    // …") is held together by small words that a list of labels lacks.
    capitalised * 10 >= words * 7 && function_words(text) < LABEL_RUN_FUNCTION_WORDS
}

/// Labels of the links to a blog's previous and next posts, or to all of
/// a writer's posts, that the copy sets before the linked title.
const POST_LINKS: &[&str] = &[
    "previous post",
    "next post",
    "previous article",
    "next article",
    "vorheriger beitrag",
    "nächster beitrag",
    "vorheriger artikel",
    "nächster artikel",
    "article précédent",
    "article précedent",
    "article suivant",
    "articolo precedente",
    "articolo successivo",
    "artículo anterior",
    "artículo siguiente",
    "entrada anterior",
    "entrada siguiente",
    "view all posts by",
    "zeige alle beiträge von",
    "alle beiträge von",
    "voir tous les articles de",
    "voir tous les articles par",
];

/// Longest such link, in characters.
const POST_LINK_CHARS: usize = 250;

/// A link to the previous or the next post with its title ("Article
/// suivant Après une mise en quarantaine…", glued or not), or to all of a
/// writer's posts: a label among [`POST_LINKS`] opens the line, whole,
/// and no lower-case word goes on from it ("Previous articles showed…",
/// "Next post office opens" are prose).
pub(in super::super) fn is_post_link(text: &str) -> bool {
    if text.chars().count() > POST_LINK_CHARS {
        return false;
    }
    let original = text.trim_start_matches(['«', '←', '‹', '<', ' ']);
    let lower = original.to_lowercase();
    POST_LINKS.iter().any(|label| {
        lower.starts_with(label)
            && original
                .chars()
                .skip(label.chars().count())
                .find(|c| !c.is_whitespace() && !matches!(c, ':' | '»' | '→' | '›' | '>'))
                .is_none_or(|c| !c.is_lowercase())
    })
}

/// Small words of a sentence in the languages served most; "and" is left
/// out, as labels hold it ("Food and Drink").
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "is", "are", "was", "for", "on", "with", "his", "her",
    "their", "from", "by", "at", "as", "it", "be", "that", "il", "lo", "la", "di", "del", "della",
    "per", "che", "le", "les", "des", "du", "de", "un", "une", "est", "der", "die", "das", "ist",
    "mit", "von", "el", "los", "las", "es", "en", "con", "para", "over", "then", "after", "into",
    "about", "why", "how", "what", "when", "who", "this", "your", "you", "not", "but", "has",
    "have", "will", "can",
];

/// From this many small words, a long line of capitalised words is a
/// sentence, not a run of labels.
const LABEL_RUN_FUNCTION_WORDS: usize = 3;

fn function_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        .count()
}

/// A line of four words or more that is one phrase written twice ("Save
/// $300 on the MacBook Save $300 on the MacBook"): a teaser's link copied
/// with its picture's title, never the article's prose.
pub(super) fn is_said_twice(text: &str, words: usize) -> bool {
    let w: Vec<&str> = text.split_whitespace().collect();
    (4..=SAID_TWICE_WORDS).contains(&words)
        && w.len() % 2 == 0
        && w[..w.len() / 2] == w[w.len() / 2..]
}

/// Most words of a teaser's link written twice: a paragraph set twice
/// is longer.
const SAID_TWICE_WORDS: usize = 48;

/// A line of hashtags (`#NK #Rodong Sinmun`): a tag list.
pub(super) fn is_hashtags(text: &str) -> bool {
    let tags = text
        .split_whitespace()
        .filter(|w| w.starts_with('#'))
        .count();
    tags >= 2 && tags * 3 >= text.split_whitespace().count()
}

/// Fewest labels run together that make a row of links.
const GLUED_MENU_JOINS: usize = 4;

/// Whether the line is a menu copied without the spaces between its links
/// ("Alles was lebtAlpha CepheiAnd the water seems invitingAstrodicticum
/// Simplex…"): a word ends and the next label's capital follows it, in at
/// least a sixth of the line's words. A join counts only between three
/// small letters and a capital over a small one, in a word that does not
/// open in small letters, so a brand in camel case now and then
/// ("WireGuard, OpenVPN"), an initialism ("macOS") or a name in code
/// ("showDeathMessages") leaves prose alone.
pub(super) fn is_glued_menu(text: &str, words: usize) -> bool {
    let joined = |word: &str| {
        let chars: Vec<char> = word.chars().collect();
        !chars.first().is_some_and(|c| c.is_lowercase())
            && chars.windows(5).any(|w| {
                w[..3].iter().all(|c| c.is_lowercase())
                    && w[3].is_uppercase()
                    && w[4].is_lowercase()
            })
    };
    let joins = text.split_whitespace().filter(|w| joined(w)).count();
    joins >= GLUED_MENU_JOINS && joins * 6 >= words
}

/// Fewest words of a tag cloud.
const TAG_CLOUD_WORDS: usize = 30;
/// Percent of a tag cloud's words whose initials follow the alphabet.
const TAG_CLOUD_SORTED: usize = 60;
/// Commas that make a line an enumeration rather than a tag cloud.
const TAG_CLOUD_COMMAS: usize = 3;

/// Whether the line is a tag cloud copied as one line ("abschlägig
/// abschätzig abweisend Adalbert Stifter anglo-amerikanisch Bambiland …"):
/// thirty words or more whose initials mostly follow the alphabet (the
/// longest run of them in order, skipping the rest, holds most of the
/// words; prose stays near half), set apart by spaces alone: no question,
/// exclamation or commas (a sentence may name people in alphabetical
/// order, "Anna Berger, Carl Dietz, Emil Faber, …").
pub(super) fn is_tag_cloud(text: &str) -> bool {
    if text.contains(['?', '!']) || text.matches(',').count() >= TAG_CLOUD_COMMAS {
        return false;
    }
    let initials: Vec<char> = text
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .filter_map(|c| c.to_lowercase().next())
        .collect();
    initials.len() >= TAG_CLOUD_WORDS
        && longest_in_order(&initials) * 100 >= initials.len() * TAG_CLOUD_SORTED
}

/// Length of the longest subsequence that never goes down (patience
/// sorting: `tails[k]` is the smallest last item of such a run of k + 1).
fn longest_in_order(items: &[char]) -> usize {
    let mut tails: Vec<char> = Vec::new();
    for &c in items {
        let at = tails.partition_point(|&t| t <= c);
        if at == tails.len() {
            tails.push(c);
        } else {
            tails[at] = c;
        }
    }
    tails.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_teasers_link_written_twice_is_no_prose() {
        let teaser = "Save $300 on the Apple MacBook Air during the flash sale";
        let twice = format!("{teaser} {teaser}");
        let words = twice.split_whitespace().count();
        assert_eq!(
            super::super::classify(&twice, twice.len(), words, 0),
            super::super::Kind::Boiler
        );
        assert_ne!(
            super::super::classify(teaser, teaser.len(), words / 2, 0),
            super::super::Kind::Boiler
        );
    }
}
