//! Page furniture removed before the article is looked for: navigation,
//! asides, footers, forms' controls, and blocks whose class or id names
//! them as sharing buttons, newsletter boxes, comment threads, related lists,
//! cookie notices, author boxes and the like (the names themes and
//! publishing systems commonly use). Readability drops some of these only
//! while the article it finds is long; short articles came with them.
//!
//! A block holding most of the page's text is never removed, whatever it is
//! called: some pages wrap their whole content in a `<form>` or give it a
//! class such as `has-comments`.

use dom_query::{Document, NodeRef};

/// Elements that are page furniture by their tag.
const TAGS: &str = "nav, aside, footer, button, select, dialog, form, \
    [role=navigation], [role=complementary], [role=contentinfo], [role=search], \
    [role=dialog], [role=alertdialog], [role=menu], [role=menubar], \
    [aria-hidden=true], [hidden]";

/// Words of a class or id (split at `-`, `_` and the like) that name
/// furniture wherever they are used.
const WORDS: &[&str] = &[
    "sharedaddy",
    "shariff",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "comments",
    "commentlist",
    "respond",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "breadcrumb",
    "breadcrumbs",
    "copyright",
    "postmetadata",
    "advert",
    "advertisement",
    "popup",
    "tagcloud",
    // Author boxes of common blog plugins (`saboxplugin-wrap`, `abh_box`).
    "saboxplugin",
];

/// Words that name furniture on a small block only: page builders also
/// use them for whole articles (`share-zone`, `entry no-share`,
/// `related-to-size`).
const SMALL_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "socials",
    "related",
    "rating",
    "ratings",
    "sponsor",
    "sponsored",
    "pagination",
    "pager",
];

/// Words that name a photo's credit ("Agency / Photographer"): the line
/// of a caption that says who took the picture, not what it shows. Only a
/// short inline element without an image goes: some themes name the whole
/// figure, or the caption's paragraph, "credit"; the caption stays then.
const CREDIT_WORDS: &[&str] = &["credit", "credits", "photocredit", "imagecredit"];

/// Words naming a live ticker, whose entries some pages call comments.
const LIVE: &[&str] = &["live", "liveblog", "ticker", "liveticker"];

fn is_comment(word: &str) -> bool {
    matches!(word, "comments" | "commentlist")
}

/// Two words that together name furniture ("author bio", "entry meta").
const PAIRS: &[(&str, &str)] = &[
    ("author", "bio"),
    ("author", "box"),
    ("author", "info"),
    ("about", "author"),
    ("entry", "meta"),
    ("post", "meta"),
    ("entry", "utility"),
    ("entry", "footer"),
    ("post", "tags"),
    ("tag", "links"),
    ("tags", "links"),
    ("news", "letter"),
    ("abh", "box"),
];

/// A block with more than this share of the page's text is kept.
const MAX_SHARE: f64 = 0.5;

/// Blocks named by `SMALL_WORDS` hold fewer characters than this.
const SMALL: usize = 600;

/// Blocks named by `CREDIT_WORDS` hold fewer characters than this.
const CREDIT_LEN: usize = 80;

/// Removes the furniture of `doc` (see the module's comment).
pub fn prune(doc: &Document) {
    let total = doc.select("body").nodes().first().map_or(0, text_len);
    if total == 0 {
        return;
    }
    let mut found: Vec<NodeRef> = doc.select(TAGS).nodes().to_vec();
    let mut small: Vec<NodeRef> = Vec::new();
    let mut credits: Vec<NodeRef> = Vec::new();
    for node in doc.select("[class], [id]").nodes() {
        match named(node) {
            Named::Furniture => found.push(*node),
            Named::Small => small.push(*node),
            Named::Credit => credits.push(*node),
            Named::Not => {}
        }
    }
    for node in found {
        if removable(&node) && (text_len(&node) as f64) <= MAX_SHARE * total as f64 {
            node.remove_from_parent();
        }
    }
    for node in small {
        if removable(&node) && text_len(&node) < SMALL {
            node.remove_from_parent();
        }
    }
    for node in credits {
        let has_image = node
            .descendants_it()
            .any(|d| matches!(d.node_name().as_deref(), Some("img" | "picture" | "figure")));
        let inline = matches!(
            node.node_name().as_deref(),
            Some("span" | "small" | "cite" | "em" | "i" | "b" | "strong")
        );
        if inline && !has_image && text_len(&node) < CREDIT_LEN {
            node.remove_from_parent();
        }
    }
}

trait HoldsH1 {
    fn select_h1(&self) -> bool;
}

impl HoldsH1 for NodeRef<'_> {
    /// Whether the node holds the page's `<h1>` (the article's own heading).
    fn select_h1(&self) -> bool {
        self.descendants_it()
            .any(|d| d.node_name().as_deref() == Some("h1"))
    }
}

/// Whether a node may go: never the page's frame, nor what holds its `<h1>`.
fn removable(node: &NodeRef) -> bool {
    !matches!(
        node.node_name().as_deref(),
        Some("html" | "body" | "main" | "article")
    ) && !node.select_h1()
}

enum Named {
    Furniture,
    Small,
    Credit,
    Not,
}

