//! A recipe's ingredients in a text copy: lines of a quantity and what to
//! take ("125 g Mehl", "½ cup sugar", "2 Pck. Vanillepuddingpulver"), in
//! a run, with group headings ("Für den Teig:") between them. Each is too
//! short to count as prose, so the run is no body by itself; it belongs to
//! the recipe that follows, and none of its lines is the page's headline.

use super::lines::{Kind, Line};
use super::measure::final_char;

/// Fewest quantity lines that make a list of ingredients.
const RUN: usize = 4;
/// Longest quantity line, in characters: longer, it is a sentence.
const MAX_CHARS: usize = 80;
/// Most words of a group heading ("Für die Füllung:").
const HEADING_WORDS: usize = 6;
/// Lines between the ingredients and the steps that may be passed over
/// (servings, nutrition, times, the steps' heading).
const GAP: usize = 16;

/// Whether the line opens with a quantity followed by what it measures.
pub(super) fn is_quantity_line(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let rest: Vec<&str> = words.collect();
    is_quantity(first) && !rest.is_empty() && rest.len() <= 10 && !text.ends_with(['.', '!', '?'])
}

/// "125", "1,5", "1/2", "2-3", "½", "200g", "1½".
fn is_quantity(word: &str) -> bool {
    let digits = word
        .chars()
        .take_while(|c| {
            c.is_ascii_digit() || is_fraction(*c) || matches!(c, ',' | '.' | '/' | '-' | '–')
        })
        .count();
    let starts = word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || is_fraction(c));
    // A unit may follow the number directly ("200g"), no more than that.
    starts && word.chars().count() - digits <= 3
}

fn is_fraction(c: char) -> bool {
    matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔' | '⅛')
}

fn is_group_heading(l: &Line) -> bool {
    let text = l.text.trim();
    text.ends_with(':') && l.words <= HEADING_WORDS && !is_quantity_line(text)
}

/// Whether line `i` is one of a run of ingredients.
pub(super) fn in_ingredients(lines: &[Line], i: usize) -> bool {
    is_quantity_line(&lines[i].text) && run_around(lines, i).len() >= RUN
}

/// An ingredient named without a quantity ("Salz", "Some cooking oil"):
/// a few words that do not end as a sentence.
fn is_plain_item(l: &Line) -> bool {
    matches!(l.kind, Kind::Short | Kind::Heading)
        && l.words <= HEADING_WORDS
        && l.date.is_none()
        && l.byline.is_none()
        && !l.text.trim_end().ends_with(['.', '!', '?', ':'])
}

/// The quantity lines of the run holding `i` (group headings, ingredients
/// without a quantity and noise between them allowed).
fn run_around(lines: &[Line], i: usize) -> Vec<usize> {
    let part = |l: &Line| {
        l.kind == Kind::Noise
            || is_group_heading(l)
            || is_plain_item(l)
            || is_quantity_line(&l.text)
    };
    let top = (0..i)
        .rev()
        .take_while(|&j| part(&lines[j]))
        .last()
        .unwrap_or(i);
    let bottom = (i + 1..lines.len())
        .take_while(|&j| part(&lines[j]))
        .last()
        .unwrap_or(i);
    (top..=bottom)
        .filter(|&j| is_quantity_line(&lines[j].text))
        .collect()
}

/// The first quantity line among the first [`GAP`] of `order` whose run
/// is long enough to be a list, with that run's quantity lines.
fn first_list(lines: &[Line], order: impl Iterator<Item = usize>) -> Option<(usize, Vec<usize>)> {
    order
        .take(GAP)
        .filter(|&j| is_quantity_line(&lines[j].text))
        .map(|j| (j, run_around(lines, j)))
        .find(|(_, run)| run.len() >= RUN)
}

