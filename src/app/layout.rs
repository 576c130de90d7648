//! Where each pane goes for a given terminal size and focus. The app owns
//! it (it sizes lists and wraps text by it); the renderer draws into the
//! same rectangles, so the two always agree.

use ratatui::layout::Rect;

use super::Focus;
use crate::settings::Layout;

/// Below this width the sidebar hides.
pub const SIDEBAR_MIN_WIDTH: u16 = 90;
/// Below this width only the focused pane is shown.
pub const TWO_PANES_MIN_WIDTH: u16 = 50;

/// The rectangles of the visible panes; hidden panes are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub feeds: Option<Rect>,
    pub status: Option<Rect>,
}

impl Panes {
    pub fn get(&self, focus: Focus) -> Option<Rect> {
        match focus {
            Focus::List => self.list,
            Focus::Reader => self.reader,
            Focus::Sidebar => self.sidebar,
            Focus::Feeds => self.feeds,
        }
    }

    /// The pane under a screen position.
    pub fn at(&self, x: u16, y: u16) -> Option<Focus> {
        let pos = ratatui::layout::Position { x, y };
        [Focus::Feeds, Focus::List, Focus::Reader, Focus::Sidebar]
            .into_iter()
            .find(|f| self.get(*f).is_some_and(|r| r.contains(pos)))
    }
}

/// Splits the screen with the feeds pane open (`feeds`) or not. Open, it
/// takes the sidebar's place on wide screens (feeds, list, reader; the
/// sidebar comes back while it has focus), and the list's place while it
/// has focus on medium ones; narrow screens show the focused pane only.
pub fn panes_with(area: Rect, focus: Focus, feeds: bool) -> Panes {
    panes_in(area, focus, feeds, &Layout::default())
}

/// `panes_with` under the settings' layout: pane widths, and whether the
/// sidebar shows beside the article.
pub fn panes_in(area: Rect, focus: Focus, feeds: bool, layout: &Layout) -> Panes {
    if !feeds || focus == Focus::Sidebar {
        let focus = if focus == Focus::Feeds {
            Focus::List
        } else {
            focus
        };
        return split(area, focus, layout);
    }
    let wide = three_panes(area.width, layout);
    if !wide && focus != Focus::Feeds {
        return split(area, focus, layout);
    }
    let mut p = split(area, Focus::List, layout);
    if wide {
        // feeds | list | reader, in the columns the three panes had.
        let (Some(list), Some(reader), Some(side)) = (p.list, p.reader, p.sidebar) else {
            return p;
        };
        let feeds_w = list.width * 3 / 4;
        p.feeds = Some(Rect {
            width: feeds_w,
            ..list
        });
        p.list = Some(Rect {
            x: list.x + feeds_w,
            width: list.width - feeds_w + reader.width / 3,
            ..list
        });
        let list_end = list.x + feeds_w + (list.width - feeds_w + reader.width / 3);
        p.reader = Some(Rect {
            x: list_end,
            width: side.x + side.width - list_end,
            ..reader
        });
        p.sidebar = None;
    } else {
        p.feeds = p.list.take();
    }
    p
}

/// Splits the screen: three panes when wide, two when medium (the sidebar
/// replaces the list while it has focus), only the focused one when narrow.
/// The last row is the status bar when there are at least 3 rows.
pub fn panes(area: Rect, focus: Focus) -> Panes {
    split(area, focus, &Layout::default())
}

/// True when the screen shows list, reader and sidebar side by side.
fn three_panes(width: u16, layout: &Layout) -> bool {
    layout.sidebar && width >= SIDEBAR_MIN_WIDTH
}

/// The narrowest the reading pane gets when the settings' widths would
/// leave it less.
const READER_MIN_WIDTH: u16 = 20;

