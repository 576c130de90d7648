//! The article's date, byline, category and site, found in the lines
//! around its title.

use super::lines::{Kind, Line};
use super::{dates, meta, site_meta};

/// Lines around the title that may carry its byline, date and category.
pub(super) fn meta_zone(lines: &[Line], title: Option<usize>, body_start: usize) -> Vec<usize> {
    match title {
        Some(t) if t < body_start => {
            let after = t + 1..body_start.min(t + 12);
            let before = t.saturating_sub(4)..t;
            after.chain(before.rev()).collect()
        }
        Some(t) => (t + 1..lines.len().min(t + 3)).collect(),
        None => (body_start.saturating_sub(8)..body_start).collect(),
    }
}

pub(super) fn find_published(
    lines: &[Line],
    zone: &[usize],
    first_para: Option<&String>,
) -> Option<i64> {
    zone.iter().find_map(|&i| lines[i].date).or_else(|| {
        let p = first_para?;
        let head: String = p.chars().take(40).collect();
        dates::find_date(&head)
    })
}

pub(super) fn find_byline(
    lines: &[Line],
    zone: &[usize],
    title: Option<usize>,
    standfirst: Option<usize>,
) -> Option<String> {
    if let Some(b) = zone.iter().find_map(|&i| lines[i].byline.clone()) {
        return Some(b);
    }
    let t = title?;
    zone.iter()
        .filter(|&&i| i > t && i < t + 8 && Some(i) != standfirst)
        .find_map(|&i| meta::bare_name(&lines[i]))
}

pub(super) fn find_category(
    lines: &[Line],
    zone: &[usize],
    title: Option<usize>,
    end: usize,
) -> Option<String> {
    let after_body = end + 1..lines.len().min(end + 8);
    if let Some(c) = after_body
        .chain(zone.iter().copied())
        .find_map(|i| site_meta::category_of(&lines[i].text))
    {
        return Some(c);
    }
    let t = title.filter(|&t| t < end)?;
    let prev = (0..t).rev().find(|&i| {
        let l = &lines[i];
        !matches!(l.kind, Kind::Noise | Kind::Boiler) && l.date.is_none() && l.byline.is_none()
    })?;
    (site_meta::is_label(&lines[prev]) && prev > 0).then(|| lines[prev].text.clone())
}

/// A short brand line opening the page: the very first line, or one the page repeats
/// elsewhere (a copyright footer, a title suffix).
pub(super) fn first_line_site(lines: &[Line], title: &str) -> Option<String> {
    let (i, first) = lines
        .iter()
        .enumerate()
        .take(3)
        .find(|(_, l)| !matches!(l.kind, Kind::Boiler | Kind::Noise))?;
    if !site_meta::is_label(first) || first.words > 3 || first.text == title {
        return None;
    }
    let needle = first.text.to_lowercase();
    let repeated = lines
        .iter()
        .enumerate()
        .any(|(j, l)| j != i && l.text.to_lowercase().contains(&needle));
    (i == 0 || repeated).then(|| first.text.clone())
}
