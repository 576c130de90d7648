#![no_main]
//! Runs `edicola::fuzzing::targets::keymap`; see CONTRIBUTING.md, "Fuzzing".

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::keymap(data));
