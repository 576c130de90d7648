#![no_main]
//! Runs `edicola::fuzzing::targets::opml_list`; see CONTRIBUTING.md, "Fuzzing".

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::opml_list(data));
