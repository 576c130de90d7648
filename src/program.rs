//! Why a program the reader started for the user (a browser, a piped
//! command, the notify and bookmark commands) failed. Every message names
//! the program.

use std::io;
use std::process::ExitStatus;
use std::sync::Arc;
use std::time::Duration;

/// A program that could not run or did not end well. Clone, so that a
/// job's report can be copied (the system's errors are shared).
#[derive(Debug, Clone, thiserror::Error)]
pub enum ProgramError {
    #[error("{program}: not found")]
    NotFound { program: String },
    #[error("cannot run {program}: {source}")]
    Start {
        program: String,
        source: Arc<io::Error>,
    },
    #[error("cannot wait for {program}: {source}")]
    Wait {
        program: String,
        source: Arc<io::Error>,
    },
    #[error("{program}: exit {code}")]
    Exit { program: String, code: i32 },
    #[error("{program}: ended by a signal")]
    Signal { program: String },
    #[error("{program}: stopped after {time:?}")]
    TimedOut { program: String, time: Duration },
}

impl ProgramError {
    /// `program` could not be started.
    pub fn start(program: &str, e: io::Error) -> ProgramError {
        let program = program.to_string();
        match e.kind() {
            io::ErrorKind::NotFound => ProgramError::NotFound { program },
            _ => ProgramError::Start {
                program,
                source: Arc::new(e),
            },
        }
    }

    /// Waiting for `program` failed.
    pub fn wait(program: &str, e: io::Error) -> ProgramError {
        ProgramError::Wait {
            program: program.to_string(),
            source: Arc::new(e),
        }
    }

    /// Ok when `program` ended with status 0.
    pub fn check(program: &str, status: ExitStatus) -> Result<(), ProgramError> {
        let program = program.to_string();
        match status.code() {
            Some(0) => Ok(()),
            Some(code) => Err(ProgramError::Exit { program, code }),
            None => Err(ProgramError::Signal { program }),
        }
    }
}

/// Reports compare by what they say (tests, and dropping repeats).
impl PartialEq for ProgramError {
    fn eq(&self, other: &ProgramError) -> bool {
        self.to_string() == other.to_string()
    }
}
