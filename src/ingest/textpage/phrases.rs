//! Multilingual phrase lists of section markers: related lists, comments,
//! an article's end, and inline boxes inside its body.

use super::lines::{Barrier, marker_key};
use super::related_phrases::{RELATED, RELATED_COLON_PREFIX, RELATED_PREFIX, RELATED_SUFFIX};

const COMMENTS: &[&str] = &[
    "comments",
    "view comments",
    "show comments",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "join the discussion",
    "join the conversation",
    "there are comments",
    "responses",
    "discussion",
    "commenti",
    "lascia un commento",
    "scrivi un commento",
    "commentaires",
    "laisser un commentaire",
    "kommentare",
    "comentarios",
    "deja un comentario",
    "comentários",
    // A comment form's heading.
    "write a comment",
    "schreibe einen kommentar",
    "hinterlasse einen kommentar",
    "hinterlasse jetzt einen kommentar",
    "kommentar hinterlassen",
    "einen kommentar hinterlassen",
    "kommentar verfassen",
    "kommentar schreiben",
    "kommentar hinzufügen",
    "deja una respuesta",
    "deixe um comentário",
    "deixe uma resposta",
    "napisz komentarz",
    "评论",
    "留言",
];

const END: &[&str] = &[
    "tags",
    "tag",
    "tag correlati",
    "argomenti",
    "topics",
    "more about",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "condividi questo articolo",
    "condividi l'articolo",
    "partager cet article",
    "artikel teilen",
    "compartir este artículo",
    "written by",
    "about the author",
    "sull'autore",
    "l'autore",
    "à propos de l'auteur",
    "über den autor",
    "über die autorin",
    "zum autor",
    "zur autorin",
    "sobre el autor",
    "sobre a autora",
    "sobre o autor",
    "o autorze",
    "similar posts",
    // The links to the previous and next posts under a blog's post.
    "post navigation",
    "beitrags-navigation",
    "beitragsnavigation",
    "artikel-navigation",
    "artikelnavigation",
    "navigation des articles",
    "navigazione articoli",
    "navegación de entradas",
    "image credits",
    "photo credits",
    "picture credits",
    "bildnachweis",
    "bildnachweise",
    "fotonachweis",
    "crédits photos",
    "crédits photo",
];

/// An author box's label alone over the writer's name and note ("Author",
/// "AUTOR"); with a colon, it is a credit's label ("Author: Anna Rossi").
const AUTHOR_BOX: &[&str] = &["author", "autor", "autorin", "auteur", "autore"];

/// Prefixes of lines that close an article whatever their length ("Tags: a, b, c").
const END_PREFIX: &[&str] = &[
    "tags:",
    "tag:",
    "tagged:",
    "tagged ",
    "tag correlati",
    "argomenti:",
    "in this article:",
    "more about:",
    "topics:",
    "filed under:",
    "schlagwörter",
    "étiquettes",
    "etiquetas:",
    "mots-clés",
    "posted in ",
];

/// Inline boxes inside an article body.
const SOFT: &[&str] = &[
    "read more",
    "read also",
    "see also",
    "related reading",
    "leggi anche",
    "leggi di più",
    "leggi l'articolo",
    "approfondisci",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire la suite",
    "lee también",
    "leé también",
    "leer más",
    "leia também",
    "leia mais",
    "veja também",
    "lesen sie auch",
    "auch interessant",
    "mehr lesen",
    "le puede interesar",
    "czytaj też",
    "czytaj także",
    "przeczytaj też",
    "przeczytaj także",
    "zobacz też",
    "zobacz także",
];

pub(super) fn matches_list(key: &str, list: &[&str]) -> bool {
    list.contains(&key)
}

