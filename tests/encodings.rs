//! The engine's Windows-1252 and UTF-16 decoders against `encoding_rs` (the
//! WHATWG Encoding Standard's decoders, which browsers follow) on random
//! bytes, whole and cut into random chunks. Native only, as proptest is.
#![cfg(not(target_arch = "wasm32"))]

use eventlens::engine::data::encoding::{windows1252, Utf16Decoder};
use proptest::prelude::*;

fn chunked_utf16(bytes: &[u8], cuts: &[usize], big_endian: bool) -> String {
    let mut decoder = Utf16Decoder::new(big_endian);
    let mut out = String::new();
    let mut at = 0;
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    points.sort_unstable();
    for p in points {
        decoder.decode_to_string(&bytes[at..p.max(at)], &mut out, false);
        at = p.max(at);
    }
    decoder.decode_to_string(&bytes[at..], &mut out, true);
    out
}

/// Bytes rich in surrogates, so pairs, lone halves and cut pairs all occur.
fn utf16_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(
        prop_oneof![
            any::<u8>(),
            Just(0xD8),
            Just(0xDB),
            Just(0xDC),
            Just(0xDF),
            Just(0x00),
            Just(0x41),
        ],
        0..64,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn windows1252_reads_every_byte_as_the_standard_does(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let want = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes).0;
        prop_assert_eq!(windows1252(&bytes), want);
    }

    #[test]
    fn utf16_in_chunks_reads_as_the_standard_does(
        bytes in utf16_bytes(),
        cuts in proptest::collection::vec(any::<usize>(), 0..6),
    ) {
        for (big_endian, encoding) in [(false, encoding_rs::UTF_16LE), (true, encoding_rs::UTF_16BE)] {
            let want = encoding.decode_without_bom_handling(&bytes).0;
            prop_assert_eq!(chunked_utf16(&bytes, &cuts, big_endian), want.as_ref());
        }
    }
}

/// Every byte 0x80-0x9F, by hand from the code page.
#[test]
fn windows1252_c1_range() {
    let bytes: Vec<u8> = (0x80..=0x9F).collect();
    assert_eq!(
        windows1252(&bytes),
        "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
    );
    assert_eq!(windows1252(b"M\xE9naka"), "Ménaka");
}
