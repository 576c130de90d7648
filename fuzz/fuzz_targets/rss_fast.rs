#![no_main]
//! Runs `edicola::fuzzing::targets::rss_fast`; see `fuzz/README.md`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::rss_fast(data));
