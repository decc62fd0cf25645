//! The two text encodings besides UTF-8 that event files come in:
//! Windows-1252 (older Excel exports) and UTF-16 (Excel's "Unicode text"),
//! decoded to UTF-8 as the WHATWG Encoding Standard says (as browsers do).
//! Only these two are read, so a general decoding library and its tables
//! for every other encoding stay out of the web app.

use std::borrow::Cow;

/// The characters of bytes 0x80-0x9F in Windows-1252; the five bytes it
/// leaves undefined read as the C1 controls of the same number.
const C1: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The character of one Windows-1252 byte (every byte is one).
#[inline]
pub fn windows1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => C1[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Appends `bytes` read as Windows-1252 to `out`.
pub fn push_windows1252(bytes: &[u8], out: &mut String) {
    out.reserve(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        // ASCII runs are copied as they are.
        let ascii = rest
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(std::str::from_utf8(run).unwrap_or_default());
        if let Some((&b, tail)) = tail.split_first() {
            out.push(windows1252_char(b));
            rest = tail;
        } else {
            rest = tail;
        }
    }
}

/// `bytes` read as Windows-1252 (borrowed when they are all ASCII).
pub fn windows1252(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) if bytes.is_ascii() => Cow::Borrowed(text),
        _ => {
            let mut out = String::new();
            push_windows1252(bytes, &mut out);
            Cow::Owned(out)
        }
    }
}

/// A streaming UTF-16 decoder: a code unit or a surrogate pair cut by the
/// end of a chunk is completed by the next one. Unpaired surrogates and an
/// odd byte at the very end read as U+FFFD.
#[derive(Clone, Debug)]
pub struct Utf16Decoder {
    big_endian: bool,
    /// The first byte of a code unit cut by the end of the last chunk.
    lead_byte: Option<u8>,
    /// A high surrogate waiting for its low half.
    lead_surrogate: Option<u16>,
}

impl Utf16Decoder {
    pub fn new(big_endian: bool) -> Utf16Decoder {
        Utf16Decoder {
            big_endian,
            lead_byte: None,
            lead_surrogate: None,
        }
    }

    /// Decodes `chunk` onto `out`; `last` marks the end of the input.
    pub fn decode_to_string(&mut self, chunk: &[u8], out: &mut String, last: bool) {
        out.reserve(chunk.len() / 2 + 4);
        let mut bytes = chunk;
        if let Some(lead) = self.lead_byte {
            if let Some((&b, rest)) = bytes.split_first() {
                self.lead_byte = None;
                self.unit(self.join(lead, b), out);
                bytes = rest;
            }
        }
        let mut pairs = bytes.chunks_exact(2);
        for pair in &mut pairs {
            self.unit(self.join(pair[0], pair[1]), out);
        }
        if let [b] = pairs.remainder() {
            self.lead_byte = Some(*b);
        }
        if last && (self.lead_byte.is_some() || self.lead_surrogate.is_some()) {
            // One replacement for whatever was left unfinished.
            self.lead_byte = None;
            self.lead_surrogate = None;
            out.push(char::REPLACEMENT_CHARACTER);
        }
    }

    #[inline]
    fn join(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }

    #[inline]
    fn unit(&mut self, unit: u16, out: &mut String) {
        if let Some(high) = self.lead_surrogate.take() {
            if (0xDC00..=0xDFFF).contains(&unit) {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                return;
            }
            // The high surrogate had no low half; this unit stands alone.
            out.push(char::REPLACEMENT_CHARACTER);
        }
        match unit {
            0xD800..=0xDBFF => self.lead_surrogate = Some(unit),
            0xDC00..=0xDFFF => out.push(char::REPLACEMENT_CHARACTER),
            _ => out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
    }
}
