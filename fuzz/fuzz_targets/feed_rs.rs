#![no_main]
//! Runs `edicola::fuzzing::targets::feed_rs` from every XML feed seed
//! (RSS, RDF, Atom: `fuzz/seed.sh`);
//! see CONTRIBUTING.md, "Fuzzing".

libfuzzer_sys::fuzz_target!(|data: &[u8]| edicola::fuzzing::targets::feed_rs(data));
