//! Edicola: a terminal news reader.
//!
//! Layers, from the bottom: `model` (plain data), `store` (SQLite persistence),
//! `ingest` (importers), `text` (tokens and wrapping), `index` (the search
//! language, similar articles, near-duplicates folded), then the interactive
//! part: `action`/`keymap` (input as data), `app` (state and update), `ui`
//! (pure drawing), `jobs` (work off the UI thread) and `tui` (the terminal).

pub mod action;
pub mod app;
pub mod browser;
pub mod cli;
pub mod config;
pub mod crashpoint;
pub mod date;
pub mod event_loop;
pub mod export;
pub mod fetch;
pub mod fsutil;
#[doc(hidden)]
pub mod fuzzing;
pub mod ignore;
pub mod index;
pub mod ingest;
pub mod jobs;
pub mod keymap;
pub mod model;
pub mod newsboat;
pub mod program;
pub mod searches;
pub mod settings;
pub mod store;
pub mod subs;
pub mod sync;
pub mod text;
pub mod tui;
pub mod ui;
pub mod urlnorm;
