//! Edicola: a terminal news reader.
//!
//! Layers, from the bottom: `model` (plain data), `store` (SQLite persistence),
//! `ingest` (importers), `text` (tokens and wrapping), `related` (similar
//! articles), then the interactive part: `action`/`keymap` (input as data),
//! `app` (state and update), `ui` (pure drawing) and `tui` (the terminal loop).

pub mod action;
pub mod app;
pub mod browser;
pub mod cli;
pub mod config;
pub mod date;
pub mod fetch;
pub mod fsutil;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod jobs;
pub mod keymap;
pub mod model;
pub mod search;
pub mod store;
pub mod subs;
pub mod text;
pub mod tui;
pub mod ui;
pub mod urlnorm;
