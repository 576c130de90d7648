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
    let loaded = crate::settings::load(&paths.settings_file());
    let (keymap, keymap_problem) = Keymap::load_or_builtin(&paths.keymap_file());
    let session = session(paths).map_err(fatal)?;
    let no_color = no_color_requested(std::env::var_os("NO_COLOR").as_deref());
    let theme = Theme::from_settings(&loaded.settings.theme, no_color);
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let browser = browser_command(&loaded.settings.browser);
    let mut app = App::new(session.store, keymap, session.samples, area).map_err(fatal)?;
    app.set_settings(loaded.settings.clone());
    // The settings' and keymap's problems come first: the others (below)
    // replace them when there are some, and are as important.
    let keymap_line = keymap_problem.map(|problem| {
        let text = format!("{} · started on the default keymap", problem.as_error());
        crate::text::controls::without_controls(&text).into_owned()
    });
    let lines: Vec<String> = keymap_line
        .into_iter()
        .chain(loaded.status_line())
        .collect();
    if !lines.is_empty() {
        app.notify(crate::app::Severity::Error, lines.join("; "));
    }
    if let Some(warning) = session.warning {
        app.saving = false;
        app.notify(crate::app::Severity::Error, warning);
    } else if let Some(problem) = ignore_problem(paths) {
        app.notify(crate::app::Severity::Error, problem);
    }
    app.set_config_files(crate::jobs::ConfigFiles {
        subscriptions: paths.subscriptions_file(),
        searches: paths.searches_file(),
    });
    // Saved searches that cannot be used are said at once, not only when
    // the feeds pane opens.
    if let Ok(file) = crate::searches::SearchesFile::load(&paths.searches_file()) {
        if !file.problems.is_empty() {
            app.notify(crate::app::Severity::Error, file.problems.join("; "));
        }
    }
    let env = crate::tui::Env {
        browser,
        store_file: paths.store_file(),
        subscriptions_file: paths.subscriptions_file(),
        download_dir: loaded
            .settings
            .download_dir
            .clone()
            .unwrap_or_else(crate::export::download_dir),
    };
    crate::tui::run(&mut app, &theme, &env).map_err(fatal)
}

/// The browser command: the settings' first, then `$BROWSER`.
fn browser_command(setting: &[String]) -> Option<String> {
    if setting.is_empty() {
        std::env::var("BROWSER").ok()
    } else {
        Some(setting.join(" "))
    }
}

/// The status line for problems in the ignore rules, if any: the reader
/// runs with the rules that work (its refresh loads them again).
fn ignore_problem(paths: &Paths) -> Option<String> {
    let (_, problems) = crate::ignore::load_for_reader(paths);
    let first = problems.first()?;
    let more = match problems.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    let text = format!("ignore rules: {first}{more}");
    Some(crate::text::controls::without_controls(&text).into_owned())
}

/// Opens the store for a command that only reads, saying on stderr when
/// it is read-only (the output itself stays the same).
pub(super) fn for_reading(paths: &Paths) -> Result<super::open::Session, Failure> {
    let session = session(paths).map_err(fatal)?;
    if let Some(warning) = &session.warning {
        eprintln!("edicola: {}", output::lines(warning));
    }
    Ok(session)
}

/// Prints search results, best first. A query with a problem (an unknown
/// filter, an unclosed quote) is refused; results cut at `limit` are
/// counted on stderr.
pub fn search(paths: &Paths, query: &str, json: bool, limit: usize) -> Result<(), Failure> {
    use crate::index::query::{MAX_QUERY_BYTES, MAX_TERMS, Query};
    let parsed = Query::parse(query);
    if let Some(problem) = parsed.problem() {
        return Err(Failure::fatal(format!("search: {problem}")));
    }
    if parsed.cut {
        eprintln!(
            "edicola: the query was cut: searching its first {MAX_TERMS} different terms \
             within its first {MAX_QUERY_BYTES} bytes"
        );
    }
    let session = for_reading(paths)?;
    let store = &session.store;
    let index = match store.index_behind().map_err(fatal)? {
        true => Some(store.index_state().map_err(fatal)?),
        false => None,
    };
    if let Some(index) = index.filter(|i| !i.complete()) {
        eprintln!(
            "edicola: the search index is at {}% ({} articles not indexed yet): \
             results may be missing; `edicola index` builds it now",
            index.percent(),
            thousands(index.pending)
        );
    }
    let filter = Filter {
        query: Some(query.to_string()),
        ..Filter::default()
    };
    let rows = store.page(&filter, 0, limit).map_err(fatal)?;
    let mut out = output::Lister::new(json);
    for row in &rows {
        out.row(row);
    }
    out.finish();
    if rows.len() == limit {
        let total = store.count(&filter).map_err(fatal)?;
        if total > limit {
            eprintln!(
                "{} of {}; --limit N for more",
                thousands(limit),
                thousands(total)
            );
        }
    }
    Ok(())
}

