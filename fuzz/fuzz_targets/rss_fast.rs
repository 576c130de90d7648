#![no_main]
//! Runs `edicola::fuzzing::targets::rss_fast`; see CONTRIBUTING.md, "Fuzzing".

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::rss_fast(data));
