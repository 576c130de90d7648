//! Sync with the user's feed server (Google Reader API, Fever, Miniflux):
//! accounts, one client per API behind the `Remote` trait, and the engine
//! over it (see ARCHITECTURE.md, "Sync").

pub mod accounts;
#[cfg(test)]
mod changes_tests;
pub mod connect;
pub mod engine;
pub mod fever;
pub mod greader;
pub mod http;
#[cfg(test)]
pub(crate) mod memory;
pub mod miniflux;
pub mod remote;
pub mod subs;
#[cfg(test)]
mod tests;

pub use engine::{SyncOptions, SyncReport, sync_account};
pub use remote::{ItemPage, MarkOp, Remote, RemoteError, RemoteFeed, RemoteItem, RemoteState};