/// What follows the count of the comments on a post in the heading over
/// them ("12 thoughts on “Title”", "3 Gedanken zu …").
const COMMENTS_ON: &[&str] = &[
    "thoughts on ",
    "thought on ",
    "responses to ",
    "response to ",
    "replies to ",
    "reply to ",
    "comments on ",
    "comment on ",
    "gedanken zu ",
    "gedanke zu ",
    "kommentare zu ",
    "kommentar zu ",
    "antworten auf ",
    "commenti su ",
    "risposte a ",
    "réponses à ",
    "commentaires sur ",
    "comentarios en ",
    "respuestas a ",
    "comentários em ",
    "komentarzy do ",
    "reacties op ",
];

/// Whether the line heads one reader's comment ("Anna Rossi says:"), not
/// the comments as a whole: a quote in the article may be set so too.
pub(super) fn heads_one_comment(text: &str) -> bool {
    is_comment_head(text.to_lowercase().trim())
}

/// A count of comments and the post they are on, its title quoted: the
/// heading over a post's comments, whatever the post's title ("5 Antworten
/// auf die wichtigsten Fragen" is a headline; its title is not quoted).
fn counts_comments_on(lower: &str) -> bool {
    let Some((count, rest)) = lower.split_once(' ') else {
        return false;
    };
    let quoted = |title: &str| title.starts_with(['“', '„', '"', '«', '‘', '\'', '»', '‚']);
    count.chars().all(|c| c.is_ascii_digit())
        && !count.is_empty()
        && COMMENTS_ON
            .iter()
            .any(|p| rest.strip_prefix(p).is_some_and(quoted))
}

/// How a comment's head ends after its author's name ("Anna Rossi says:").
const SAYS: &[&str] = &[
    " says:",
    " said:",
    " wrote:",
    " sagt:",
    " schreibt:",
    " schrieb:",
    " dice:",
    " scrive:",
    " dit :",
    " dit:",
    " écrit :",
    " escribió:",
    " disse:",
];
/// How a comment's head opens before its author's name.
const COMMENT_BY: &[&str] = &["comment by ", "kommentar von ", "commento di "];

/// A reader comment's head: its author's name and "says:", or "Comment by"
/// and the name (a date may follow), a few words at most.
fn is_comment_head(lower: &str) -> bool {
    let words = lower.split_whitespace().count();
    (words <= 6 && SAYS.iter().any(|s| lower.ends_with(s)))
        || (words <= 12 && COMMENT_BY.iter().any(|p| lower.starts_with(p)))
}

/// The button that closes a reply form, set after the form's heading
/// ("Leave a Reply Cancel reply").
const CANCEL_REPLY: &[&str] = &[
    "cancel reply",
    "antworten abbrechen",
    "antwort abbrechen",
    "kommentar abbrechen",
    "annuler la réponse",
    "cancelar respuesta",
    "annulla risposta",
];

/// Whether the line holds a reply form's cancel button, alone or after
/// the form's heading: the form closes a post, however short.
pub(super) fn is_reply_form(text: &str) -> bool {
    let key = marker_key(text);
    text.chars().count() <= 60 && CANCEL_REPLY.iter().any(|c| key.ends_with(c))
}

/// The key without a reply form's cancel button after its heading; `None`
/// for the button alone.
fn without_cancel(key: &str) -> Option<&str> {
    match CANCEL_REPLY.iter().find_map(|c| key.strip_suffix(c)) {
        Some(head) => Some(head.trim_end()).filter(|h| !h.is_empty()),
        None => Some(key),
    }
}

