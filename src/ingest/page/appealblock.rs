//! A closing block asking the reader for support: "Support our
//! journalism", "We need your help", "Unterstützen Sie uns mit einer
//! Spende!", then the lines that go with it (the offer's terms, a button's
//! label, a payment link, an advert). It starts near the end of the text
//! with a line asking for money, membership or help for the publication;
//! it and everything after it go. A story's sentence about a charity
//! speaks of others, not to the reader, and is not such a line.

use crate::ingest::htmltext::HtmlText;
use crate::model::Block;

use super::appeals::{ACTIONS, ADDRESS, CHANNELS};

/// The block starts among the last this many blocks of the text.
const REACH: usize = 8;

/// Its opening line is this long at most (characters): a few sentences.
const OPENING_LEN: usize = 350;

/// The lines after the opening line are this long at most, each
/// (characters), and this long at most together.
const LINE_LEN: usize = 500;
const AFTER_LEN: usize = 1500;

/// Verbs asking for support, said before whom to support ("support us",
/// "unterstützen Sie uns", "apoya a nuestro periódico").
const SUPPORT_VERBS: &[&str] = &[
    "support",
    "unterstütze",
    "unterstützen",
    "apoya",
    "apoyar",
    "soutenez",
    "soutenir",
    "sostieni",
    "sostenere",
    "wesprzyj",
    "wesprzeć",
];

/// Nouns of support and gifts, said after whose ("your support", "Ihre
/// Spende", "tu apoyo").
const SUPPORT_NOUNS: &[&str] = &[
    "support",
    "unterstützung",
    "apoyo",
    "soutien",
    "sostegno",
    "wsparcie",
    "donation",
    "donations",
    "spende",
    "spenden",
    "donación",
    "donazione",
];

/// Words naming the reader or the publication as the one supported or
/// supporting ("us", "your"); not "we", which tells what the publication
/// does.
const WHOSE: &[&str] = &[
    "us", "our", "your", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "dein",
    "deine", "deiner", "deinen", "ihre", "ihrer", "ihren", "ihrem", "tu", "tus", "nos", "nuestro",
    "nuestra", "nuestros", "nuestras", "votre", "notre", "nous", "vostro", "nostro", "nostra",
];

/// What the publication offers or lives on: membership, subscriptions,
/// its journalism.
const OFFERS: &[&str] = &[
    "membership",
    "subscription",
    "subscriber",
    "subscribers",
    "journalism",
    "journalismus",
    "mitgliedschaft",
    "abo",
    "abonnement",
    "periodismo",
    "membresía",
    "suscripción",
    "journalisme",
    "giornalismo",
];

/// Asking for help in so many words.
const HELP: &[&str] = &[
    "need your help",
    "hilf uns",
    "helfen sie uns",
    "brauchen deine hilfe",
    "brauchen ihre hilfe",
    "ayúdanos",
    "necesitamos tu ayuda",
    "apóyanos",
    "aidez-nous",
    "soutenez-nous",
];

/// Removes the closing support block of `body` (see the module's comment).
pub fn drop_appeal_block(body: &mut HtmlText) {
    let len = body.paragraphs.len();
    let from = len.saturating_sub(REACH);
    let Some(start) =
        (from..len).find(|&at| is_text(body, at) && asks_support(&body.paragraphs[at]))
    else {
        return;
    };
    // Never the whole text.
    if start == 0 {
        return;
    }
    let after = &body.paragraphs[start + 1..];
    let each = after.iter().all(|p| p.chars().count() <= LINE_LEN);
    let total: usize = after.iter().map(|p| p.chars().count()).sum();
    if !each || total > AFTER_LEN {
        return;
    }
    while body.paragraphs.len() > start {
        body.remove(body.paragraphs.len() - 1);
    }
}

/// Whether block `at` is a line of text (a paragraph, heading or item).
fn is_text(body: &HtmlText, at: usize) -> bool {
    body.blocks.is_empty()
        || matches!(
            body.blocks.get(at),
            Some(Block::Paragraph { .. } | Block::Heading { .. } | Block::ListItem { .. })
        )
}

/// A line asking the reader to support the publication: a verb of support
/// with whom ("support us", "unterstützen Sie uns"), a gift or support
/// with whose ("your donation", "deine Unterstützung"), or the verb as a
/// command about its journalism ("Support local journalism"); joining or
/// subscribing to its membership or journalism, said to the reader; or
/// asking for help in so many words.
fn asks_support(text: &str) -> bool {
    let text = text.trim();
    // Quoted: someone's words in the story.
    if text.chars().count() > OPENING_LEN || text.starts_with(['"', '“', '„', '«', '\'']) {
        return false;
    }
    let lower = text.to_lowercase();
    if HELP.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let whose = |at: usize| words.get(at).is_some_and(|w| WHOSE.contains(w));
    let asks = (0..words.len()).any(|at| {
        (SUPPORT_VERBS.contains(&words[at]) && (whose(at + 1) || whose(at + 2)))
            || (SUPPORT_NOUNS.contains(&words[at]) && at > 0 && whose(at - 1))
    });
    let commands =
        words.first().is_some_and(|w| SUPPORT_VERBS.contains(w)) && (has(OFFERS) || has(CHANNELS));
    asks || commands || (has(ACTIONS) && has(OFFERS) && has(ADDRESS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page::test_support::{STORY, kept_by};

    fn kept(html: &str) -> Vec<String> {
        kept_by(html, drop_appeal_block)
    }

    const END: &str = "<p>The new wing opens in the spring.</p>";

    #[test]
    fn a_closing_support_block_goes_with_the_lines_after_it() {
        for appeal in [
            "<h3>Support local journalism</h3><p>Readers like you keep the Courier free. \
             Become a member today.</p>",
            "<p>We need your help</p><p>Keep the words coming to readers everywhere</p>",
            "<p>Wenn Ihnen unsere Arbeit gefällt, unterstützen Sie uns bitte mit einer \
             Spende!</p>",
            "<p>Si te gusta nuestro trabajo, apóyanos con tu membresía.</p>",
            "<p>When you join the Courier family, you get unlimited access to our journalism.</p>",
        ] {
            let html = format!(
                "{STORY}{END}{appeal}<p>Cancel any time.</p><h4>Save 20% on your first year!</h4>\
                 <p>Pay by card</p>"
            );
            assert_eq!(
                kept(&html),
                [
                    "The council voted on Tuesday to keep the library open.",
                    "The new wing opens in the spring."
                ],
                "{appeal}"
            );
        }
    }

    #[test]
    fn a_story_about_donations_or_a_block_far_from_the_end_stays() {
        // Told of others, or quoted: the story's lines.
        for line in [
            "<p>The charity asks residents to donate to the roof fund.</p>",
            "<p>\"Please help us,\" the librarian told the council.</p>",
            "<p>Volunteers support the readers' club every Saturday.</p>",
            "<p>We support the campaign, and we thank all who supported us.</p>",
            "<p>There is little evidence to support this, the mayor told you.</p>",
        ] {
            let html = format!("{STORY}{line}{END}");
            assert_eq!(kept(&html).len(), 3, "{line}");
        }
        // Followed by a long stretch of text: not a closing block.
        let long = "<p>The architects drew the wing around the old reading room, \
             keeping its windows and its oak shelves.</p>"
            .repeat(12);
        let html = format!("{STORY}<p>Support our journalism: become a member.</p>{long}");
        assert_eq!(kept(&html).len(), 14);
    }
}
