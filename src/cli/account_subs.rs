//! `edicola add URL --account NAME` and `edicola remove FEED --account
//! NAME`: the subscription changes on the feed server (the store follows
//! once the server took them).

use super::Failure;
use super::open::session;
use super::output::{json_text, line};
use crate::config::Paths;
use crate::store::Store;
use crate::sync::subs::{
    SubsChange, SubsEditError, edit_account_subs, forget_articles, sync_after_add,
};

fn failure(e: SubsEditError) -> Failure {
    match e {
        SubsEditError::Accounts(_) | SubsEditError::Store(_) => Failure::fatal(e.to_string()),
        _ => Failure::input(e.to_string()),
    }
}

fn open_store(paths: &Paths) -> Result<Store, Failure> {
    let session = session(paths).map_err(|e| Failure::fatal(e.to_string()))?;
    if let Some(warning) = session.warning {
        return Err(Failure::fatal(warning));
    }
    Ok(session.store)
}

/// Subscribes on the server (in the first tag's folder, then the others),
/// gives it the title, and syncs the account so its articles come at once.
pub fn add(
    paths: &Paths,
    account: &str,
    url: &str,
    title: Option<String>,
    tags: Vec<String>,
) -> Result<(), Failure> {
    let mut store = open_store(paths)?;
    let dir = &paths.config_dir;
    let change = SubsChange::Add {
        url: url.to_string(),
        folder: tags.first().cloned(),
    };
    let added = edit_account_subs(dir, &mut store, account, change).map_err(failure)?;
    println!("{}", line(&added.message));
    let feed_id = added.feed.feed_id.clone();
    if tags.len() > 1 {
        let change = SubsChange::Folders {
            feed_id: feed_id.clone(),
            folders: tags,
        };
        let done = edit_account_subs(dir, &mut store, account, change).map_err(failure)?;
        println!("{}", line(&done.message));
    }
    if let Some(title) = title {
        let change = SubsChange::Rename { feed_id, title };
        let done = edit_account_subs(dir, &mut store, account, change).map_err(failure)?;
        println!("{}", line(&done.message));
    }
    println!(
        "synced {account}: {}",
        line(&sync_after_add(dir, &mut store, account))
    );
    Ok(())
}

/// Unsubscribes on the server from the feed with this URL (or server id);
/// its articles go too, unless bookmarked or another subscription has it.
pub fn remove(paths: &Paths, account: &str, which: &str) -> Result<(), Failure> {
    let mut store = open_store(paths)?;
    let feeds = store
        .account_feeds()
        .map_err(|e| Failure::fatal(e.to_string()))?;
    let feed_id = feeds
        .iter()
        .find(|f| f.account == account && (f.url == which || f.feed_id == which))
        .map(|f| f.feed_id.clone())
        .unwrap_or_else(|| which.to_string());
    let change = SubsChange::Remove { feed_id };
    let gone =
        edit_account_subs(&paths.config_dir, &mut store, account, change).map_err(failure)?;
    let removed =
        forget_articles(&mut store, &paths.subscriptions_file(), &gone.feed).map_err(failure)?;
    println!(
        "{} ({} removed)",
        line(&gone.message),
        crate::text::plural::count(removed, "article", "articles")
    );
    Ok(())
}

/// Lists an account's subscriptions as the last sync (or edit) left them.
pub fn list(paths: &Paths, account: &str, json: bool) -> Result<(), Failure> {
    let store = open_store(paths)?;
    let feeds: Vec<_> = store
        .account_feeds()
        .map_err(|e| Failure::fatal(e.to_string()))?
        .into_iter()
        .filter(|f| f.account == account)
        .collect();
    if json {
        let values: Vec<_> = feeds
            .iter()
            .map(|f| {
                serde_json::json!({
                    "id": f.feed_id, "url": f.url, "title": f.title, "folders": f.folders,
                })
            })
            .collect();
        let text = json_text(&values, true).map_err(|e| Failure::fatal(e.to_string()))?;
        println!("{text}");
        return Ok(());
    }
    if feeds.is_empty() {
        println!(
            "No subscriptions of {} known: run `edicola sync`",
            line(account)
        );
    }
    for f in feeds {
        let folders = match f.folders.join(", ") {
            s if s.is_empty() => String::new(),
            s => format!(" [{s}]"),
        };
        println!(
            "{}  {}  (id {})",
            line(&f.url),
            line(&format!("{}{folders}", f.title)),
            line(&f.feed_id)
        );
    }
    Ok(())
}
