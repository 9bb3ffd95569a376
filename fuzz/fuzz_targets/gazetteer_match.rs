#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| byline_fuzz::targets::gazetteer_match(data));
