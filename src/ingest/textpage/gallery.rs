//! A picture gallery copied with its counter ("1/50 United goin down",
//! "2/50 Star Wars boosts economy"): each picture's title, caption and
//! credit carry nothing of the article the gallery is set in.

use super::lines::{Kind, Line};

/// Pictures a gallery counts at least.
const MIN_PICTURES: usize = 3;
/// Most pictures a counter counts.
const MAX_PICTURES: usize = 500;
/// Most lines between two pictures' counters (a title, its caption, a
/// credit).
const ITEM_LINES: usize = 4;
/// Most words of a picture's title over its caption.
const TITLE_WORDS: usize = 8;

/// The counter opening a line ("12/50 Rogue trader freed"): the picture's
/// place and the gallery's size.
fn counter(text: &str) -> Option<(usize, usize)> {
    let head = text.split_whitespace().next()?;
    let (k, n) = head.split_once('/')?;
    let k: usize = k.parse().ok()?;
    let n: usize = n.parse().ok()?;
    ((1..=n).contains(&k) && (MIN_PICTURES..=MAX_PICTURES).contains(&n)).then_some((k, n))
}

/// Marks a gallery's lines as noise: [`MIN_PICTURES`] counters or more of
/// one size, counting up, each a few lines after the last. A counter's
/// line of a few words is a picture's title: the lines up to the next
/// counter (its caption and credit) go with it, and after the last title
/// its caption line.
pub(super) fn mark_galleries(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let Some((k0, n)) = counter(&lines[i].text) else {
            i += 1;
            continue;
        };
        let mut items = vec![i];
        let mut last_k = k0;
        let mut j = i + 1;
        while j < lines.len() && j <= items[items.len() - 1] + ITEM_LINES {
            if let Some((k, m)) = counter(&lines[j].text) {
                if m != n || k <= last_k {
                    break;
                }
                items.push(j);
                last_k = k;
            }
            j += 1;
        }
        if items.len() < MIN_PICTURES {
            i += 1;
            continue;
        }
        for (x, &at) in items.iter().enumerate() {
            lines[at].kind = Kind::Noise;
            if lines[at].words > TITLE_WORDS {
                continue;
            }
            let until = items
                .get(x + 1)
                .copied()
                .unwrap_or_else(|| (at + 2).min(lines.len()));
            for line in &mut lines[at + 1..until] {
                line.kind = Kind::Noise;
            }
        }
        i = items[items.len() - 1] + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::{build, split_lines};
    use super::*;

    #[test]
    fn a_counted_gallery_is_noise_and_the_text_around_it_is_not() {
        let mut text = String::from(
            "The council approved the new river bridge on Tuesday after a long debate about \
             its cost and the traffic it will bring.\nBusiness news in pictures\n",
        );
        for k in 1..=4 {
            text.push_str(&format!(
                "{k}/4 Picture number {k}\nA caption that tells what the picture {k} shows, in \
                 a sentence of some length for the gallery.\nGetty Images\n"
            ));
        }
        text.push_str(
            "Residents of the old town asked for a study of the bridge traffic before it opens.\n",
        );
        let lines = build(split_lines(&text));
        let noise: Vec<&str> = lines
            .iter()
            .filter(|l| l.kind == Kind::Noise)
            .map(|l| l.text.as_str())
            .collect();
        // The last credit is left: nothing tells it from the text after it.
        assert_eq!(noise.len(), 11, "{noise:?}");
        assert!(lines[0].is_text());
        assert!(lines[lines.len() - 1].is_text());
    }

    #[test]
    fn dates_and_lone_fractions_are_no_gallery() {
        let text = "18/11 Evening debate on the climate\n23/11 General assembly\n\
                    25/11 Film night\n1/3 of the town voted for the bridge.\n";
        let lines = build(split_lines(text));
        assert!(lines.iter().all(|l| l.kind != Kind::Noise));
    }
}