pub(super) fn barrier(text: &str) -> Option<Barrier> {
    let lower = text.to_lowercase();
    let lower = lower.trim();
    if text.chars().count() <= 200 && END_PREFIX.iter().any(|p| lower.starts_with(p)) {
        return Some(Barrier::End);
    }
    if super::footer::is_legal_footer(text) || super::author_note::is_author_box_head(text) {
        return Some(Barrier::End);
    }
    if text.chars().count() <= 200 && counts_comments_on(lower) {
        return Some(Barrier::Comments);
    }
    if text.chars().count() > 60 {
        return None;
    }
    let key = marker_key(text);
    let Some(key) = without_cancel(&key) else {
        return Some(Barrier::Comments);
    };
    let key = key.strip_prefix("view all ").unwrap_or(key);
    let colon = text.trim_end().ends_with(':');
    if matches_list(key, RELATED)
        || RELATED_PREFIX.iter().any(|p| key.starts_with(p))
        || RELATED_SUFFIX.iter().any(|p| key.ends_with(p))
        || (colon
            && RELATED_COLON_PREFIX
                .iter()
                .any(|p| key.len() > p.len() && key.starts_with(p)))
        || names_what_it_relates(key)
    {
        return Some(Barrier::Related);
    }
    if matches_list(key, COMMENTS) || is_comment_head(lower) {
        return Some(Barrier::Comments);
    }
    if lower.starts_with(|c: char| c.is_ascii_digit())
        && (key == "comments" || key == "comment" || key == "commenti" || key == "responses")
    {
        return Some(Barrier::Comments);
    }
    if matches_list(key, END) || (!colon && matches_list(key, AUTHOR_BOX)) {
        return Some(Barrier::End);
    }
    None
}

/// "Related Items", "Related News On Our Site": a related-list heading that
/// names its items or its site, still a short heading.
fn names_what_it_relates(key: &str) -> bool {
    key.starts_with("related ") && key.split_whitespace().count() <= 6
}

pub(super) fn is_soft_marker(text: &str) -> bool {
    text.chars().count() <= 40 && matches_list(&marker_key(text), SOFT)
}

/// Labels, besides [`SOFT`]'s, that open a link to another story set
/// between an article's paragraphs ("Lea también: Title").
const INLINE_LINK: &[&str] = &[
    "read",
    "watch",
    "lea",
    "lea más",
    "lea también",
    "mire",
    "mira",
    "vea",
    "vea también",
    "ver también",
    "puedes ver",
    "te puede interesar",
    "auch lesen",
    "lesen sie",
    "mehr zum thema",
    "leggi",
    "guarda anche",
    "lire",
    "à voir aussi",
    "lees ook",
    "lees meer",
];
/// Longest line of such a link.
const INLINE_LINK_CHARS: usize = 200;
/// Most words of its label.
const INLINE_LINK_LABEL: usize = 3;

/// A link to another story set inside the article: a reading label, a
/// colon and the story's headline, on one line.
pub(super) fn is_inline_link(text: &str) -> bool {
    if is_double_arrow_link(text) {
        return true;
    }
    let Some((label, headline)) = text.split_once(':') else {
        return false;
    };
    let key = marker_key(label);
    text.chars().count() <= INLINE_LINK_CHARS
        && label.split_whitespace().count() <= INLINE_LINK_LABEL
        && headline.split_whitespace().count() >= 2
        && (matches_list(&key, SOFT) || matches_list(&key, INLINE_LINK))
}

/// Another story's headline opened by a double or triple arrow (">>> Supplier
/// profits from the recovery", ">> Headline <<"): a link set inside the
/// article. A single arrow may open a quoted reply or a breadcrumb; a
/// prompt of code (">>> foo()") reads as code, not as a headline.
fn is_double_arrow_link(text: &str) -> bool {
    let arrows = text.chars().take_while(|c| matches!(c, '>' | '»')).count();
    let rest = text.trim_start_matches(['>', '»']);
    let headline = rest.trim_start().starts_with(char::is_uppercase)
        && !rest.contains(['=', '[', '{', ';'])
        && !rest.contains("()");
    (2..=3).contains(&arrows)
        && rest.starts_with(char::is_whitespace)
        && rest.split_whitespace().count() >= 2
        && headline
        && text.chars().count() <= INLINE_LINK_CHARS
}

pub(super) fn is_related_marker(text: &str) -> bool {
    barrier(text) == Some(Barrier::Related) || is_soft_marker(text)
}