/// What the class and id of a node say it is.
fn named(node: &NodeRef) -> Named {
    let names = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    );
    let mut small = false;
    let mut credit = false;
    for name in names.split_whitespace() {
        let words = name_words(name);
        let pair = || {
            PAIRS
                .iter()
                .any(|(a, b)| words.windows(2).any(|pair| pair[0] == *a && pair[1] == *b))
        };
        // A live ticker's entries are its text, whatever they are called
        // (`live-match-comments`, `ticker-comment`).
        let live = words.iter().any(|w| LIVE.contains(&w.as_str()));
        let furniture = |w: &String| WORDS.contains(&w.as_str()) && !(live && is_comment(w));
        if words.iter().any(furniture) || pair() {
            return Named::Furniture;
        }
        small |= words.iter().any(|w| SMALL_WORDS.contains(&w.as_str()));
        credit |= words.iter().any(|w| CREDIT_WORDS.contains(&w.as_str()));
    }
    if small {
        Named::Small
    } else if credit {
        Named::Credit
    } else {
        Named::Not
    }
}

/// The words of one class or id name, split at `-`, `_` and the like and
/// where a lower-case letter meets a capital (`relatedArticles`,
/// `AuthorBox`), lowercased.
pub(super) fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut lower_before = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            lower_before = false;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if c.is_ascii_uppercase() && lower_before && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        lower_before = c.is_ascii_lowercase() || c.is_ascii_digit();
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Characters of a node's text, whitespace left out.
pub(super) fn text_len(node: &NodeRef) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruned(html: &str) -> String {
        let doc = Document::from(html);
        prune(&doc);
        doc.select("body")
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    const STORY: &str = "<p>The council voted on Tuesday to keep the library open for \
        another ten years, after a long debate about its budget and its readers.</p>";

    #[test]
    fn furniture_goes_by_tag_role_and_name() {
        let html = format!(
            "<body><nav>Home News</nav><div role=navigation>Menu</div>{STORY}\
             <aside>Most read</aside><div class='newsletter-box'>Sign up</div>\
             <div id='cookie_notice'>We use cookies</div><div class='post-meta'>By Jane</div>\
             <ul class='share-buttons'><li>Share</li></ul><footer>Imprint</footer></body>"
        );
        assert_eq!(
            pruned(&html),
            "The council voted on Tuesday to keep the library open for another ten years, \
             after a long debate about its budget and its readers."
        );
    }

    #[test]
    fn a_blog_plugin_s_author_box_goes() {
        let html = format!(
            "<body>{STORY}<div class='saboxplugin-wrap'><div class='saboxplugin-desc'>\
             <p>Jane writes about libraries.</p></div></div><div class='abh_box abh_box_down'>\
             <div class='abh_description'>Jane has run the reading club since 2010.</div>\
             </div></body>"
        );
        assert_eq!(
            pruned(&html),
            "The council voted on Tuesday to keep the library open for another ten years, \
             after a long debate about its budget and its readers."
        );
    }

    #[test]
    fn a_block_holding_the_article_stays_whatever_its_name() {
        // Page builders name whole articles `share-zone`; some pages are one form.
        let long = STORY.repeat(6);
        let html =
            format!("<body><div class='entry share-zone'>{long}</div><p>Short aside.</p></body>");
        assert!(pruned(&html).starts_with("The council"));
        let html = format!("<body><form>{STORY}</form><p>Footer line.</p></body>");
        assert!(pruned(&html).starts_with("The council"));
        let html = format!(
            "<body><div class='has-comments'><h1>Title</h1>{STORY}</div>{STORY}{STORY}</body>"
        );
        assert!(pruned(&html).starts_with("Title"));
    }

    #[test]
    fn a_short_credit_goes_and_a_figure_named_credit_stays() {
        let html = format!(
            "<body><figure><img src='a.jpg'><figcaption><span class='caption'>The new \
             bridge at dusk.</span><span class='photo-credit'>Agency / J. Doe</span>\
             </figcaption></figure>{STORY}</body>"
        );
        let got = pruned(&html);
        assert!(got.starts_with("The new bridge at dusk."), "{got}");
        assert!(!got.contains("J. Doe"), "{got}");
        let html = format!(
            "<body><div class='has-credit'><img src='a.jpg'>The bridge.</div>{STORY}</body>"
        );
        assert!(pruned(&html).starts_with("The bridge."));
        let html = format!("<body><p class='credit'>The bridge. | Agency</p>{STORY}</body>");
        assert!(pruned(&html).starts_with("The bridge. | Agency"));
    }

    #[test]
    fn names_written_in_camel_case_are_split_into_words() {
        let html = format!(
            "<body>{STORY}<div class='postAuthorBox'>Jane writes about towns.</div>\
             <ul id='relatedArticlesList'><li>Another vote</li></ul></body>"
        );
        assert!(pruned(&html).ends_with("its readers."), "{}", pruned(&html));
        assert_eq!(
            name_words("relatedArticles-Box2"),
            ["related", "articles", "box2"]
        );
        assert_eq!(name_words("HTMLContent"), ["htmlcontent"]);
    }

    #[test]
    fn a_newsletter_named_in_two_words_goes() {
        let html = format!(
            "<body>{STORY}<div class='news-letter-section'><p>News, tips and trends: \
             we have plenty for you!</p></div></body>"
        );
        assert!(pruned(&html).ends_with("its readers."), "{}", pruned(&html));
    }

    #[test]
    fn a_live_tickers_comments_are_its_text() {
        let html = format!(
            "<body>{STORY}<div class='live-comments'><p>12' Corner kick, cleared.</p></div>\
             <div class='comments'><p>Great match!</p></div></body>"
        );
        let got = pruned(&html);
        assert!(got.ends_with("12' Corner kick, cleared."), "{got}");
    }

    #[test]
    fn words_are_whole_words_of_a_name() {
        // "shared" and "socialist" are not "share" and "social".
        let html = format!("<body><div class='shared socialist'>Kept words</div>{STORY}</body>");
        assert!(pruned(&html).starts_with("Kept words"));
    }
}
