//! The open article out of the reader: `S` saves it as Markdown in the
//! download folder, `|` pipes it to a command and shows what it prints.
//! Both run off the UI thread (see `jobs`); their results come back here.

use super::input::Ask;
use super::{App, Effect, Overlay, Severity};
use crate::jobs::pipe::Piped;

impl App {
    /// `S`: the open article as Markdown (or HTML, as the settings say),
    /// to save.
    pub(super) fn save_article_effect(&mut self) -> Option<Effect> {
        let Some(opened) = &self.opened else {
            self.notify(Severity::Info, "No article open to save");
            return None;
        };
        let article = &opened.article;
        let format = self.settings.save_format;
        let content = match format {
            crate::settings::SaveFormat::Markdown => crate::export::markdown(article),
            crate::settings::SaveFormat::Html => {
                crate::export::html::document(&article.title, std::slice::from_ref(article))
            }
        };
        let effect = Effect::SaveArticle {
            name: crate::export::file_name(&article.title, format.extension()),
            content,
        };
        self.notify(Severity::Info, "Saving…");
        Some(effect)
    }

    /// `|`: asks for the command.
    pub(super) fn start_pipe(&mut self) {
        if self.opened.is_none() {
            self.notify(Severity::Info, "No article open to pipe");
            return;
        }
        self.ask(
            Ask::Pipe,
            "Pipe the article to (!cmd: in the terminal): ",
            String::new(),
        );
    }

    /// The command typed: run it on the open article.
    pub(super) fn pipe_effect(&mut self, command: String) -> Option<Effect> {
        let opened = self.opened.as_ref()?;
        let markdown = crate::export::markdown(&opened.article);
        if let Some(command) = command.strip_prefix('!') {
            // A command that uses the terminal (a pager, an editor): the
            // reader steps aside while it runs.
            return Some(Effect::PipeInTerminal {
                command: command.trim().to_string(),
                markdown,
            });
        }
        self.notify(Severity::Info, format!("Running {command}…"));
        Some(Effect::Pipe { command, markdown })
    }

    /// A piped command ended: its output in a popup, or its end in the
    /// status bar when it printed nothing.
    pub(super) fn on_piped(&mut self, result: Result<Piped, crate::program::ProgramError>) {
        match result {
            Err(e) => self.report(Severity::Error, e.to_string()),
            Ok(piped) if piped.lines.iter().all(|l| l.trim().is_empty()) => {
                let severity = if piped.success {
                    Severity::Info
                } else {
                    Severity::Error
                };
                let message = format!(
                    "{}: {}, no output",
                    crate::text::controls::without_controls(&piped.command),
                    piped.status
                );
                self.report(severity, message);
            }
            Ok(piped) => {
                self.status = None;
                self.overlay = Some(Overlay::Output { piped, scroll: 0 });
            }
        }
    }

    /// An article was saved (or not).
    pub(super) fn on_saved(&mut self, result: Result<std::path::PathBuf, crate::jobs::JobError>) {
        match result {
            Ok(path) => {
                let shown = path.display().to_string();
                let shown = crate::text::controls::without_controls(&shown).into_owned();
                self.report(Severity::Info, format!("Saved {shown}"));
            }
            Err(e) => self.report(Severity::Error, format!("Not saved: {e}")),
        }
    }
}