/// The lines of the ingredients list that ends at most [`GAP`] lines above
/// `start` and below `floor`, top to bottom, group headings included.
pub(super) fn ingredient_lines(lines: &[Line], start: usize, floor: usize) -> Vec<usize> {
    // Nutrition values ("53,82 g") may stand between: the nearest run long
    // enough is the list.
    let Some((last, run)) = first_list(lines, (floor..start).rev()) else {
        return Vec::new();
    };
    // A heading right above the first quantity names its group.
    let top = heading_above(lines, run[0], floor);
    (top.max(floor)..=last)
        .filter(|&j| lines[j].kind != Kind::Noise)
        .collect()
}

/// Lines a recipe card's heading may take between its ingredients and its
/// first step ("Directions", "Zubereitung").
const STEPS_GAP: usize = 2;
/// Fewest steps that make a recipe's method.
const MIN_STEPS: usize = 2;

/// A step of a method: prose, or a line of three words or more ending as a
/// sentence ("Remove and drain on paper towels.").
fn is_step(l: &Line) -> bool {
    l.is_text()
        || (l.words >= 3
            && l.date.is_none()
            && final_char(
                l.text
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && !".!?".contains(c)),
            )
            .is_some_and(|c| matches!(c, '.' | '!' | '?')))
}

/// A recipe card after the body (a blog post's story, then the recipe): its
/// ingredients starting at most [`GAP`] lines under `end`, and the steps
/// right after them, top to bottom; nothing without two steps or more.
pub(super) fn card_after(lines: &[Line], end: usize) -> Vec<usize> {
    let Some((_, run)) = first_list(lines, end + 1..lines.len()) else {
        return Vec::new();
    };
    let (first, last) = (run[0], run[run.len() - 1]);
    let mut steps = Vec::new();
    let mut passed = 0;
    for (j, l) in lines.iter().enumerate().skip(last + 1) {
        if l.kind == Kind::Noise {
            continue;
        }
        if is_step(l) {
            steps.push(j);
        } else if steps.is_empty() && passed < STEPS_GAP && !matches!(l.kind, Kind::Barrier(_)) {
            passed += 1;
        } else {
            break;
        }
    }
    if steps.len() < MIN_STEPS {
        return Vec::new();
    }
    let top = heading_above(lines, first, end + 1);
    (top..=last)
        .filter(|&j| lines[j].kind != Kind::Noise)
        .chain(steps)
        .collect()
}

/// `first`, or the group heading right above it (not above `floor`).
fn heading_above(lines: &[Line], first: usize, floor: usize) -> usize {
    (floor..first)
        .rev()
        .find(|&j| lines[j].kind != Kind::Noise)
        .filter(|&j| is_group_heading(&lines[j]))
        .unwrap_or(first)
}

/// Words of a time after its number ("30 Minuten", "1 hour").
const TIME_UNITS: &[&str] = &[
    "min", "min.", "mins", "minute", "minutes", "minuten", "minuti", "minutos", "std", "std.",
    "stunde", "stunden", "h", "hr", "hrs", "hour", "hours", "ora", "ore", "hora", "horas", "heure",
    "heures",
];

