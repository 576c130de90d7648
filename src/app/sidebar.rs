//! The related sidebar's model: entries from the page, similar stored
//! articles and links, laid out as lines (pure, like the reading pane).

use crate::text::wrap::{truncate, wrap};

/// The three sections of the sidebar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    FromPage,
    Similar,
    Links,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::FromPage, Section::Similar, Section::Links];

    pub fn title(self) -> &'static str {
        match self {
            Section::FromPage => "From the page",
            Section::Similar => "Similar in your store",
            Section::Links => "Links",
        }
    }

    fn short_title(self) -> &'static str {
        match self {
            Section::FromPage => "Page",
            Section::Similar => "Similar",
            Section::Links => "Links",
        }
    }

    fn empty_text(self) -> &'static str {
        match self {
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
}

/// What a sidebar line shows, which decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideLineKind {
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

/// Lays the entries out: a heading per section with its count, each entry's
/// title on at most two lines and its detail line, all within `width`.
pub fn sidebar_lines(items: &[SideItem], width: usize) -> Vec<SideLine> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let line = |kind, text: String, item, stored| SideLine {
        kind,
        text,
        item,
        stored,
    };
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
        for (index, item) in members {
            let stored = item.article_id.is_some();
            let marker = if stored { "▸ " } else { "  " };
            let inner = width.saturating_sub(2).max(1);
            let mut title = wrap(&item.title, inner);
            if title.len() > 2 {
                let full = crate::text::squash(&item.title);
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
        }
    }
    lines
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
}
