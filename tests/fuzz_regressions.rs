//! The fuzz targets (`fuzz/`, see CONTRIBUTING.md) as ordinary tests: the
//! inputs the fuzzers found troublesome, kept in `tests/fixtures/fuzz/<target>/`,
//! and every target over the repository's own fixtures, run through the same
//! functions the fuzzers call (`edicola::fuzzing::targets`). None may panic
//! (a broken invariant panics too), and each input must finish in bounded time.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use edicola::fuzzing::targets::{self, Target};

/// Generous: this is a debug build, and the fuzzers report inputs slower
/// than 10 s in an optimised one.
const LIMIT: Duration = Duration::from_secs(20);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

fn run(name: &str, target: Target, file: &Path) {
    let data = std::fs::read(file).expect("read a fuzz input");
    eprintln!("{name}: {}", file.display());
    let start = Instant::now();
    target(&data);
    let took = start.elapsed();
    assert!(took < LIMIT, "{name}: {} took {took:?}", file.display());
}

#[test]
fn reproducers_found_by_fuzzing_pass() {
    let dir = root().join("tests/fixtures/fuzz");
    for target_dir in std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz")
        .flatten()
    {
        let name = target_dir.file_name().to_string_lossy().into_owned();
        if !target_dir.path().is_dir() {
            continue;
        }
        let target = targets::by_name(&name)
            .unwrap_or_else(|| panic!("tests/fixtures/fuzz/{name}: no such fuzz target"));
        for file in files_in(&target_dir.path()) {
            run(&name, target, &file);
        }
    }
}

/// The targets' invariants hold on the inputs they are seeded with.
#[test]
fn every_target_passes_on_the_fixtures_and_seeds() {
    let fixtures = ["feeds", "html", "opml", "textpage"]
        .iter()
        .flat_map(|d| files_in(&root().join("tests/fixtures").join(d)))
        .collect::<Vec<_>>();
    for (name, target) in targets::ALL {
        let seeds = files_in(&root().join("fuzz/seeds").join(name));
        for file in seeds.iter().chain(&fixtures) {
            run(name, *target, file);
        }
    }
}
