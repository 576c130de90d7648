//! Multilingual phrase lists of page boilerplate: navigation and button
//! labels, short and long boilerplate lines, image placeholders.

use super::lines::marker_key;
use super::phrases::matches_list;

/// Whole-line navigation and button labels.
const EXACT: &[&str] = &[
    "buy now",
    "shop now",
    "get more info",
    "home",
    "menu",
    "main menu",
    "search",
    "search this site",
    "search this site search",
    "search the site",
    "search site",
    "cerca",
    "cerca nel sito",
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
    "see more",
    "show more",
    "view all",
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
    "learn more",
    "mehr erfahren",
    "en savoir plus",
    "dowiedz się więcej",
    "lust auf mehr",
    "weiter",
    "zurück",
    "previous post",
    "next post",
    "vorheriger beitrag",
    "nächster beitrag",
    "article précédent",
    "article suivant",
    "sort by",
    "sortieren nach",
    "trier par",
    "ordenar por",
    "ordina per",
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
    "temps de lecture",
    "tiempo de lectura",
    "lesezeit",
    "add to cart",
    "add to wishlist",
    "in den warenkorb",
    "zur wunschliste",
    "zum warenkorb",
    "kuva:",
    "(quelle:",
    "ad-blocker",
    "advertising disclosure",
    "amazon associate",
    "bleiben sie auf dem laufenden",
    "keine bevorstehenden veranstaltungen",
    "no upcoming events",
    "czytaj więcej",
    "zum vergrößern",
    "missbrauch melden",
    "empfohlener redaktioneller inhalt",
    "vorschau auf den nächsten artikel",
    "instant access to",
    "immediate online access",
    "keine produkte im warenkorb",
    "cart is empty",
    "no products in the cart",
    "panier est vide",
    "carrito está vacío",
    "carrello è vuoto",
    "ajouter au panier",
    "añadir al carrito",
    "aggiungi al carrello",
    "einwilligen",
    "lesedauer",
    "czas czytania",
    "przeczytasz w",
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
    "comments are moderated",
    "comments are civil",
    "para comentar debes",
    "cancel anytime",
    "cancela cuando quieras",
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
    "are trademarks of",
    "is a trademark of",
    "under license from",
    "under licence from",
    "ad blocker",
    "adblock",
    "privacy policy",
    "terms of use",
    "terms of service",
    "is not supported",
    "enable javascript",
    "abilita javascript",
    "older browser",
    "outdated browser",
    "upgrade your browser",
    "update your browser",
    "supported browser",
    "veralteten browser",
    "browser non supportato",
    "aggiorna il browser",
    "navigateur obsolète",
    "navigateur n'est pas",
    "actualiza tu navegador",
    "navegador no es compatible",
    "abonnez-vous",
    "suscríbete",
    "jetzt abonnieren",
    // A comment form's notes and check boxes, and a blog host's footer.
    "will not be published",
    "wird nicht veröffentlicht",
    "non sarà pubblicato",
    "ne sera pas publiée",
    "no será publicada",
    "notify me of",
    "benachrichtige mich",
    "benachrichtigung bei weiteren kommentaren",
    "informiere mich über neue beiträge",
    "avvisami via e-mail",
    "reduce spam",
    "spam zu reduzieren",
    "ridurre lo spam",
    "réduire les indésirables",
    "comment data is processed",
    "kommentardaten",
    "save my name, email",
    "meinen namen, meine e-mail",
    "free website or blog",
    "kostenlose website oder",
    "kostenlos eine website",
    // A blog post's filing note under its text.
    "this entry was posted in",
    "bookmark the permalink",
    "dieser eintrag wurde veröffentlicht in",
    "lesezeichen auf den permalink",
    "questa voce è stata pubblicata in",
    "cette entrée a été publiée dans",
    "esta entrada fue publicada en",
];

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
    eff <= 60 && (NOISE_CONTAINS.iter().any(|p| lower.contains(p)) || is_comment_count(&lower))
}

/// Names of a comment count's unit.
const COMMENT_UNITS: &[&str] = &[
    "comment",
    "comments",
    "commento",
    "commenti",
    "commentaire",
    "commentaires",
    "kommentar",
    "kommentare",
    "comentario",
    "comentarios",
    "comentários",
    "replies",
    "responses",
];

/// Most words of a comment counter ("New, 203 comments", "203 comments /
/// new"): a widget's count, set anywhere between a headline and its deck.
const COMMENT_COUNT_WORDS: usize = 4;

/// A comment counter: a number and a comment unit, in a few words.
fn is_comment_count(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= COMMENT_COUNT_WORDS
        && words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words.iter().any(|w| COMMENT_UNITS.contains(w))
}

/// Most words of a "powered by" credit ("Proudly powered by WordPress");
/// a longer line saying it is a headline ("Gadgets Powered by Alexa").
const POWERED_BY_WORDS: usize = 5;

/// A credit to the software or service behind the page: opened by "powered
/// by", or a short line holding it.
fn is_powered_by(lower: &str) -> bool {
    lower.starts_with("powered by")
        || (lower.contains("powered by") && lower.split_whitespace().count() <= POWERED_BY_WORDS)
}

/// Names of the count under a rating ("1,0 bei 2 Bewertungen").
const RATING_UNITS: &[&str] = &[
    "bewertung",
    "bewertungen",
    "sterne",
    "sternen",
    "review",
    "reviews",
    "rating",
    "ratings",
    "stars",
    "avis",
    "valoraciones",
    "recensioni",
    "opinii",
];

/// A product's or a recipe's rating: a score with a decimal ("4.5",
/// "1,0") opening the line, and the unit of the count.
fn is_rating(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let score = words.next().unwrap_or_default();
    let decimal = score
        .split_once([',', '.'])
        .is_some_and(|(a, b)| is_number(a) && is_number(b.trim_end_matches([',', ')'])));
    decimal && words.any(|w| RATING_UNITS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A row of buttons the copy joined into one line ("Share Facebook Twitter
/// E-mail"): two or more words, each a button's whole label.
fn is_button_row(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            let key = marker_key(w);
            !key.is_empty() && matches_list(&key, EXACT)
        })
}

pub(super) fn is_boilerplate(text: &str, eff: usize) -> bool {
    let lower = text.to_lowercase();
    if eff <= 40 && matches_list(&marker_key(text), EXACT) {
        return true;
    }
    if eff <= 80 && is_button_row(text) {
        return true;
    }
    if eff <= 100 && SHORT_CONTAINS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if eff <= 100 && is_powered_by(&lower) {
        return true;
    }
    if eff <= 60 && is_rating(&lower) {
        return true;
    }
    if crate::ingest::page::is_server_error(&lower) {
        return true;
    }
    let hits = LONG_CONTAINS.iter().filter(|p| lower.contains(*p)).count();
    hits >= 2 || (hits == 1 && eff <= 300)
}
