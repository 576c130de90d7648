//! The list's row numbers sampled off the UI thread (`store::Ranks`): the
//! app asks for samples of a long list when its store holds none that
//! still hold, and hands them to the store when they come. Until then (and
//! without a sampling thread) the store counts rows as it always did.

use super::App;
use crate::jobs::Sampler;
use crate::store::{Filter, Ranks, RanksToken};

/// The app's side of sampling.
#[derive(Default)]
pub(super) struct Sampling {
    worker: Option<Sampler>,
    /// The last list asked for, with the store's rows when it was asked.
    asked: Option<(Filter, Option<RanksToken>)>,
}

impl std::fmt::Debug for Sampling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sampling")
            .field("worker", &self.worker.is_some())
            .field("asked", &self.asked)
            .finish()
    }
}

impl App {
    /// From now on long lists are sampled on `worker`'s thread.
    pub fn set_sampler(&mut self, worker: Sampler) {
        self.sampling.worker = Some(worker);
    }

    /// Asks for samples of the list shown when it is long and the store has
    /// none that hold; once per list and state of the store's rows.
    pub fn keep_ranks(&mut self) {
        let Some(worker) = &self.sampling.worker else {
            return;
        };
        let filter = &self.list.filter;
        if !matches!(self.store.wants_ranks(filter, self.list.total), Ok(true)) {
            return;
        }
        let asked = (filter.clone(), self.store.ranks_token().ok().flatten());
        if self.sampling.asked.as_ref() == Some(&asked) {
            return;
        }
        if worker.ask(asked.0.clone()) {
            self.sampling.asked = Some(asked);
        }
    }

    /// Samples came: the store uses them while they hold.
    pub(super) fn on_ranks(&mut self, ranks: Ranks) {
        self.store.install_ranks(ranks);
    }
}