/// `panes` under the settings' layout.
pub fn split(area: Rect, focus: Focus, layout: &Layout) -> Panes {
    let (main, status) = if area.height >= 3 {
        let main = Rect {
            height: area.height - 1,
            ..area
        };
        let status = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        (main, Some(status))
    } else {
        (area, None)
    };
    let mut panes = Panes {
        status,
        ..Panes::default()
    };
    let w = main.width;
    if three_panes(w, layout) {
        let list_w = layout.list_width.resolve(w, w * 30 / 100);
        let side_w = layout.sidebar_width.resolve(w, w * 26 / 100);
        let side_w = side_w.min(w.saturating_sub(list_w + READER_MIN_WIDTH));
        let list_w = list_w.min(w - side_w - READER_MIN_WIDTH.min(w - side_w));
        let reader_w = w - list_w - side_w;
        panes.list = Some(Rect {
            width: list_w,
            ..main
        });
        panes.reader = Some(Rect {
            x: main.x + list_w,
            width: reader_w,
            ..main
        });
        panes.sidebar = Some(Rect {
            x: main.x + list_w + reader_w,
            width: side_w,
            ..main
        });
    } else if w >= TWO_PANES_MIN_WIDTH {
        let left_w = layout.list_width.resolve(w, w * 40 / 100);
        let left_w = left_w.min(w.saturating_sub(READER_MIN_WIDTH));
        let left = Rect {
            width: left_w,
            ..main
        };
        let right = Rect {
            x: main.x + left_w,
            width: w - left_w,
            ..main
        };
        if focus == Focus::Sidebar {
            panes.reader = Some(left);
            panes.sidebar = Some(right);
        } else {
            panes.list = Some(left);
            panes.reader = Some(right);
        }
    } else {
        match focus {
            Focus::List => panes.list = Some(main),
            Focus::Reader => panes.reader = Some(main),
            Focus::Sidebar => panes.sidebar = Some(main),
            Focus::Feeds => panes.feeds = Some(main),
        }
    }
    panes
}

/// The area inside a pane's border.
pub fn inner(rect: Rect) -> Rect {
    rect.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_shows_three_panes_that_tile_the_screen() {
        let p = panes(Rect::new(0, 0, 120, 40), Focus::List);
        let (l, r, s) = (
            p.list.unwrap_or_default(),
            p.reader.unwrap_or_default(),
            p.sidebar.unwrap_or_default(),
        );
        assert_eq!(l.width + r.width + s.width, 120);
        assert_eq!(p.status, Some(Rect::new(0, 39, 120, 1)));
        assert_eq!(p.at(l.x, 5), Some(Focus::List));
        assert_eq!(p.at(s.x + 1, 5), Some(Focus::Sidebar));
    }

    #[test]
    fn narrowing_hides_sidebar_then_list() {
        let p = panes(Rect::new(0, 0, 70, 20), Focus::List);
        assert!(p.sidebar.is_none() && p.list.is_some());
        let p = panes(Rect::new(0, 0, 70, 20), Focus::Sidebar);
        assert!(p.sidebar.is_some() && p.list.is_none());
        let p = panes(Rect::new(0, 0, 40, 20), Focus::Reader);
        assert!(p.list.is_none() && p.sidebar.is_none() && p.reader.is_some());
    }

    #[test]
    fn feeds_pane_takes_the_sidebars_place_when_wide_and_the_lists_when_focused() {
        let p = panes_with(Rect::new(0, 0, 120, 40), Focus::Feeds, true);
        let (f, l, r) = (
            p.feeds.unwrap_or_default(),
            p.list.unwrap_or_default(),
            p.reader.unwrap_or_default(),
        );
        assert!(p.sidebar.is_none());
        assert_eq!(f.width + l.width + r.width, 120);
        assert_eq!((l.x, r.x), (f.x + f.width, l.x + l.width));
        let p = panes_with(Rect::new(0, 0, 120, 40), Focus::Sidebar, true);
        assert!(p.feeds.is_none() && p.sidebar.is_some());
        let p = panes_with(Rect::new(0, 0, 70, 20), Focus::Feeds, true);
        assert!(p.feeds.is_some() && p.list.is_none() && p.reader.is_some());
        let p = panes_with(Rect::new(0, 0, 70, 20), Focus::List, true);
        assert!(p.feeds.is_none() && p.list.is_some());
        let p = panes_with(Rect::new(0, 0, 30, 10), Focus::Feeds, true);
        assert!(p.feeds.is_some() && p.list.is_none() && p.reader.is_none());
        let p = panes_with(Rect::new(0, 0, 1, 1), Focus::Feeds, true);
        assert!(p.feeds.is_some());
    }

    #[test]
    fn one_by_one_has_no_status_bar_and_no_panic() {
        let p = panes(Rect::new(0, 0, 1, 1), Focus::List);
        assert_eq!(p.status, None);
        assert_eq!(p.list.map(inner).map(|r| r.area()), Some(0));
    }
}
