//! One function per command.

use super::Failure;
use super::open::session;
use super::output;
use crate::app::App;
use crate::config::{Paths, no_color_requested};
use crate::keymap::Keymap;
use crate::store::Filter;
use crate::ui::theme::Theme;

fn fatal(e: impl std::fmt::Display) -> Failure {
    Failure::fatal(e.to_string())
}

/// Opens the reader.
pub fn read(paths: &Paths) -> Result<(), Failure> {
    let keymap = Keymap::load(&paths.keymap_file()).map_err(fatal)?;
    let session = session(paths).map_err(fatal)?;
    let theme = Theme::new(no_color_requested(std::env::var_os("NO_COLOR").as_deref()));
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut app = App::new(session.store, keymap, session.samples, area).map_err(fatal)?;
    if let Some(warning) = session.warning {
        app.saving = false;
        app.notify(crate::app::Severity::Error, warning);
    }
    let env = crate::tui::Env {
        browser: std::env::var("BROWSER").ok(),
        store_file: paths.store_file(),
        subscriptions_file: paths.subscriptions_file(),
    };
    crate::tui::run(&mut app, &theme, &env).map_err(fatal)
}

/// Opens the store for a command that only reads, saying on stderr when
/// it is read-only (the output itself stays the same).
fn for_reading(paths: &Paths) -> Result<super::open::Session, Failure> {
    let session = session(paths).map_err(fatal)?;
    if let Some(warning) = &session.warning {
        eprintln!("edicola: {}", output::lines(warning));
    }
    Ok(session)
}

/// Prints search results, best first.
pub fn search(paths: &Paths, query: &str, json: bool, limit: usize) -> Result<(), Failure> {
    use crate::search::{MAX_QUERY_BYTES, MAX_TERMS, Query};
    if Query::parse(query).cut {
        eprintln!(
            "edicola: the query was cut: searching its first {MAX_TERMS} different terms \
             within its first {MAX_QUERY_BYTES} bytes"
        );
    }
    let session = for_reading(paths)?;
    let filter = Filter {
        query: Some(query.to_string()),
        ..Filter::default()
    };
    let mut out = output::Lister::new(json);
    for row in session.store.page(&filter, 0, limit).map_err(fatal)? {
        out.row(&row);
    }
    out.finish();
    Ok(())
}

/// Lists articles (all, or bookmarked), newest first.
pub fn list(paths: &Paths, filter: &Filter, json: bool) -> Result<(), Failure> {
    let session = for_reading(paths)?;
    let store = &session.store;
    let mut out = output::Lister::new(json);
    let mut offset = 0;
    loop {
        let page = store.page(filter, offset, 500).map_err(fatal)?;
        if page.is_empty() {
            break;
        }
        offset += page.len();
        for row in &page {
            out.row(row);
        }
    }
    out.finish();
    Ok(())
}

fn resolve(store: &crate::store::Store, id: &str) -> Result<String, Failure> {
    store
        .resolve_id(id)
        .map_err(fatal)?
        .ok_or_else(|| Failure::input(format!("no article with id {id:?} (see `edicola list`)")))
}

/// Sets or clears a bookmark.
pub fn bookmark(paths: &Paths, id: &str, on: bool) -> Result<(), Failure> {
    let session = session(paths).map_err(fatal)?;
    if let Some(warning) = session.warning {
        return Err(Failure::fatal(warning));
    }
    let full_id = resolve(&session.store, id)?;
    session.store.set_bookmarked(&full_id, on).map_err(fatal)?;
    println!(
        "{} {}",
        if on { "bookmarked" } else { "unbookmarked" },
        output::line(&full_id)
    );
    Ok(())
}

/// Shows one article.
pub fn show(paths: &Paths, id: &str, json: bool) -> Result<(), Failure> {
    let session = for_reading(paths)?;
    let store = &session.store;
    let full_id = resolve(store, id)?;
    let Some(article) = store.get(&full_id).map_err(fatal)? else {
        return Err(Failure::input(format!("no article with id {id:?}")));
    };
    let marks = store.marks(&full_id).map_err(fatal)?;
    let mut related_ids = Vec::new();
    for entry in &article.related {
        related_ids.push(
            store
                .find_by_title(&entry.title)
                .map_err(fatal)?
                .filter(|i| *i != full_id),
        );
    }
    if json {
        let info = output::StoredInfo {
            bookmarked: marks.0,
            read: marks.1,
            related_ids: &related_ids,
        };
        let mut value = output::article_json(&article, Some(&info));
        let similar = store.similar(&full_id, 5, 0.05).map_err(fatal)?;
        if let Some(map) = value.as_object_mut() {
            map.insert(
                "similar".into(),
                serde_json::to_value(&similar).map_err(fatal)?,
            );
        }
        println!("{}", output::json_text(&value, true).map_err(fatal)?);
    } else {
        print!("{}", output::article_text(&article, marks, &related_ids));
    }
    Ok(())
}
