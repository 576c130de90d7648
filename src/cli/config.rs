//! `edicola config`: the default settings file, where the user's goes, and
//! a check of the user's settings and keymap.

use super::Failure;
use crate::config::Paths;
use crate::settings::{self, Level};

/// What `edicola config` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// Print the commented default file.
    Default,
    /// Print where the user's file goes.
    Path,
    /// Check the user's settings and keymap.
    Check,
}

pub fn config(paths: &Paths, what: What) -> Result<(), Failure> {
    match what {
        What::Default => {
            print!("{}", settings::DEFAULT_TEXT);
            Ok(())
        }
        What::Path => {
            println!("{}", paths.settings_file().display());
            Ok(())
        }
        What::Check => check(paths),
    }
}

/// Prints every problem in config.toml and keymap.toml on stderr; exits 2
/// when one of them is an error (the reader would start on the defaults).
fn check(paths: &Paths) -> Result<(), Failure> {
    let loaded = settings::load(&paths.settings_file());
    for problem in &loaded.problems {
        eprintln!("edicola: {}", super::output::lines(&problem.to_string()));
    }
    let keymap = crate::keymap::Keymap::load(&paths.keymap_file()).err();
    if let Some(e) = &keymap {
        eprintln!("edicola: {}", super::output::lines(&e.as_error()));
    }
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .count()
        + usize::from(keymap.is_some());
    if errors > 0 {
        return Err(Failure::fatal(format!(
            "{}: the reader would start on the defaults",
            crate::text::plural::count(errors, "error", "errors")
        )));
    }
    let warnings = loaded.problems.len();
    if warnings > 0 {
        eprintln!(
            "edicola: {} (the rest of the settings hold)",
            crate::text::plural::count(warnings, "warning", "warnings")
        );
    } else {
        println!("The settings and keymap are fine.");
    }
    Ok(())
}
