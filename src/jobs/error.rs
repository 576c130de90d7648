//! Why background work failed. Kept typed until the status bar shows it.

use std::sync::Arc;

use crate::fetch::FetchError;
use crate::store::StoreError;
use crate::subs::SubsError;

/// A failure of background work. Clone, so that a report can be copied;
/// errors that are not are shared.
#[derive(Debug, Clone, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Store(Arc<StoreError>),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Subscriptions(Arc<SubsError>),
    #[error(transparent)]
    Searches(Arc<crate::searches::SearchesError>),
    #[error(transparent)]
    Save(Arc<crate::export::WriteError>),
    #[error("{0}")]
    Refused(String),
    #[error("no subscriptions: add one with `edicola add URL`")]
    NoSubscriptions,
    #[error("the article was removed meanwhile")]
    Removed,
    #[error("the page had no article text")]
    EmptyPage,
}

impl From<StoreError> for JobError {
    fn from(e: StoreError) -> JobError {
        JobError::Store(Arc::new(e))
    }
}

impl From<crate::searches::SearchesError> for JobError {
    fn from(e: crate::searches::SearchesError) -> JobError {
        JobError::Searches(Arc::new(e))
    }
}

impl From<crate::export::WriteError> for JobError {
    fn from(e: crate::export::WriteError) -> JobError {
        JobError::Save(Arc::new(e))
    }
}

impl From<SubsError> for JobError {
    fn from(e: SubsError) -> JobError {
        JobError::Subscriptions(Arc::new(e))
    }
}

/// Reports compare by what they say (tests, and dropping repeats).
impl PartialEq for JobError {
    fn eq(&self, other: &JobError) -> bool {
        self.to_string() == other.to_string()
    }
}
