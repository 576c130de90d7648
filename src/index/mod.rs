//! The search index's side of the program that is not storage: the query
//! language and its compilation to FTS5 match expressions (`query`,
//! `compile`), which stored articles resemble the open one (`related`), and
//! their near-duplicates folded into one entry (`fold`). The store only
//! answers raw questions (postings, document frequencies, texts by key).

pub mod compile;
pub mod fold;
mod langdf;
pub mod query;
pub mod related;
mod terms;

pub use fold::AlsoIn;
pub use related::{Similar, related};
