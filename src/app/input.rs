//! One-line questions in the status bar: a feed's address, a new title or
//! tags, a name for a search, a yes/no confirmation, and the command line
//! (`:`), which runs any action by name.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Effect, Severity};
use crate::action::Action;
use crate::jobs::FeedEdit;
use crate::sync::subs::SubsChange;

/// What a question is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    AddFeed,
    Rename {
        url: String,
    },
    Tags {
        url: String,
    },
    SaveSearch {
        query: String,
    },
    RenameSearch {
        name: String,
    },
    /// A change to an account's subscriptions, made on its server.
    Account {
        account: String,
        what: AccountAsk,
    },
    /// The command line: an action's name.
    Command,
    /// A shell command to pipe the open article to.
    Pipe,
    /// A yes/no question.
    Confirm(Confirm),
}

/// What a yes answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    RemoveFeed {
        url: String,
    },
    RemoveSearch {
        name: String,
    },
    /// Unsubscribe on an account's server.
    RemoveAccountFeed {
        account: String,
        feed_id: String,
    },
    /// Keep a subscription whose address could not be read, and why.
    KeepFailed {
        url: String,
        error: String,
    },
    /// Mark everything a filter covers read (`confirm_mark_all_read`).
    MarkRead {
        filter: crate::store::Filter,
    },
}

/// What is asked about an account's subscriptions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountAsk {
    /// A feed's address, to subscribe in this folder.
    Add { folder: Option<String> },
    /// A subscription's new title.
    Rename { feed_id: String },
    /// A subscription's folders (comma-separated; may be empty).
    Folders { feed_id: String },
}

impl AccountAsk {
    /// The change the answer asks for.
    fn change(self, text: String) -> SubsChange {
        match self {
            AccountAsk::Add { folder } => SubsChange::Add { url: text, folder },
            AccountAsk::Rename { feed_id } => SubsChange::Rename {
                feed_id,
                title: text,
            },
            AccountAsk::Folders { feed_id } => SubsChange::Folders {
                feed_id,
                folders: text.split(',').map(str::to_string).collect(),
            },
        }
    }
}

/// An open question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub ask: Ask,
    /// The question, shown before the answer.
    pub question: String,
    pub text: String,
}

impl Input {
    /// For the command line: the action names that start with the text.
    pub fn completions(&self) -> Vec<&'static str> {
        if self.ask != Ask::Command {
            return Vec::new();
        }
        let typed = self.text.trim();
        Action::all()
            .map(Action::name)
            .filter(|n| n.starts_with(typed))
            .collect()
    }
}

impl App {
    /// Asks a question in the status bar.
    pub(super) fn ask(&mut self, ask: Ask, question: impl Into<String>, text: String) {
        self.input = Some(Input {
            ask,
            question: question.into(),
            text,
        });
    }

    /// `:`: the command line.
    pub(super) fn start_command_line(&mut self) {
        self.ask(Ask::Command, ":", String::new());
    }

    /// ctrl-s: saves the current search under a name.
    pub(super) fn start_save_search(&mut self) {
        let query = self.prompt.clone().or(self.list.filter.query.clone());
        match query.filter(|q| !q.trim().is_empty()) {
            Some(query) => {
                self.prompt = None;
                let question = format!("Save “{query}” as: ");
                self.ask(Ask::SaveSearch { query }, question, String::new());
            }
            None => self.notify(Severity::Info, "No search to save: press / to search"),
        }
    }

    /// A key while a question is open; the effect of the action a command
    /// ran, if any.
    pub fn input_key(&mut self, key: &KeyEvent) -> Option<Effect> {
        let mut input = self.input.take()?;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if let Ask::Confirm(confirm) = &input.ask {
            match key.code {
                KeyCode::Char('y' | 'Y') => self.confirmed(confirm.clone()),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => self.notify(Severity::Info, "Cancelled"),
                _ => self.input = Some(input),
            }
            return None;
        }
        match key.code {
            KeyCode::Enter => return self.answered(input),
            KeyCode::Esc => return None,
            KeyCode::Backspace => {
                input.text.pop();
            }
            KeyCode::Tab => complete(&mut input),
            KeyCode::Char('u') if ctrl => input.text.clear(),
            KeyCode::Char('w') if ctrl => {
                let keep = input.text.trim_end().rfind([' ', ',']).map_or(0, |i| i + 1);
                input.text.truncate(keep);
            }
            // A bound on what a paste of anything can make us hold.
            KeyCode::Char(c) if !ctrl && !c.is_control() && input.text.len() < 4096 => {
                input.text.push(c);
            }
            _ => {}
        }
        self.input = Some(input);
        None
    }

