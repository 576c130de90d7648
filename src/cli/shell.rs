//! Shell integration: the man page and shell completions, both generated
//! from the command line's own definition, so they never fall behind it.

use clap::CommandFactory;

use super::{Cli, Failure};

/// The shells `edicola completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The man page (roff), with a section for each command.
pub fn man_page() -> Result<Vec<u8>, std::io::Error> {
    let command = Cli::command();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // The commands with what each takes, as `edicola COMMAND --help` says.
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        commands_section(&mut out, sub, "")?;
    }
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// One command (and its own commands, for `bookmarks export`) as a
/// tagged paragraph: usage, description, options.
fn commands_section(
    out: &mut Vec<u8>,
    sub: &clap::Command,
    parent: &str,
) -> Result<(), std::io::Error> {
    let name = format!("{parent}{}", sub.get_name());
    let mut sub = sub.clone().bin_name(format!("edicola {name}"));
    let usage = sub.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage: ").to_string();
    out.extend_from_slice(format!(".TP\n\\fB{}\\fR\n", roff_escape(&usage)).as_bytes());
    let about = sub
        .get_long_about()
        .or(sub.get_about())
        .map(|a| a.to_string())
        .unwrap_or_default();
    out.extend_from_slice(format!("{}\n", roff_escape(&about)).as_bytes());
    for arg in sub
        .get_arguments()
        .filter(|a| !a.is_hide_set() && a.get_id() != "help")
    {
        let Some(help) = arg.get_help() else { continue };
        let flag = match (arg.get_long(), arg.get_value_names()) {
            (Some(long), _) => format!("--{long}"),
            (None, Some(names)) => names.iter().map(|n| format!("<{n}>")).collect(),
            (None, None) => format!("<{}>", arg.get_id()),
        };
        out.extend_from_slice(
            format!(
                ".br\n  {}: {}\n",
                roff_escape(&flag),
                roff_escape(&help.to_string())
            )
            .as_bytes(),
        );
    }
    for inner in sub.get_subcommands().filter(|s| !s.is_hide_set()) {
        commands_section(out, inner, &format!("{name} "))?;
    }
    Ok(())
}

/// Text safe inside a roff paragraph: backslashes doubled, and a line that
/// would start with `.` or `'` (a request) starts with a zero-width escape.
fn roff_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .lines()
        .map(|l| {
            let l = l.trim_start();
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    let name = "edicola";
    match shell {
        Shell::Bash => {
            clap_complete::generate(clap_complete::Shell::Bash, &mut command, name, &mut out)
        }
        Shell::Zsh => {
            clap_complete::generate(clap_complete::Shell::Zsh, &mut command, name, &mut out)
        }
        Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut command, name, &mut out)
        }
    }
    out
}

/// `edicola man`.
pub fn man() -> Result<(), Failure> {
    let page = man_page().map_err(|e| Failure::fatal(e.to_string()))?;
    write_stdout(&page)
}

/// `edicola completions SHELL`.
pub fn print_completions(shell: Shell) -> Result<(), Failure> {
    write_stdout(&completions(shell))
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::fatal(format!("cannot write: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn roff_requests_are_escaped() {
        assert_eq!(super::roff_escape("a\\b\n.SH x"), "a\\\\b\n\\&.SH x");
    }
}
