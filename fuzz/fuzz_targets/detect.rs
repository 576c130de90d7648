#![no_main]
//! Runs `edicola::fuzzing::targets::detect`; see `fuzz/README.md`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::detect(data));