/// `14480` as `14,480`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
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

pub(super) fn resolve(store: &crate::store::Store, id: &str) -> Result<String, Failure> {
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

/// Marks an article read or unread.
pub fn mark_read(paths: &Paths, id: &str, read: bool) -> Result<(), Failure> {
    let session = session(paths).map_err(fatal)?;
    if let Some(warning) = session.warning {
        return Err(Failure::fatal(warning));
    }
    let full_id = resolve(&session.store, id)?;
    session.store.set_read(&full_id, read).map_err(fatal)?;
    println!(
        "marked {} {}",
        if read { "read" } else { "unread" },
        output::line(&full_id)
    );
    Ok(())
}

/// Shows one article.
pub fn show(paths: &Paths, id: &str, json: bool) -> Result<(), Failure> {
    let session = for_reading(paths)?;
    let store = &session.store;
    if store.resolve_id(id).map_err(fatal)?.is_none()
        && let Some(ignored) = store.resolve_ignored_id(id).map_err(fatal)?
        && let Some(article) = store.get_ignored(&ignored).map_err(fatal)?
    {
        // Kept out by an ignore rule: readable, with nothing of the store's.
        eprintln!(
            "edicola: ignored by a rule (`edicola unignore {}` brings it back)",
            output::line(&ignored)
        );
        if json {
            let value = output::article_json(&article, None);
            println!("{}", output::json_text(&value, true).map_err(fatal)?);
        } else {
            print!("{}", output::article_text(&article, (false, false), &[]));
        }
        return Ok(());
    }
    let full_id = resolve(store, id)?;
    let Some(article) = store.get(&full_id).map_err(fatal)? else {
        return Err(Failure::input(format!("no article with id {id:?}")));
    };
    if json {
        let value = stored_json(store, &article)?;
        println!("{}", output::json_text(&value, true).map_err(fatal)?);
    } else {
        print!("{}", stored_text(store, &article)?);
    }
    Ok(())
}

/// The ids of the stored articles an article's related entries name.
fn related_ids(
    store: &crate::store::Store,
    article: &crate::model::Article,
) -> Result<Vec<Option<String>>, Failure> {
    let mut ids = Vec::new();
    for entry in &article.related {
        ids.push(
            store
                .find_by_title(&entry.title)
                .map_err(fatal)?
                .filter(|i| *i != article.id),
        );
    }
    Ok(ids)
}

/// A stored article as `show --json` prints it: with its marks, the ids
/// of related entries and similar articles.
pub(super) fn stored_json(
    store: &crate::store::Store,
    article: &crate::model::Article,
) -> Result<serde_json::Value, Failure> {
    let marks = store.marks(&article.id).map_err(fatal)?;
    let related_ids = related_ids(store, article)?;
    let info = output::StoredInfo {
        bookmarked: marks.0,
        read: marks.1,
        related_ids: &related_ids,
    };
    let mut value = output::article_json(article, Some(&info));
    let similar = crate::index::related(store, &article.id, 5).map_err(fatal)?;
    if let Some(map) = value.as_object_mut() {
        map.insert(
            "similar".into(),
            serde_json::to_value(&similar).map_err(fatal)?,
        );
    }
    Ok(value)
}

/// A stored article as `show` prints it.
pub(super) fn stored_text(
    store: &crate::store::Store,
    article: &crate::model::Article,
) -> Result<String, Failure> {
    let marks = store.marks(&article.id).map_err(fatal)?;
    let related_ids = related_ids(store, article)?;
    Ok(output::article_text(article, marks, &related_ids))
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        let shown: Vec<String> = [0, 999, 1000, 14480, 1_000_000]
            .into_iter()
            .map(super::thousands)
            .collect();
        assert_eq!(shown, ["0", "999", "1,000", "14,480", "1,000,000"]);
    }
}
