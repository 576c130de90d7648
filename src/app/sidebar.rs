//! The related sidebar's model: copies of the open story, entries from the
//! page, similar stored articles and links, laid out as lines (pure, like
//! the reading pane).

use crate::text::wrap::{truncate, wrap};

/// The sections of the sidebar, in order. `SameStory` (other copies of the
/// open article) has no heading: one line per copy, above the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    SameStory,
    FromPage,
    Similar,
    Links,
}

impl Section {
    /// The sections shown under a heading with their count.
    pub const ALL: [Section; 3] = [Section::FromPage, Section::Similar, Section::Links];

    pub fn title(self) -> &'static str {
        match self {
            Section::SameStory => "Same story in",
            Section::FromPage => "From the page",
            Section::Similar => "Similar in your store",
            Section::Links => "Links",
        }
    }

    fn short_title(self) -> &'static str {
        match self {
            Section::SameStory => "Same",
            Section::FromPage => "Page",
            Section::Similar => "Similar",
            Section::Links => "Links",
        }
    }

    fn empty_text(self) -> &'static str {
        match self {
            Section::SameStory => "",
            Section::FromPage => "The page listed no related articles",
            Section::Similar => "Nothing similar yet",
            Section::Links => "No links in this article",
        }
    }
}

/// One selectable entry of the sidebar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideItem {
    pub section: Option<Section>,
    pub title: String,
    /// The dim line under the title: category, score and shared terms, URL.
    pub detail: String,
    /// The stored article this entry opens, if any.
    pub article_id: Option<String>,
    pub url: Option<String>,
    pub blurb: Option<String>,
    pub category: Option<String>,
    /// Where else this story appeared (near-duplicate copies folded into
    /// this entry), shown as one dim "also in:" line.
    pub also_in: Vec<String>,
}

/// What a sidebar line shows, which decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideLineKind {
    /// "Same story in: SOURCE", a copy of the open article.
    SameStory,
    Heading,
    Title,
    Detail,
    Empty,
    Blank,
}

/// One display line of the sidebar, with the entry it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideLine {
    pub kind: SideLineKind,
    pub text: String,
    pub item: Option<usize>,
    /// True for the title lines of entries that open a stored article.
    pub stored: bool,
}

/// Lays the entries out: copies of the open story first, one line each;
/// then a heading per section with its count, each entry's title on at most
/// two lines, its detail line and its "also in:" line, all within `width`.
pub fn sidebar_lines(items: &[SideItem], width: usize) -> Vec<SideLine> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let line = |kind, text: String, item, stored| SideLine {
        kind,
        text,
        item,
        stored,
    };
    for (index, item) in items.iter().enumerate() {
        if item.section == Some(Section::SameStory) {
            let text = same_story_text(&item.title, width);
            lines.push(line(SideLineKind::SameStory, text, Some(index), true));
        }
    }
    for section in Section::ALL {
        if !lines.is_empty() {
            lines.push(line(SideLineKind::Blank, String::new(), None, false));
        }
        let members: Vec<(usize, &SideItem)> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.section == Some(section))
            .collect();
        let mut heading = format!("{} ({})", section.title(), members.len());
        if crate::text::wrap::width(&heading) > width {
            heading = format!("{} ({})", section.short_title(), members.len());
        }
        lines.push(line(
            SideLineKind::Heading,
            truncate(&heading, width),
            None,
            false,
        ));
        if members.is_empty() {
            for text in wrap(section.empty_text(), width) {
                lines.push(line(SideLineKind::Empty, text, None, false));
            }
        }
        for (k, (index, item)) in members.into_iter().enumerate() {
            let stored = item.article_id.is_some();
            let marker = if stored { "▸ " } else { "  " };
            let inner = width.saturating_sub(2).max(1);
            // Links carry the numbers of their `[n]` markers in the text
            // (`3o` opens link 3).
            let numbered = match section {
                Section::Links => format!("[{}] {}", k + 1, item.title),
                _ => item.title.clone(),
            };
            let mut title = wrap(&numbered, inner);
            if title.len() > 2 {
                let full = crate::text::squash(&numbered);
                let rest = full.get(title[0].len()..).unwrap_or_default().trim_start();
                let second = truncate(rest, inner);
                title.truncate(1);
                title.push(second);
            }
            if title.is_empty() {
                title.push(String::new());
            }
            for (n, text) in title.into_iter().enumerate() {
                let prefix = if n == 0 && width > 2 {
                    marker
                } else if width > 2 {
                    "  "
                } else {
                    ""
                };
                lines.push(line(
                    SideLineKind::Title,
                    format!("{prefix}{text}"),
                    Some(index),
                    stored,
                ));
            }
            if !item.detail.is_empty() {
                let prefix = if width > 2 { "  " } else { "" };
                let text = format!("{prefix}{}", truncate(&item.detail, inner));
                lines.push(line(SideLineKind::Detail, text, Some(index), stored));
            }
            if !item.also_in.is_empty() {
                let prefix = if width > 2 { "  " } else { "" };
                let also = format!("also in: {}", item.also_in.join(", "));
                let text = format!("{prefix}{}", truncate(&also, inner));
                lines.push(line(SideLineKind::Detail, text, Some(index), stored));
            }
        }
    }
    lines
}

