//! Related-article lists after the article body.

use crate::model::RelatedEntry;

use super::lines::{Barrier, Kind, Line};
use super::site_meta;

fn next_content(lines: &[Line], from: usize) -> Option<&Line> {
    lines[from.min(lines.len())..]
        .iter()
        .find(|l| l.kind != Kind::Noise)
}

/// Reads entries from `start`. Without a heading such as "Related" (`marked` false), only
/// headline + blurb pairs are accepted, so that footers are not mistaken for a list.
pub(super) fn collect(lines: &[Line], start: usize, marked: bool) -> Vec<RelatedEntry> {
    let mut entries: Vec<RelatedEntry> = Vec::new();
    let mut current: Option<RelatedEntry> = None;
    let mut category: Option<String> = None;
    let mut misses = 0;
    for (i, line) in lines.iter().enumerate().skip(start) {
        match line.kind {
            Kind::Noise => continue,
            Kind::Boiler | Kind::Barrier(Barrier::Comments | Barrier::End) => break,
            Kind::Barrier(Barrier::Related) | Kind::Soft => {
                if !marked && current.is_none() && entries.is_empty() {
                    break;
                }
                continue;
            }
            _ => {}
        }
        if line.date.is_some() {
            continue;
        }
        if let Some(by) = &line.byline {
            if let Some(cur) = current.as_mut().filter(|c| c.byline.is_none()) {
                cur.byline = Some(by.clone());
                continue;
            }
        }
        let next_is_headline = next_content(lines, i + 1).is_some_and(|n| n.kind == Kind::Heading);
        if site_meta::is_label(line) && line.words <= 3 && next_is_headline {
            category = Some(line.text.clone());
            misses = 0;
            continue;
        }
        let follows_headline =
            i > 0 && lines[i - 1].text == current.as_ref().map_or("", |c| c.title.as_str());
        let longer = current
            .as_ref()
            .is_some_and(|c| line.eff > super::measure::eff_len(&c.title));
        if line.kind == Kind::Heading && follows_headline && !next_is_headline && longer {
            if let Some(cur) = current.as_mut().filter(|c| c.blurb.is_none()) {
                cur.blurb = Some(line.text.clone());
                misses = 0;
                continue;
            }
        }
        let headline = line.kind == Kind::Heading
            || (line.kind == Kind::Short && line.is_title_like() && marked)
            || (line.kind == Kind::Text && current.is_none() && marked);
        if headline {
            if let Some(done) = current.take() {
                if !marked && done.blurb.is_none() {
                    return entries;
                }
                entries.push(done);
            }
            current = Some(RelatedEntry {
                title: line.text.clone(),
                category: category.take(),
                ..RelatedEntry::default()
            });
            misses = 0;
            continue;
        }
        if line.kind == Kind::Text {
            if let Some(cur) = current.as_mut().filter(|c| c.blurb.is_none()) {
                cur.blurb = Some(line.text.clone());
                misses = 0;
                continue;
            }
            if !marked {
                break;
            }
        }
        misses += 1;
        if misses > 3 || !marked {
            break;
        }
    }
    if let Some(done) = current {
        if marked || done.blurb.is_some() {
            entries.push(done);
        }
    }
    entries
}
