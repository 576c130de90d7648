//! The status bar counts the marks waiting to go up to a feed server
//! (`↑N`): raised when the reader marks a synced article, gone after a sync.

mod common;

use common::{draw, press};
use edicola::app::{App, JobEvent};
use edicola::keymap::Keymap;
use edicola::store::Store;
use edicola::sync::remote::RemoteResult;
use edicola::sync::{
    ItemPage, MarkOp, Remote, RemoteFeed, RemoteItem, RemoteState, SyncOptions, sync_account,
};
use ratatui::layout::Rect;

/// A feed server with one feed of two unread items, keeping the marks it
/// is sent.
#[derive(Default)]
struct OneFeed {
    starred: Vec<String>,
    read: Vec<String>,
}

impl Remote for OneFeed {
    fn subscriptions(&mut self) -> RemoteResult<Vec<RemoteFeed>> {
        Ok(vec![RemoteFeed {
            id: "1".into(),
            title: "Server News".into(),
            url: "https://news.example/feed.xml".into(),
            site_url: None,
            folders: Vec::new(),
        }])
    }

    fn items(&mut self, cursor: Option<&str>, _since: i64) -> RemoteResult<ItemPage> {
        let items = if cursor.is_some() {
            Vec::new()
        } else {
            (1..=2)
                .map(|n| RemoteItem {
                    id: n.to_string(),
                    feed_id: "1".into(),
                    title: format!("Synced story {n}"),
                    url: Some(format!("https://news.example/{n}")),
                    published: Some(1_735_689_600 + n),
                    html: format!("<p>Story {n}.</p>"),
                    ..RemoteItem::default()
                })
                .collect()
        };
        Ok(ItemPage {
            items,
            cursor: Some("2".into()),
            more: false,
        })
    }

    fn items_by_id(&mut self, _ids: &[String]) -> RemoteResult<Vec<RemoteItem>> {
        Ok(Vec::new())
    }

    fn state(&mut self) -> RemoteResult<RemoteState> {
        let mut state = RemoteState::default();
        for id in ["1", "2"]
            .into_iter()
            .filter(|i| !self.read.iter().any(|r| r == i))
        {
            state.unread.insert(id.into());
        }
        state.starred = self.starred.iter().cloned().collect();
        Ok(state)
    }

    fn mark(&mut self, ids: &[String], op: MarkOp) -> RemoteResult<()> {
        match op {
            MarkOp::Star => self.starred.extend_from_slice(ids),
            MarkOp::Unstar => self.starred.retain(|s| !ids.contains(s)),
            MarkOp::Read => self.read.extend_from_slice(ids),
            MarkOp::Unread => self.read.retain(|s| !ids.contains(s)),
        }
        Ok(())
    }

    fn mark_feed_read(&mut self, _feed_id: &str, _before: i64) -> RemoteResult<()> {
        Ok(())
    }

    fn subscribe(&mut self, _url: &str, _folder: Option<&str>) -> RemoteResult<RemoteFeed> {
        Err(edicola::sync::RemoteError::Unsupported("not here"))
    }

    fn unsubscribe(&mut self, _feed_id: &str) -> RemoteResult<()> {
        Err(edicola::sync::RemoteError::Unsupported("not here"))
    }

    fn rename(&mut self, _feed_id: &str, _title: &str) -> RemoteResult<()> {
        Err(edicola::sync::RemoteError::Unsupported("not here"))
    }

    fn set_folders(
        &mut self,
        _feed_id: &str,
        _from: &[String],
        _to: &[String],
    ) -> RemoteResult<Vec<String>> {
        Err(edicola::sync::RemoteError::Unsupported("not here"))
    }
}

fn sync(path: &std::path::Path, server: &mut OneFeed) -> edicola::sync::SyncReport {
    let mut store = Store::open(path).expect("store");
    let mut progress = |_: &str| {};
    let report = sync_account(
        &mut store,
        server,
        "home",
        SyncOptions {
            since: 0,
            progress: &mut progress,
        },
    );
    assert_eq!(report.error, None);
    report
}

/// The status bar: the screen's last row.
fn status_bar(app: &App) -> String {
    let screen = draw(app).backend().to_string();
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_status_bar_counts_marks_waiting_to_go_up_until_a_sync() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("edicola.db");
    let mut server = OneFeed::default();
    assert_eq!(sync(&path, &mut server).added, 2);
    let mut app = App::new(
        Store::open(&path).expect("store"),
        Keymap::builtin().expect("keymap"),
        false,
        Rect::new(0, 0, 100, 20),
    )
    .expect("app");
    app.idle_work();
    assert!(!status_bar(&app).contains('↑'), "{}", status_bar(&app));
    press(&mut app, "b");
    insta::assert_snapshot!(draw(&app).backend());
    assert!(status_bar(&app).contains("↑1"), "{}", status_bar(&app));
    press(&mut app, "j u");
    assert!(status_bar(&app).contains("↑2"), "{}", status_bar(&app));
    // A sync by the refresh thread sends them; its report lowers the count.
    let report = sync(&path, &mut server);
    assert_eq!((report.marks_up, report.pending), (2, 0));
    assert_eq!(server.starred.len() + server.read.len(), 2);
    app.on_job(JobEvent::Synced {
        added: 0,
        pending: 0,
        failed: Vec::new(),
    });
    assert!(!status_bar(&app).contains('↑'), "{}", status_bar(&app));
    // Mark-all-read counts too.
    press(&mut app, "A");
    assert!(status_bar(&app).contains('↑'), "{}", status_bar(&app));
}
