//! Multilingual phrase lists: section markers and page boilerplate.

use super::lines::{Barrier, marker_key};

/// Headings of related-article lists.
const RELATED: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related coverage",
    "related reads",
    "related content",
    "related links",
    "related news",
    "related topics",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended related news",
    "more stories",
    "more news",
    "more to explore",
    "more to read",
    "more articles",
    "read next",
    "what to read next",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "similar posts",
    "similar articles",
    "most popular",
    "most read",
    "popular now",
    "trending",
    "latest news",
    "latest stories",
    "top stories",
    "from around the web",
    "around the web",
    "articoli correlati",
    "articoli simili",
    "notizie correlate",
    "potrebbe interessarti",
    "ti potrebbe interessare",
    "potrebbero interessarti",
    "ti potrebbero interessare",
    "altri articoli",
    "altre notizie",
    "dello stesso autore",
    "più letti",
    "i più letti",
    "ultime notizie",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "à découvrir",
    "les plus lus",
    "weitere artikel",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "ähnliche artikel",
    "meistgelesen",
    "más noticias",
    "noticias relacionadas",
    "artículos relacionados",
    "te puede interesar",
    "también te puede interesar",
    "lo más leído",
    "notícias relacionadas",
    "artigos relacionados",
    "meer nieuws",
    "gerelateerde artikelen",
    "相关文章",
    "相关阅读",
    "推荐阅读",
    "関連記事",
];

/// Prefixes that open a related list ("More from X", "More on Y from Z").
const RELATED_PREFIX: &[&str] = &[
    "more from ",
    "more on ",
    "more in ",
    "popular in",
    "also in ",
    "altro da ",
    "altri articoli di",
    "plus de ",
    "mehr von ",
    "más de ",
];

const COMMENTS: &[&str] = &[
    "comments",
    "comment",
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
    "sobre el autor",
    "similar posts",
];

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
    "leer más",
    "leia também",
    "leia mais",
    "veja também",
    "lesen sie auch",
    "auch interessant",
    "mehr lesen",
];

/// Whole-line navigation and button labels.
const EXACT: &[&str] = &[
    "buy now",
    "shop now",
    "get more info",
    "home",
    "menu",
    "main menu",
    "search",
    "cerca",
    "share",
    "shares",
    "condividi",
    "partager",
    "teilen",
    "compartir",
    "tweet",
    "print",
    "stampa",
    "email",
    "e-mail",
    "mail",
    "save",
    "salva",
    "reply",
    "reply quote",
    "rispondi",
    "report",
    "like",
    "undo",
    "close",
    "chiudi",
    "fermer",
    "more",
    "altro",
    "next",
    "previous",
    "next page",
    "prev",
    "loading",
    "facebook",
    "twitter",
    "linkedin",
    "reddit",
    "pinterest",
    "instagram",
    "youtube",
    "telegram",
    "whatsapp",
    "pocket",
    "flipboard",
    "follow",
    "segui",
    "subscribe",
    "abbonati",
    "login",
    "log in",
    "logout",
    "sign in",
    "sign up",
    "sign out",
    "register",
    "accedi",
    "esci",
    "registrati",
    "advertisement",
    "advertising",
    "pubblicità",
    "sponsored",
    "promoted",
    "publicité",
    "anzeige",
    "publicidad",
    "cancel",
    "annulla",
    "ok",
    "yes",
    "no",
];

/// Distinctive phrases of short boilerplate lines.
const SHORT_CONTAINS: &[&str] = &[
    "skip to",
    "jump to",
    "skip navigation",
    "vai al contenuto",
    "salta al contenuto",
    "aller au contenu",
    "zum inhalt",
    "ir al contenido",
    "newsletter",
    "subscribe to",
    "subscribe for",
    "sign up",
    "sign in",
    "log in",
    "iscriviti",
    "abbonati",
    "abbonamento",
    "follow us",
    "seguici",
    "cookie",
    "privacy policy",
    "privacy statement",
    "terms of use",
    "terms of service",
    "user agreement",
    "all rights reserved",
    "diritti riservati",
    "droits réservés",
    "rechte vorbehalten",
    "derechos reservados",
    "©",
    "(c) ",
    "powered by",
    "click to share",
    "click here",
    "share on",
    "share this",
    "condividi su",
    "min read",
    "minuti di lettura",
    "min de lecture",
    "back to top",
    "torna su",
    "leave a comment",
    "leave a reply",
    "ad blocker",
    "adblock",
    "photo by",
    "photograph:",
    "foto di ",
    "getty images",
    "(photo",
    "(all photos",
    "(foto",
    "foto:",
    "photo:",
    "credit:",
    "image:",
    "download the app",
    "get the app",
    "scarica l'app",
    "pubblicato il",
    "published on",
    "posted on",
    "last updated",
    "aggiornato il",
    "is not supported",
    "sponsored by",
    "promoted by",
    "sponsored links",
    "promoted links",
    "taboola",
    "outbrain",
    "comment as",
    "reading time",
    "tempo di lettura",
    "contact us",
    "contattaci",
    "email address",
    "your email",
    "required fields",
    "dona ora",
    "donate",
    "sostienici",
];

