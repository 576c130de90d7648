#![no_main]
//! Runs `edicola::fuzzing::targets::feed_rs` from JSON Feed seeds
//! (`fuzz/seed.sh`); see CONTRIBUTING.md, "Fuzzing".

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::feed_rs(data));
