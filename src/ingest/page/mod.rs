//! Web pages: the main article of a page, read with `dom_smoothie` (a port
//! of Mozilla's Readability), with its metadata and related-article blocks.

mod appealblock;
pub(crate) mod appeals;
mod byline;
mod closings;
mod escapes;
mod figures;
mod firstlead;
mod headline;
mod ingredients;
mod ldbody;
mod lead;
pub(crate) mod lines;
mod meta;
mod metalines;
mod noscript;
mod oddlines;
mod phrases;
mod prompts;
mod prune;
mod recipe;
mod related;
mod related_heads;
mod repeats;
mod scan;
mod second;
mod siteblurb;
mod standfirst;
mod tagrun;
mod teaserboxes;
mod teasers;
#[cfg(test)]
mod test_support;
mod viewer;
mod widgets;

/// Text copies of a page drop the messages its server printed into it too.
pub(super) use widgets::is_server_error;

use dom_query::Document;
use dom_smoothie::{Config, Readability};
use url::Url;

use super::htmltext::{HtmlText, node_to_text, squash};
use super::ids::with_id;
use super::{ParseError, Source, discover, textpage};
use crate::model::Article;

/// Pages with more elements than this are not scored by Readability (its
/// cost grows with the page); their `<article>` or `<body>` is read instead.
const MAX_ELEMENTS: usize = 60_000;

/// Readability reads a page again with milder cleaning while its text is
/// shorter than this (characters), and keeps the longest text: its default,
/// 500, keeps a widget's paragraph where the story, cut by the cleaning,
/// was shorter.
const MIN_CHARS: usize = 1000;

/// Readability's cost grows with nesting depth too; deeper pages get the
/// same fallback.
const MAX_DEPTH: usize = 400;

/// The article of one web page, with its full text.
pub fn extract_article(html: &[u8], source: &Source) -> Result<Article, ParseError> {
    let text = super::decode::decode(html, source.content_type);
    extract_page(&text, source).map(|(article, _)| article)
}

/// The article of a decoded page, and the feeds the page advertises.
pub(super) fn extract_page(
    text: &str,
    source: &Source,
) -> Result<(Article, Vec<String>), ParseError> {
    let text = &*super::nesting::flatten(text);
    let doc = Document::from(text);
    let meta = meta::PageMeta::read(&doc, source.url);
    let base = source
        .url
        .or(meta.url.as_deref())
        .and_then(|u| Url::parse(u).ok());
    let base_str = base.as_ref().map(Url::as_str).unwrap_or("");
    let feeds = discover::discover_in(&doc, base_str);
    let related = related::find_related(&doc, base.as_ref(), meta.url.as_deref());
    let element_count = doc.select("*").length();
    let deep = !depth_within(&doc, MAX_DEPTH);
    let own_description = meta.description.as_deref().filter(|d| {
        let title = meta.title.as_deref().unwrap_or("");
        !siteblurb::is_site_blurb(d, title, meta.site_name.as_deref(), base.as_ref())
    });
    // Before pruning, which may take the lead's box with the furniture.
    let leads = leads(&doc, &meta, own_description);
    let first_paragraph = (meta.title.as_deref()).and_then(|t| firstlead::after_headline(&doc, t));
    if !deep {
        prune::prune(&doc);
    }
    let found = (element_count <= MAX_ELEMENTS && !deep)
        .then(|| readable(doc.clone(), base_str))
        .flatten()
        .filter(|(body, _, _)| !body.paragraphs.is_empty());
    let found = found.map(|first| reconsidered(&doc, first, &meta, base_str));
    let found = if element_count <= MAX_ELEMENTS && !deep {
        with_noscript(&doc, found, base_str)
    } else {
        found
    };
    let (body, readable_title, byline) =
        found.unwrap_or_else(|| (fallback_text(&doc, base.as_ref()), None, None));
    if body.paragraphs.is_empty() && meta.title.is_none() {
        return Err(ParseError::NoArticle);
    }
    let title = meta
        .title
        .clone()
        .or(readable_title)
        .unwrap_or_else(|| "(untitled)".to_string());
    let mut body = body;
    ldbody::prefer_article_body(&mut body, meta.article_body.as_deref(), base.as_ref());
    ingredients::add_missing(&mut body, &doc, text, base.as_ref());
    recipe::add_missing(&mut body, meta.recipe.as_ref());
    lines::drop_page_lines(&mut body);
    appeals::drop_closing_appeals(&mut body);
    appeals::drop_inline_appeals(&mut body);
    appealblock::drop_appeal_block(&mut body);
    teasers::drop_link_runs(&mut body);
    teasers::drop_inline_promos(&mut body);
    widgets::drop_dangling_end(&mut body);
    closings::drop_closing_boxes(&mut body, base.as_ref());
    // The links, comments and boxes closing the text may have stood after
    // its closing appeals.
    appeals::drop_closing_appeals(&mut body);
    byline::drop_byline_lines(&mut body);
    repeats::drop_repeats(&mut body);
    lines::drop_title_line(&mut body, &title);
    let byline = (meta.byline.as_deref())
        .and_then(textpage::credit_of)
        .or_else(|| byline.as_deref().and_then(textpage::credit_of));
    if let Some(name) = byline.as_deref() {
        let is_credit = |p: &String| p.chars().count() < 80 && p.contains(name);
        if let Some(at) = body.paragraphs.iter().take(3).position(is_credit) {
            body.remove(at);
        }
    }
    // The lead the page sets under its headline stands before the
    // description: it is the article's own opening, which the reader saw
    // on the page; a description is a summary written for search engines
    // and link previews, often another sentence or the lead cut short. A
    // lead the text opens with gives way to the next, then to the
    // description. The first paragraph after the headline comes after a
    // description of its own, before one cut short.
    let fits = |text: Option<&str>| standfirst::standfirst(text, &body.paragraphs);
    let summary = own_description.filter(|d| !lead::is_cut(d));
    let standfirst = (leads.iter())
        .find_map(|lead| fits(Some(lead)))
        .or_else(|| fits(summary))
        .or_else(|| fits(first_paragraph.as_deref()))
        .or_else(|| fits(own_description));
    let mut article = Article {
        title,
        source: meta.site_name.clone(),
        url: meta.url.clone(),
        byline,
        published: meta.published,
        standfirst,
        category: meta.section.clone(),
        lang: meta.lang.clone(),
        related,
        ..Article::default()
    };
    article.links = body.into_body(&mut article);
    Ok((with_id(article), feeds))
}

