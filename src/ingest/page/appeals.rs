//! Appeals closing a page's text: "Subscribe now to our edition for the
//! full story", "Follow us on Twitter", "Download our app". They speak to
//! the reader about the publication, not about the story, and sit after
//! its last paragraph; only that closing run is looked at, so a sentence
//! of the story that mentions a newsletter or an app stays.

use crate::ingest::htmltext::HtmlText;
use crate::model::Block;

/// Appeals are short: longer lines are the story's.
const MAX_CHARS: usize = 300;

/// Words asking the reader to act.
pub(super) const ACTIONS: &[&str] = &[
    "subscribe",
    "subscribing",
    "signing",
    "sign",
    "follow",
    "download",
    "join",
    "log",
    "get",
    "submit",
    "write",
    "unterstütze",
    "unterstützen",
    "hilf",
    "escribirnos",
    "seguir",
    "suscribirse",
    "mira",
    "hazte",
    "hágase",
    "like",
    "support",
    "supporting",
    "visit",
    "besuchen",
    "besucht",
    "visitez",
    "visita",
    "abonnieren",
    "abonniere",
    "melde",
    "meldet",
    "anmelden",
    "abonnez",
    "folgen",
    "folge",
    "suscríbete",
    "suscribete",
    "únete",
    "síguenos",
    "suivez",
    "seguici",
    "iscriviti",
    "zapraszamy",
    "subskrybuj",
    "bestellen",
    "bestelle",
    "order",
    "leave",
    "hinterlasse",
    "hinterlassen",
];

/// Words naming the publication's channels and offers.
pub(super) const CHANNELS: &[&str] = &[
    "newsletter",
    "newsletters",
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "whatsapp",
    "youtube",
    "linkedin",
    "tiktok",
    "app",
    "apps",
    "edition",
    "epaper",
    "e-paper",
    "subscription",
    "subscriber",
    "subscribers",
    "membership",
    "journalism",
    "inbox",
    "story",
    "letter",
    "letters",
    "editor",
    "magazin",
    "magazine",
    "periodismo",
    "miembro",
    "updates",
    "informed",
    "work",
    "shop",
    "store",
    "boutique",
    "tienda",
    "subskrypcji",
    "subskrypcję",
    "prenumeraty",
    "prenumeratę",
    "ausgabe",
    "heft",
    "comment",
    "kommentar",
];

/// Words by which the publication speaks of itself or to the reader.
pub(super) const ADDRESS: &[&str] = &[
    "you", "your", "us", "our", "we", "please", "uns", "unser", "unsere", "unseren", "unserer",
    "unserem", "du", "dich", "dein", "deine", "nuestro", "nuestra", "nuestros", "tu", "nos",
    "vous", "votre", "nous", "ti", "nostro", "nostra",
];

/// Removes the appeals and the notes on the author ending `body` (see the
/// module's comment), with the pictures after them (an app store's badges,
/// social icons).
pub fn drop_closing_appeals(body: &mut HtmlText) {
    let pictures = body
        .blocks
        .iter()
        .rev()
        .take_while(|b| matches!(b, Block::Image { .. }))
        .count();
    let mut removed = false;
    while let Some(last) = (body.paragraphs.len() - pictures).checked_sub(1) {
        let is_text = body.blocks.is_empty()
            || matches!(body.blocks.get(last), Some(Block::Paragraph { .. }));
        let text = &body.paragraphs[last];
        // An ornament ("+++") before appeals goes with them; one ending the
        // text ("=)") is the author's.
        let ornament = removed && !text.chars().any(char::is_alphanumeric);
        let note = crate::ingest::textpage::is_author_note(text);
        if !is_text || !(ornament || is_appeal(text) || opens_with_pitch(text) || note) {
            break;
        }
        body.remove(last);
        removed = true;
    }
    if removed {
        for _ in 0..pictures {
            body.remove(body.paragraphs.len() - 1);
        }
    }
}

/// Verbs of a question asking the reader whether they like or know the
/// publication's own offer ("Gefällt dir unser Magazin?", "Do you know our
/// brand finder?").
const LIKE_OR_KNOW: &[&str] = &[
    "like",
    "enjoy",
    "enjoyed",
    "liked",
    "know",
    "gefällt",
    "gefallen",
    "kennt",
    "kennst",
    "kennen",
    "aimez",
    "connaissez",
    "gusta",
    "conoces",
    "piace",
    "conosci",
];

/// Words of the question opening such a pitch, at most.
const PITCH_WORDS: usize = 8;

/// A closing paragraph opened by a short question to the reader about the
/// publication's own offer: a pitch for the magazine or the shop, not the
/// story.
pub(crate) fn opens_with_pitch(text: &str) -> bool {
    let Some((question, _)) = text.split_once('?') else {
        return false;
    };
    let lower = question.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let ours = has(&[
        "our", "unser", "unsere", "unseren", "unserem", "notre", "nos", "nuestro", "nuestra",
        "nostro", "nostra",
    ]);
    text.chars().count() <= MAX_CHARS && words.len() <= PITCH_WORDS && ours && has(LIKE_OR_KNOW)
}

/// An appeal in the middle of the text is this short (characters).
const INLINE_CHARS: usize = 150;

/// Quotation marks: an appeal inside them is someone's words in the story.
const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»', '‘', '’', '‚', '\''];

/// Removes the appeals standing as paragraphs of their own inside the text
/// ("Never miss the latest news by signing up to our newsletter today!"):
/// short, said as a command or an exclamation, and not quoted. A story's
/// sentence about a newsletter or an app is neither.
pub fn drop_inline_appeals(body: &mut HtmlText) {
    let mut at = 0;
    while at < body.paragraphs.len() {
        let is_text =
            body.blocks.is_empty() || matches!(body.blocks.get(at), Some(Block::Paragraph { .. }));
        if is_text && is_inline_appeal(&body.paragraphs[at]) {
            body.remove(at);
        } else {
            at += 1;
        }
    }
}

/// Words asking for money: "Every donation helps!" is an appeal though it
/// names no channel.
const DONATIONS: &[&str] = &[
    "donate",
    "donation",
    "donations",
    "spende",
    "spenden",
    "spendet",
    "donación",
    "donaciones",
    "dona",
    "donazione",
    "donazioni",
    "darowizna",
];

pub(crate) fn is_inline_appeal(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > INLINE_CHARS || text.contains(QUOTES) {
        return false;
    }
    let asks_money = || {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| DONATIONS.contains(&w))
    };
    if text.ends_with('!') && asks_money() {
        return true;
    }
    if !is_appeal(text) {
        return false;
    }
    let first = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    text.ends_with('!') || first.is_some_and(|w| ACTIONS.contains(&w.as_str()))
}

/// An action and a channel, said to the reader (or as a command: "Follow
/// the Daily on Twitter", or as a promotion: "For the latest news ...").
pub(crate) fn is_appeal(text: &str) -> bool {
    if text.chars().count() > MAX_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    // "Fan-Shop", "e-store": a channel as the last part of a compound.
    let has_channel = words
        .iter()
        .any(|w| CHANNELS.contains(&w.rsplit('-').next().unwrap_or(w)));
    let commands = words.first().is_some_and(|w| ACTIONS.contains(w));
    let promotes = lower.starts_with("for the latest");
    has(ACTIONS) && has_channel && (commands || promotes || has(ADDRESS))
}

#[cfg(test)]
#[path = "appeals_tests.rs"]
mod tests;
