//! Tests of the depth cap (`nesting.rs`).

use super::*;

fn depth_of(html: &str) -> usize {
    let doc = dom_query::Document::from(html);
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

#[test]
fn ordinary_markup_is_left_alone() {
    let page = "<!DOCTYPE html><html><head><title>a <b> c</title>\
        <script>if (a<b && c>d) { x = '</div>'; }</script></head>\
        <body><!-- <div><div> --><p>one<p>two<ul><li>x<li>y</ul>\
        <img src=x><br/><svg><path d='M0>1'/></svg>\
        <a href=\"x>y\" title='q'>link</a><div class=a><div>in</div></div></body></html>";
    assert!(matches!(flatten(page), Cow::Borrowed(_)));
    let unclosed_paragraphs = "<p>para".repeat(10 * MAX_DEPTH);
    assert!(matches!(flatten(&unclosed_paragraphs), Cow::Borrowed(_)));
}

#[test]
fn deep_nesting_is_cut_and_its_text_kept() {
    let deep = format!("<body>{}end</body>", "<div><span><b>x".repeat(10_000));
    let flat = flatten(&deep);
    assert!(flat.len() < deep.len());
    assert_eq!(flat.matches('x').count(), 10_000);
    assert!(
        flat.ends_with("end"),
        "the body end tag is in the flattened part"
    );
    let depth = depth_of(&flat);
    assert!(
        (MAX_DEPTH..=MAX_DEPTH + 8).contains(&depth),
        "depth {depth}"
    );
}

#[test]
fn closed_nesting_past_the_cap_keeps_what_follows() {
    let n = 2 * MAX_DEPTH;
    let deep = format!(
        "<section>{}deep{}</section><p>after</p>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let flat = flatten(&deep);
    assert_eq!(flat.matches("<div>").count(), MAX_DEPTH - 1);
    assert_eq!(flat.matches("</div>").count(), MAX_DEPTH - 1);
    assert!(flat.ends_with("</section><p>after</p>"));
}

#[test]
fn deep_xml_is_cut_past_its_own_cap() {
    let n = 3 * MAX_XML_DEPTH;
    let shallow = "<a>x</a><![CDATA[<b><b>]]><c/>".repeat(n);
    assert!(matches!(flatten_xml(&shallow), Cow::Borrowed(_)));
    let deep = format!("<r>{}x{}</r>", "<p>".repeat(n), "</p>".repeat(n));
    let flat = flatten_xml(&deep);
    assert_eq!(flat.matches("<p>").count(), MAX_XML_DEPTH - 1);
    assert_eq!(flat.matches("</p>").count(), MAX_XML_DEPTH - 1);
    assert!(flat.ends_with("x</p></r>") || flat.ends_with("</p></r>"));
}

#[test]
fn markup_the_parser_reads_is_counted_however_it_hides() {
    // Each ends where the HTML parser ends it, before the nesting.
    let deep = "<div><span><b>".repeat(2 * MAX_DEPTH);
    for start in [
        "<!-->",
        "<!--->",
        "<!-- x --!>",
        "<![CDATA[ x >",
        "<noscript>",
    ] {
        let page = format!("{start}{deep}");
        assert!(flatten(&page).len() < page.len(), "{start}");
    }
    // `/>` closes nothing in HTML, nor after an HTML tag ends an SVG.
    for start in ["", "<svg><path/><p>"] {
        let page = format!("{start}{}", "<div/><i/>".repeat(2 * MAX_DEPTH));
        assert!(flatten(&page).len() < page.len(), "{start}");
    }
    let icons = "<svg><g><path d=''/><circle/></g></svg>".repeat(4 * MAX_DEPTH);
    assert!(matches!(flatten(&icons), Cow::Borrowed(_)));
    let shallow = format!("<script>{deep}</script><!-- {deep} -->");
    assert!(matches!(flatten(&shallow), Cow::Borrowed(_)));
}

#[test]
fn unclosed_markup_at_the_end_is_kept() {
    let text = "<div>a <b class=\"never closed";
    assert_eq!(flatten(text), text);
    assert_eq!(flatten("a < b <"), "a < b <");
    assert_eq!(
        flatten("<script>never closed <div>"),
        "<script>never closed <div>"
    );
}