/// The page's leads, the likeliest first: one named so by its class, the
/// paragraph its description was cut from, the deck under the headline.
fn leads(doc: &Document, meta: &meta::PageMeta, description: Option<&str>) -> Vec<String> {
    let title = meta.title.as_deref();
    [
        title.and_then(|t| lead::find(doc, t)),
        description.and_then(|d| lead::uncut(doc, d)),
        title.and_then(|t| lead::deck(doc, t)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The body, title and byline Readability finds.
type Readable = (HtmlText, Option<String>, Option<String>);

/// Readability's first choice, or its second when the first holds few of
/// the words of the page's headline and description (see `second`).
fn reconsidered(doc: &Document, first: Readable, meta: &meta::PageMeta, base: &str) -> Readable {
    let Some(keys) = second::key_words(meta.title.as_deref(), meta.description.as_deref()) else {
        return first;
    };
    let read = |page: Document| readable(page, base);
    second::second_choice(doc, &first.0, &keys, read, |found| &found.0).unwrap_or(first)
}

/// What Readability finds, or finds with the page's `<noscript>` blocks
/// opened when that is much longer (see `noscript`).
fn with_noscript(doc: &Document, found: Option<Readable>, base: &str) -> Option<Readable> {
    let chars = |found: &Readable| found.0.paragraphs.iter().map(|p| p.chars().count()).sum();
    let read = |page: Document| readable(page, base).filter(|f| !f.0.paragraphs.is_empty());
    noscript::opened(doc, found.as_ref().map_or(0, chars), read, chars).or(found)
}

/// The body, title and byline Readability finds, if any.
fn readable(doc: Document, base: &str) -> Option<Readable> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        char_threshold: MIN_CHARS,
        // The page's JSON-LD is read once, by `meta`.
        disable_json_ld: true,
        // For the class-named boxes looked for in the article (`teaserboxes`).
        keep_classes: true,
        ..Config::default()
    };
    let url = (!base.is_empty()).then_some(base);
    let mut readability = Readability::with_document(doc, url, Some(config)).ok()?;
    let found = readability.parse().ok()?;
    let base = Url::parse(base).ok();
    let content = Document::from(&*super::nesting::flatten(&found.content));
    teaserboxes::drop_teaser_boxes(&content);
    let root = content.body().unwrap_or_else(|| content.root());
    let body = node_to_text(&root, base.as_ref());
    let title = Some(squash(&found.title)).filter(|t| !t.is_empty());
    let byline = found.byline.map(|b| squash(&b)).filter(|b| !b.is_empty());
    Some((body, title, byline))
}

/// Whether no element is nested deeper than `limit` (without recursion).
fn depth_within(doc: &Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return false;
        }
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    true
}