/// Phrases of long boilerplate paragraphs (cookie banners, donation appeals, footers).
const LONG_CONTAINS: &[&str] = &[
    "we use cookies",
    "uses cookies",
    "use of cookies",
    "cookie policy",
    "cookie settings",
    "accept cookies",
    "utilizza cookie",
    "utilizza i cookie",
    "utilizziamo i cookie",
    "utilizziamo cookie",
    "usa i cookie",
    "nous utilisons des cookies",
    "wir verwenden cookies",
    "utilizamos cookies",
    "ti è piaciuto questo articolo",
    "ti è piaciuto l'articolo",
    "did you enjoy this article",
    "did you like this article",
    "enjoyed this article",
    "support our journalism",
    "support independent journalism",
    "support us",
    "supportarci",
    "sostienici",
    "sostenerci",
    "make a donation",
    "fai una donazione",
    "donate now",
    "iscriviti alla newsletter",
    "iscrivendoti",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "follow us on",
    "seguici su",
    "le nostre pagine social",
    "all rights reserved",
    "diritti riservati",
    "tous droits réservés",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "registered trade mark",
    "registered trademark",
    "ad blocker",
    "adblock",
    "privacy policy",
    "terms of use",
    "terms of service",
    "is not supported",
    "enable javascript",
    "abilita javascript",
    "abonnez-vous",
    "suscríbete",
    "jetzt abonnieren",
];

fn matches_list(key: &str, list: &[&str]) -> bool {
    list.contains(&key)
}

pub(super) fn barrier(text: &str) -> Option<Barrier> {
    let lower = text.to_lowercase();
    let lower = lower.trim();
    if text.chars().count() <= 200 && END_PREFIX.iter().any(|p| lower.starts_with(p)) {
        return Some(Barrier::End);
    }
    if text.chars().count() > 60 {
        return None;
    }
    let key = marker_key(text);
    let key = key.strip_prefix("view all ").unwrap_or(&key);
    if matches_list(key, RELATED) || RELATED_PREFIX.iter().any(|p| key.starts_with(p)) {
        return Some(Barrier::Related);
    }
    if matches_list(key, COMMENTS) {
        return Some(Barrier::Comments);
    }
    if lower.starts_with(|c: char| c.is_ascii_digit())
        && (key == "comments" || key == "comment" || key == "commenti" || key == "responses")
    {
        return Some(Barrier::Comments);
    }
    if matches_list(key, END) {
        return Some(Barrier::End);
    }
    None
}

pub(super) fn is_soft_marker(text: &str) -> bool {
    text.chars().count() <= 40 && matches_list(&marker_key(text), SOFT)
}

pub(super) fn is_related_marker(text: &str) -> bool {
    barrier(text) == Some(Barrier::Related) || is_soft_marker(text)
}

/// Image placeholders and similar lines that carry nothing.
const NOISE_CONTAINS: &[&str] = &[
    "immagine di copertina",
    "view this image",
    "image placeholder",
    "cover image",
    "image de couverture",
    "imagen de portada",
];

pub(super) fn is_noise(text: &str, eff: usize) -> bool {
    let lower = text.to_lowercase();
    eff <= 60 && NOISE_CONTAINS.iter().any(|p| lower.contains(p))
}

pub(super) fn is_boilerplate(text: &str, eff: usize) -> bool {
    let lower = text.to_lowercase();
    if eff <= 40 && matches_list(&marker_key(text), EXACT) {
        return true;
    }
    if eff <= 100 && SHORT_CONTAINS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let hits = LONG_CONTAINS.iter().filter(|p| lower.contains(*p)).count();
    hits >= 2 || (hits == 1 && eff <= 300)
}