/// "≡ Same story in: SOURCE", shortened to "≡ Same: SOURCE" and then cut
/// when the pane is narrow.
fn same_story_text(source: &str, width: usize) -> String {
    let marker = if width > 2 { "≡ " } else { "" };
    let long = format!("{marker}{}: {source}", Section::SameStory.title());
    if crate::text::wrap::width(&long) <= width {
        return long;
    }
    let short = format!("{marker}{}: {source}", Section::SameStory.short_title());
    truncate(&short, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::wrap::width;

    fn item(section: Section, title: &str, stored: bool) -> SideItem {
        SideItem {
            section: Some(section),
            title: title.into(),
            detail: "Conflitti Globali".into(),
            article_id: stored.then(|| "abc".into()),
            ..SideItem::default()
        }
    }

    #[test]
    fn sections_with_counts_and_entries() {
        let items = vec![
            item(
                Section::FromPage,
                "Un titolo molto lungo che va a capo più volte nella barra laterale",
                false,
            ),
            item(Section::Similar, "Sputnik Moment?", true),
        ];
        let lines = sidebar_lines(&items, 24);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "From the page (1)");
        assert!(
            texts.contains(&"Similar (1)"),
            "short heading when narrow: {texts:?}"
        );
        assert!(texts.contains(&"▸ Sputnik Moment?"));
        assert!(texts.contains(&"Links (0)"));
        assert!(texts.contains(&"No links in this article"));
        let first_title = lines
            .iter()
            .filter(|l| l.item == Some(0) && l.kind == SideLineKind::Title)
            .count();
        assert_eq!(first_title, 2, "titles are capped at two lines: {texts:?}");
        assert!(lines.iter().all(|l| width(&l.text) <= 24));
    }

    #[test]
    fn copies_of_the_story_come_first_and_folded_entries_say_where_else() {
        let mut folded = item(Section::Similar, "La BCE alza i tassi", true);
        folded.also_in = vec!["Il Sole 24 Ore".into(), "朝日新聞".into()];
        let items = vec![
            SideItem {
                section: Some(Section::SameStory),
                title: "Corriere della Sera".into(),
                article_id: Some("copy".into()),
                ..SideItem::default()
            },
            item(Section::FromPage, "Altro", false),
            folded,
        ];
        for w in [1, 2, 3, 10, 16, 24, 40] {
            let lines = sidebar_lines(&items, w);
            assert!(
                lines.iter().all(|l| width(&l.text) <= w),
                "width {w}: {lines:?}"
            );
            assert_eq!(lines[0].kind, SideLineKind::SameStory);
            assert_eq!(lines[0].item, Some(0));
            let also = lines.iter().rfind(|l| l.item == Some(2));
            assert_eq!(also.map(|l| l.kind), Some(SideLineKind::Detail));
        }
        let texts = |w| {
            sidebar_lines(&items, w)
                .into_iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(40)[0], "≡ Same story in: Corriere della Sera");
        assert_eq!(texts(24)[0], "≡ Same: Corriere della …");
        assert!(texts(40).contains(&"  also in: Il Sole 24 Ore, 朝日新聞".to_string()));
        assert!(texts(24).contains(&"  also in: Il Sole 24 O…".to_string()));
        assert_eq!(texts(40)[1], "", "a blank line before the first section");
    }
}