/// The text of the page's `<article>`, `<main>` or `<body>`.
fn fallback_text(doc: &Document, base: Option<&Url>) -> HtmlText {
    for selector in ["article", "main", "[role=main]", "body"] {
        let found = doc.select(selector);
        if let Some(node) = found.nodes().first() {
            let text = node_to_text(node, base);
            if !text.paragraphs.is_empty() {
                return text;
            }
        }
    }
    HtmlText::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "The council voted on Tuesday to keep the library open, after a \
                            petition signed by many of the town's readers. ";

    const LEAD: &str = "The library keeps its doors open for ten more years, the council \
                        decided after a long debate.";

    fn article_of(html: &str) -> Article {
        let source = Source {
            url: Some("https://example.com/story"),
            content_type: None,
        };
        extract_article(html.as_bytes(), &source).expect("article")
    }

    fn body_of(html: &str) -> Vec<String> {
        article_of(html).body
    }

    #[test]
    fn a_byline_gives_the_name_without_its_by_and_date() {
        let html = format!(
            "<html><body><article>\
             <h1>Library stays open</h1><div class='byline'>ByAnna Rossi March 2, 2021</div>\
             <p>{SENTENCE}{SENTENCE}</p><p>{SENTENCE}{SENTENCE}</p><p>{SENTENCE}</p></article></body></html>"
        );
        let article = article_of(&html);
        assert_eq!(article.byline.as_deref(), Some("Anna Rossi"));
    }

    #[test]
    fn a_lead_the_text_opens_with_gives_way_to_the_description() {
        let html = format!(
            "<html><head><title>Library stays open</title><meta name='description' \
             content='Ten more years for the reading rooms on Mill Street'></head><body>\
             <article><h1>Library stays open</h1><p class='lead'>{LEAD}</p>\
             <p>{SENTENCE}{SENTENCE}</p><p>{SENTENCE}{SENTENCE}</p><p>{SENTENCE}</p>\
             </article></body></html>"
        );
        let article = article_of(&html);
        assert_eq!(article.body.first().map(String::as_str), Some(LEAD));
        assert_eq!(
            article.standfirst.as_deref(),
            Some("Ten more years for the reading rooms on Mill Street")
        );
    }

    #[test]
    fn a_named_lead_then_a_summary_then_the_first_paragraph_stand_first() {
        let page = |lead_class: &str, description: &str| {
            format!(
                "<html><head><title>Library stays open</title><meta name='description' \
                 content='{description}'></head><body><div class='top'><h1>Library stays \
                 open</h1><p class='{lead_class}'>{LEAD}</p></div><article>\
                 <p>{SENTENCE}{SENTENCE}</p><p>{SENTENCE}{SENTENCE}</p><p>{SENTENCE}</p>\
                 </article></body></html>"
            )
        };
        let standfirst = |html: String| article_of(&html).standfirst;
        let own = "Ten more years for the reading rooms on Mill Street.";
        assert_eq!(standfirst(page("lead", own)).as_deref(), Some(LEAD));
        assert_eq!(standfirst(page("plain", own)).as_deref(), Some(own));
        let cut = "Ten more years for the reading rooms on Mill Street, the mayor";
        assert_eq!(standfirst(page("plain", cut)).as_deref(), Some(LEAD));
    }

    #[test]
    fn a_teaser_of_another_story_inside_the_article_goes() {
        let html = format!(
            "<html><body><article><h1>Library stays open</h1><p>{SENTENCE}{SENTENCE}</p>\
             <div class='teaser'><a href='/budget'><img src='b.jpg' alt='Books'></a>\
             <h3>Budget: what the town spends on books</h3><p>Spending on the libraries \
             rose by a tenth this year, the treasurer said.</p></div><p>Opening hours stay. {SENTENCE}</p><p>The mayor agreed. {SENTENCE}</p>\
             </article></body></html>"
        );
        let body = body_of(&html);
        assert_eq!(body.len(), 3, "{body:?}");
    }

    #[test]
    fn a_short_story_is_read_again_when_strict_cleaning_cut_part_of_it() {
        // Strict cleaning drops the block named "extra" before scoring;
        // what is left is over Readability's default 500 characters but
        // short of the whole story, which the milder reading keeps.
        let html = format!(
            "<html><body><div class='story'><p>{SENTENCE}</p><p>{}</p><p>{SENTENCE}</p><p>{}</p></div>\
             <div class='extra-text'><p>Opening hours stay as they are, the mayor \
             added, and the reading room reopens next week for everyone.</p></div>\
             </body></html>",
            SENTENCE.repeat(2),
            SENTENCE.repeat(2),
        );
        let body = body_of(&html);
        assert!(
            body.iter().any(|p| p.starts_with("Opening hours")),
            "{body:?}"
        );
    }
}