    fn answered(&mut self, input: Input) -> Option<Effect> {
        let text = input.text.trim().to_string();
        let edit = match input.ask {
            Ask::Command => return self.run_command(&text),
            _ if text.is_empty() && !may_be_empty(&input.ask) => {
                self.notify(Severity::Info, "Cancelled");
                return None;
            }
            Ask::Pipe => return self.pipe_effect(text),
            Ask::AddFeed => {
                self.notify(Severity::Info, format!("Adding {text}…"));
                FeedEdit::Add { url: text }
            }
            Ask::Rename { url } => FeedEdit::Rename { url, title: text },
            Ask::Tags { url } => FeedEdit::Tags {
                url,
                tags: text.split(',').map(str::to_string).collect(),
            },
            Ask::SaveSearch { query } => FeedEdit::SaveSearch { name: text, query },
            Ask::RenameSearch { name } => FeedEdit::RenameSearch {
                old: name,
                new: text,
            },
            Ask::Account { account, what } => {
                if matches!(what, AccountAsk::Add { .. }) {
                    self.notify(Severity::Info, format!("Adding {text} on {account}…"));
                }
                FeedEdit::Account {
                    change: what.change(text),
                    account,
                }
            }
            Ask::Confirm(_) => return None,
        };
        self.feeds_edit(edit);
        None
    }

    fn confirmed(&mut self, confirm: Confirm) {
        let edit = match confirm {
            Confirm::MarkRead { filter } => {
                if let Err(e) = self.mark_read_where(filter) {
                    self.notify(Severity::Error, e.to_string());
                }
                return;
            }
            Confirm::RemoveFeed { url } => FeedEdit::Remove { url },
            Confirm::RemoveSearch { name } => FeedEdit::RemoveSearch { name },
            Confirm::RemoveAccountFeed { account, feed_id } => FeedEdit::Account {
                account,
                change: SubsChange::Remove { feed_id },
            },
            Confirm::KeepFailed { url, error } => FeedEdit::Subscribe { url, error },
        };
        self.feeds_edit(edit);
    }

    fn run_command(&mut self, text: &str) -> Option<Effect> {
        if text.is_empty() {
            return None;
        }
        match Action::named(text) {
            Some(action) => self.update(action),
            None => {
                let message = format!("No command called “{text}” (Tab completes)");
                self.notify(Severity::Error, message);
                None
            }
        }
    }
}

/// Tab on the command line: the longest start the matching names share.
fn complete(input: &mut Input) {
    let names = input.completions();
    let Some(first) = names.first() else { return };
    let mut common = first.len();
    for name in &names[1..] {
        common = first
            .bytes()
            .zip(name.bytes())
            .take(common)
            .take_while(|(a, b)| a == b)
            .count();
    }
    if common > input.text.trim().len() {
        input.text = first[..common].to_string();
    }
}

/// Answers that may be empty: no tags, no folders.
fn may_be_empty(ask: &Ask) -> bool {
    matches!(
        ask,
        Ask::Tags { .. }
            | Ask::Account {
                what: AccountAsk::Folders { .. },
                ..
            }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_completes_the_shared_start_of_action_names() {
        let mut input = Input {
            ask: Ask::Command,
            question: ":".into(),
            text: "mark_a".into(),
        };
        complete(&mut input);
        assert_eq!(input.text, "mark_all_read");
        input.text = "to".into();
        complete(&mut input);
        assert_eq!(input.text, "to", "toggle_* and top share only “to”");
        input.text = "togg".into();
        complete(&mut input);
        assert_eq!(input.text, "toggle_");
        assert!(input.completions().contains(&"toggle_read"));
    }
}
