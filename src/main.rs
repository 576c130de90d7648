use std::process::ExitCode;

/// mimalloc: an import is about 5% faster than with glibc's malloc (the
/// parsing threads allocate many small strings, freed on other threads).
/// Built without transparent huge pages: with them, the reader's memory at
/// its first frame doubled (each touched 2 MiB region counted whole).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    edicola::cli::main()
}
