use std::process::ExitCode;

/// mimalloc reuses freed memory between the files an import parses, where
/// the system allocator returned each large buffer to the kernel and
/// faulted fresh pages in for the next (measured in BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    edicola::cli::main()
}
