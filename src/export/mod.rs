//! Articles out of Edicola: as Markdown, plain text, JSON or standalone
//! HTML; bookmarks as Markdown, JSON or a browser's bookmarks file; and
//! files named after articles, written without replacing another.

pub mod bookmarks;
mod files;
pub mod html;
mod inline;
pub mod markdown;

use std::borrow::Cow;

pub use files::{WriteError, download_dir, file_name, save_new, write_new};
pub use markdown::markdown;

/// Text without control characters or bidi overrides: what goes into an
/// exported file, or a command's input, is as safe to print as the rest.
pub fn clean(s: &str) -> Cow<'_, str> {
    let stripped = crate::text::controls::without_controls(s);
    if stripped.chars().any(crate::text::controls::is_bidi_control) {
        Cow::Owned(
            stripped
                .chars()
                .filter(|c| !crate::text::controls::is_bidi_control(*c))
                .collect(),
        )
    } else {
        stripped
    }
}
