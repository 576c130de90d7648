use std::process::ExitCode;

fn main() -> ExitCode {
    edicola::cli::main()
}