/// A recipe's times ("Arbeitszeit ca. 30 Minuten Backzeit ca. 1 Stunde",
/// "120 Minuten (+ 300 Minuten Wartezeit)"): two times or more on a line
/// of no sentence. A headline names one time at most.
pub(super) fn is_timing_line(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let times = words
        .windows(2)
        .filter(|w| is_quantity(&w[0]) && TIME_UNITS.contains(&w[1].as_str()))
        .count();
    times >= 2 && !text.trim_end().ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::textpage::parse_text_page;

    #[test]
    fn quantities_and_times_are_told_from_headlines() {
        for line in [
            "125 g Mehl",
            "½ cup sugar",
            "2 Pck. Vanillezucker",
            "200g Butter",
            "1-2 Eier",
        ] {
            assert!(is_quantity_line(line), "{line}");
        }
        for line in [
            "2021 war ein gutes Jahr für die Bäcker des Ortes, sagte der Meister am Montag.",
            "Mehl",
        ] {
            assert!(!is_quantity_line(line), "{line}");
        }
        assert!(is_timing_line(
            "Arbeitszeit ca. 30 Minuten Backzeit ca. 1 Stunde"
        ));
        assert!(!is_timing_line("In 30 Minuten zum perfekten Kuchen"));
    }

    #[test]
    fn a_headline_opening_with_a_number_is_a_headline_still() {
        let text = "Kochbuch\nRezepte\n5 Dinge, die Sie über Kuchen wissen sollten\nvon Anna Rossi\n\
Ein Kuchen gelingt, wenn der Teig ruht, der Ofen vorgeheizt ist und niemand die Tür zu früh öffnet, sagen die Bäcker.\n\
Auch die Form zählt: Eine helle Form backt langsamer als eine dunkle, und Glas braucht zehn Minuten mehr.\n";
        let article = parse_text_page(text).expect("page parses");
        assert_eq!(article.title, "5 Dinge, die Sie über Kuchen wissen sollten");
    }

    #[test]
    fn a_recipes_ingredients_open_its_body_and_are_never_its_title() {
        let text = "Kochbuch\nRezepte\nKuchen\nApfelkuchen vom Blech\nvon Anna Rossi\nZutaten\n\
Für den Teig:\n250 g Mehl\n125 g Zucker\n125 g Butter\n1 Ei\nFür den Belag:\n1 kg Äpfel\n2 EL Zimt\n\
Nährwerte pro Portion\n320 kcal\nZubereitung\n\
Mehl, Zucker, Butter und das Ei zu einem glatten Teig verkneten und eine halbe Stunde kühl stellen, bis er fest ist.\n\
Die Äpfel schälen, in Spalten schneiden und mit dem Zimt mischen, dann dicht an dicht auf dem ausgerollten Teig verteilen.\n\
Den Kuchen bei 180 Grad etwa vierzig Minuten backen, bis die Äpfel weich sind und der Rand goldbraun ist.\n\
Kommentare\n";
        let article = parse_text_page(text).expect("page parses");
        assert_eq!(article.title, "Apfelkuchen vom Blech");
        assert_eq!(
            article.body[..3],
            ["Für den Teig:", "250 g Mehl", "125 g Zucker"],
            "{:?}",
            article.body
        );
        assert!(
            article.body.iter().any(|p| p == "2 EL Zimt"),
            "{:?}",
            article.body
        );
        assert!(
            article
                .body
                .last()
                .is_some_and(|p| p.starts_with("Den Kuchen"))
        );
    }

    #[test]
    fn a_recipe_card_after_the_story_joins_the_body() {
        let text = "Kitchen Notes\nRecipes\nTravel\nTofu Noodles for a Busy Evening\nSeptember 28, 2020\n\
Once in a while I like to cook without meat, and these noodles have become my favourite dish for the evenings when time is short.\n\
The only slow part is frying the tofu until it is golden, which you can do while the noodles soak in hot water.\n\
Print\nTofu Noodles\nServings\n2\nIngredients\n\
1/2 block of tofu, diced\n120g rice noodles\n1 tbsp minced garlic\nSome bean sprouts\nSome cooking oil\n\
2 tbsp sweet soy sauce\n1 tsp sugar\nDirections\n\
Dice the tofu and fry it in the oil until the edges are golden.\n\
Add the garlic and the noodles, then the sauce and the sugar.\n\
Stir in the bean sprouts and serve hot.\n\
Related\nChilli Fishcake Balls\nLeave a Comment\n";
        let article = parse_text_page(text).expect("page parses");
        let body = &article.body;
        assert!(body[0].starts_with("Once in a while"), "{body:?}");
        assert!(body.iter().any(|p| p == "Some bean sprouts"), "{body:?}");
        assert!(body.iter().any(|p| p == "1 tsp sugar"), "{body:?}");
        assert_eq!(
            body.last().map(String::as_str),
            Some("Stir in the bean sprouts and serve hot.")
        );
        assert!(
            !body
                .iter()
                .any(|p| p == "Directions" || p.contains("Fishcake")),
            "{body:?}"
        );
    }
}
