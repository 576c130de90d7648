#![no_main]
//! Runs `edicola::fuzzing::targets::feed_rs`; see `fuzz/README.md`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::feed_rs(data));
