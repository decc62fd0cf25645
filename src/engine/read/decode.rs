//! What a file is before it is CSV: recognising the bytes a user dropped on
//! the page (ZIP/Excel, HTML, binary, UTF-8, UTF-16, Windows-1252) and turning
//! them, chunk by chunk, into UTF-8 for the CSV parser.
//!
//! UTF-8 input is passed through untouched (no copy); anything else goes
//! through a streaming decoder (see [`crate::engine::data::encoding`]).
//!
//! The encoding is sniffed from the first 64 KB, so UTF-8 text is still
//! checked as it passes: a Windows-1252 file whose first accent comes
//! later is noticed there. If everything before was plain ASCII (which
//! Windows-1252 reads the same), the rest is decoded as Windows-1252 and
//! nothing read so far changes; otherwise the bad bytes stay as they are
//! (read as U+FFFD) and are counted. Either way the caller is told where
//! ([`ChunkDecoder::decode_noting`]).

use crate::engine::data::encoding::{push_windows1252, Utf16Decoder};
use crate::engine::data::source::TextEncoding;
use crate::engine::read::error::ImportError;

/// How many leading bytes [`sniff`] looks at; callers buffer at least this
/// much (or the whole file, if smaller) before sniffing.
pub const SNIFF_LEN: usize = 64 * 1024;

/// Decides what the file is from its first bytes (`head`, at most
/// [`SNIFF_LEN`]); `is_whole_file` says whether `head` is all there is.
pub fn sniff(head: &[u8], is_whole_file: bool) -> Result<TextEncoding, ImportError> {
    if head.is_empty() {
        return Err(ImportError::EmptyFile);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        let is_workbook = contains(head, b"xl/") || contains(head, b"[Content_Types].xml");
        return Err(if is_workbook {
            ImportError::ExcelWorkbook
        } else {
            ImportError::ZipArchive
        });
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::ExcelWorkbook);
    }
    if head.starts_with(b"%PDF-") {
        return Err(ImportError::Pdf);
    }
    if head.starts_with(&[0x1F, 0x8B]) {
        return Err(ImportError::Gzip);
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        // A UTF-8 mark some tools put before UTF-16 text.
        if let Some(utf16) = utf16_without_bom(&head[3..]) {
            return Ok(utf16);
        }
        check_not_markup(&head[3..])?;
        return Ok(TextEncoding::Utf8Bom);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return Ok(TextEncoding::Utf16Le);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Ok(TextEncoding::Utf16Be);
    }
    if let Some(utf16) = utf16_without_bom(head) {
        return Ok(utf16);
    }
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary {
            offset: offset as u64,
        });
    }
    check_not_markup(head)?;
    // The first character that is not ASCII decides, as it does past the
    // sniffed bytes (see `Utf8Check`): UTF-8 if it is a UTF-8 character
    // (bad bytes later are counted and reported), else Windows-1252.
    let Some(first) = head.iter().position(|b| !b.is_ascii()) else {
        return Ok(TextEncoding::Utf8);
    };
    let rest = &head[first..];
    match std::str::from_utf8(&rest[..rest.len().min(4)]) {
        Ok(_) => Ok(TextEncoding::Utf8),
        // The character is whole, and something after it is not UTF-8.
        Err(e) if e.valid_up_to() > 0 => Ok(TextEncoding::Utf8),
        // A multi-byte character cut by the end of the sniffed window is
        // still UTF-8.
        Err(e) if e.error_len().is_none() && !is_whole_file => Ok(TextEncoding::Utf8),
        Err(_) => Ok(TextEncoding::Windows1252),
    }
}

/// UTF-16 saved without a byte-order mark shows as every other byte being
/// zero in ASCII-heavy text.
fn utf16_without_bom(head: &[u8]) -> Option<TextEncoding> {
    let sample = &head[..head.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 9 && even_zero == 0 {
        Some(TextEncoding::Utf16Le)
    } else if even_zero * 10 >= pairs * 9 && odd_zero == 0 {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

fn check_not_markup(head: &[u8]) -> Result<(), ImportError> {
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let lead: Vec<u8> = head[start..]
        .iter()
        .take(15)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if lead.starts_with(b"<?xml") {
        // Excel's "XML Spreadsheet 2003" is a workbook.
        let is_workbook = contains(head, b"urn:schemas-microsoft-com:office:spreadsheet");
        return Err(if is_workbook {
            ImportError::ExcelWorkbook
        } else {
            ImportError::Xml
        });
    }
    if lead.starts_with(b"<!doctype html")
        || lead.starts_with(b"<html")
        || lead.starts_with(b"<head")
        || lead.starts_with(b"<!--")
    {
        return Err(ImportError::Html);
    }
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Turns chunks of a file into UTF-8 text. For UTF-8 files it hands the
/// bytes back as they are (minus the BOM); for the others it decodes.
pub(crate) struct ChunkDecoder {
    encoding: TextEncoding,
    decoder: Option<Decoder>,
    /// The file's first bytes, held until there are enough to tell how
    /// many of them are a byte-order mark (a chunk may be one byte).
    head: Vec<u8>,
    head_done: bool,
    decoded: String,
    /// Passed-through UTF-8 is checked as it passes (not for slices from
    /// the middle of a file, which may start inside a character).
    check: Option<Utf8Check>,
    /// Bytes of byte-order mark skipped.
    mark: usize,
}

/// The state of checking passed-through UTF-8 across chunks.
#[derive(Default)]
struct Utf8Check {
    /// The start of a character cut by the end of the last chunk, held
    /// back until the next chunk completes it (or shows it is not UTF-8).
    carry: Vec<u8>,
    /// Some byte so far was not ASCII.
    seen_non_ascii: bool,
    /// Invalid sequences met (each is read as one U+FFFD).
    replaced: u64,
    /// The output buffer when held-back bytes have to lead a chunk.
    joined: Vec<u8>,
}

/// Something the caller must tell the user about the text of the chunk
/// last decoded; `at` is an offset in that chunk's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A byte that is not UTF-8 after only ASCII: from `at` on the file is
    /// decoded as Windows-1252.
    SwitchedToWindows1252 { at: usize },
    /// The first byte that is not UTF-8 after non-ASCII UTF-8.
    NotUtf8 { at: usize },
}

/// Bytes of byte-order mark the file really starts with: UTF-16 saved
/// without one loses no character, and a UTF-8 mark wrongly put before
/// UTF-16 text is dropped rather than decoded as text.
fn mark_len(encoding: TextEncoding, head: &[u8]) -> usize {
    let utf8_mark = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    match encoding {
        TextEncoding::Utf8Bom => 3,
        TextEncoding::Utf16Le | TextEncoding::Utf16Be if utf8_mark => 3,
        TextEncoding::Utf16Le if head.starts_with(&[0xFF, 0xFE]) => 2,
        TextEncoding::Utf16Be if head.starts_with(&[0xFE, 0xFF]) => 2,
        _ => 0,
    }
}

impl ChunkDecoder {
    pub fn new(encoding: TextEncoding) -> Self {
        ChunkDecoder {
            encoding,
            // The BOM was already recognised, so decode without sniffing again.
            decoder: Decoder::of(encoding),
            head: Vec::new(),
            head_done: false,
            decoded: String::new(),
            check: encoding.is_passthrough().then(Utf8Check::default),
            mark: 0,
        }
    }

    /// A decoder for a slice from the middle of the file: no byte-order
    /// mark to skip, and no UTF-8 check (it may start inside a character).
    pub(crate) fn continuing(encoding: TextEncoding) -> Self {
        ChunkDecoder {
            head_done: true,
            check: None,
            ..ChunkDecoder::new(encoding)
        }
    }

    /// The encoding the text is read in now: Windows-1252 once UTF-8 that
    /// was not has been switched.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// Sequences of passed-through text that were not UTF-8 (after text
    /// that was, so not switched to Windows-1252).
    pub fn replaced(&self) -> u64 {
        self.check.as_ref().map_or(0, |c| c.replaced)
    }

    /// Bytes of byte-order mark skipped at the start of the file.
    pub fn mark_len(&self) -> usize {
        self.mark
    }

    /// Decodes the next chunk; `last` marks the end of the file. The returned
    /// text is valid until the next call.
    pub fn decode<'a>(&'a mut self, chunk: &'a [u8], last: bool) -> &'a [u8] {
        self.decode_noting(chunk, last).0
    }

    /// [`ChunkDecoder::decode`], with what the chunk's text showed about
    /// the encoding, if anything to tell.
    pub fn decode_noting<'a>(
        &'a mut self,
        chunk: &'a [u8],
        last: bool,
    ) -> (&'a [u8], Option<Notice>) {
        let chunk = if self.head_done {
            chunk
        } else {
            let take = (3 - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
            if self.head.len() < 3 && !last {
                return (&[], None);
            }
            self.head_done = true;
            let skip = mark_len(self.encoding, &self.head).min(self.head.len());
            self.mark = skip;
            self.head.drain(..skip);
            self.head.extend_from_slice(&chunk[take..]);
            // The first chunk is handed on from `head`, not needed again.
            &self.head[..]
        };
        if self.decoder.is_none() {
            let Some(check) = self.check.as_mut() else {
                return (chunk, None);
            };
            let (text, found) = check.pass(chunk, last);
            match found {
                Found::Nothing => return (text, None),
                Found::NotUtf8 { at, first } => {
                    return (text, first.then_some(Notice::NotUtf8 { at }));
                }
                Found::AsciiThenNot { at } => {
                    // Everything so far was ASCII, which Windows-1252 reads
                    // the same: decode the rest as Windows-1252.
                    let (ascii, rest) = text.split_at(at);
                    self.decoded.clear();
                    self.decoded
                        .push_str(std::str::from_utf8(ascii).unwrap_or_default());
                    push_windows1252(rest, &mut self.decoded);
                    self.decoder = Some(Decoder::Windows1252);
                    self.encoding = TextEncoding::Windows1252;
                    // The check stays, unused: the decoder reads from now on.
                    let notice = Notice::SwitchedToWindows1252 { at };
                    return (self.decoded.as_bytes(), Some(notice));
                }
            }
        }
        let Some(decoder) = self.decoder.as_mut() else {
            return (chunk, None);
        };
        self.decoded.clear();
        match decoder {
            Decoder::Windows1252 => push_windows1252(chunk, &mut self.decoded),
            Decoder::Utf16(d) => d.decode_to_string(chunk, &mut self.decoded, last),
        }
        (self.decoded.as_bytes(), None)
    }
}

/// What [`Utf8Check::pass`] found in a chunk's text.
enum Found {
    Nothing,
    /// Bytes that are not UTF-8 after non-ASCII UTF-8, the first at `at`;
    /// `first` when they are the file's first.
    NotUtf8 {
        at: usize,
        first: bool,
    },
    /// The first byte that is not UTF-8, at `at`, after only ASCII.
    AsciiThenNot {
        at: usize,
    },
}

impl Utf8Check {
    /// Checks the next chunk and returns the text to hand on. A character
    /// cut by the chunk's end is held back, to reach the parser whole (in
    /// case the file turns out to be Windows-1252, when its bytes are read
    /// otherwise), so the text may be held bytes joined to the chunk.
    fn pass<'a>(&'a mut self, chunk: &'a [u8], last: bool) -> (&'a [u8], Found) {
        let Utf8Check {
            carry,
            seen_non_ascii,
            replaced,
            joined,
        } = self;
        let text: &[u8] = if carry.is_empty() {
            chunk
        } else {
            joined.clear();
            joined.append(carry);
            joined.extend_from_slice(chunk);
            joined
        };
        let mut end = text.len();
        let mut first_bad = None;
        let mut bad = 0;
        let mut from = 0;
        while let Err(e) = std::str::from_utf8(&text[from..]) {
            let at = from + e.valid_up_to();
            match e.error_len() {
                Some(len) => {
                    first_bad.get_or_insert(at);
                    bad += 1;
                    from = at + len;
                }
                // A character cut by the chunk's end.
                None if !last => {
                    end = at;
                    break;
                }
                None => {
                    first_bad.get_or_insert(at);
                    bad += 1;
                    break;
                }
            }
        }
        if let Some(at) = first_bad {
            if !*seen_non_ascii && *replaced == 0 && text[..at].is_ascii() {
                // All of it goes to the Windows-1252 decoder, cut or not.
                return (text, Found::AsciiThenNot { at });
            }
        }
        carry.extend_from_slice(&text[end..]);
        let text = &text[..end];
        let Some(at) = first_bad else {
            *seen_non_ascii = *seen_non_ascii || !text.is_ascii();
            return (text, Found::Nothing);
        };
        *seen_non_ascii = true;
        let first = *replaced == 0;
        *replaced += bad;
        (text, Found::NotUtf8 { at, first })
    }
}

/// The decoder of a file that is not UTF-8.
enum Decoder {
    /// Every byte is one character: nothing to carry between chunks.
    Windows1252,
    Utf16(Utf16Decoder),
}

impl Decoder {
    fn of(encoding: TextEncoding) -> Option<Decoder> {
        match encoding {
            TextEncoding::Utf16Le => Some(Decoder::Utf16(Utf16Decoder::new(false))),
            TextEncoding::Utf16Be => Some(Decoder::Utf16(Utf16Decoder::new(true))),
            TextEncoding::Windows1252 => Some(Decoder::Windows1252),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8], chunk: usize) -> String {
        let enc = sniff(&bytes[..bytes.len().min(SNIFF_LEN)], true).unwrap();
        let mut d = ChunkDecoder::new(enc);
        let mut out = Vec::new();
        let pieces: Vec<&[u8]> = bytes.chunks(chunk).collect();
        for (i, piece) in pieces.iter().enumerate() {
            out.extend_from_slice(d.decode(piece, i + 1 == pieces.len()));
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sniff_table() {
        let cases: &[(&[u8], Result<TextEncoding, &str>)] = &[
            (b"", Err("empty")),
            (
                b"PK\x03\x04\x14\x00[Content_Types].xml xl/workbook",
                Err("excel"),
            ),
            (b"PK\x03\x04\x14\x00data.csv", Err("zip")),
            (b"<!DOCTYPE html><html>", Err("html")),
            (b"  \n<html><body>", Err("html")),
            (b"\xEF\xBB\xBFa,b\n", Ok(TextEncoding::Utf8Bom)),
            (b"\xFF\xFEa\x00", Ok(TextEncoding::Utf16Le)),
            (b"\xFE\xFF\x00a", Ok(TextEncoding::Utf16Be)),
            (b"a,b\nM\xC3\xA9naka,1\n", Ok(TextEncoding::Utf8)),
            (b"a,b\nM\xE9naka,1\n", Ok(TextEncoding::Windows1252)),
            (b"a,b\n\x00\x01\x02\x03\x04", Err("binary")),
        ];
        for (bytes, expected) in cases {
            let got = sniff(bytes, true);
            match (got, expected) {
                (Ok(enc), Ok(want)) => assert_eq!(enc, *want, "{bytes:?}"),
                (Err(e), Err(kind)) => {
                    let ok = match *kind {
                        "empty" => matches!(e, ImportError::EmptyFile),
                        "excel" => matches!(e, ImportError::ExcelWorkbook),
                        "zip" => matches!(e, ImportError::ZipArchive),
                        "html" => matches!(e, ImportError::Html),
                        "binary" => matches!(e, ImportError::Binary { .. }),
                        _ => false,
                    };
                    assert!(ok, "{bytes:?} gave {e:?}, wanted {kind}");
                }
                (got, want) => panic!("{bytes:?}: got {got:?}, wanted {want:?}"),
            }
        }
    }

    /// The first character that is not ASCII decides between UTF-8 and
    /// Windows-1252, in the sniffed bytes as after them.
    #[test]
    fn the_first_non_ascii_character_decides_the_encoding() {
        let cases: &[(&[u8], TextEncoding)] = &[
            (b"a\nM\xC3\xA9naka\nS\xE9gou\n", TextEncoding::Utf8),
            (b"a\nS\xE9gou\nM\xC3\xA9naka\n", TextEncoding::Windows1252),
            (b"a\n\xE9", TextEncoding::Windows1252),
            (b"a\n\xC3\xA9", TextEncoding::Utf8),
            (b"a\n\xE2\x82\xAC\xFF", TextEncoding::Utf8),
        ];
        for (bytes, want) in cases {
            assert_eq!(sniff(bytes, true).unwrap(), *want, "{bytes:?}");
        }
        assert_eq!(sniff(b"%PDF-1.7\n", true), Err(ImportError::Pdf));
        assert_eq!(sniff(b"\x1F\x8B\x08\x00", true), Err(ImportError::Gzip));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><a/>", true),
            Err(ImportError::Xml)
        );
        let spreadsheet = b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">";
        assert_eq!(sniff(spreadsheet, true), Err(ImportError::ExcelWorkbook));
    }

    #[test]
    fn truncated_utf8_in_sniff_window_is_still_utf8() {
        assert_eq!(sniff(b"a,M\xC3", false).unwrap(), TextEncoding::Utf8);
    }

    #[test]
    fn decodes_each_encoding_in_tiny_chunks() {
        let text = "location,n\nMénaka,1\nSégou,2\n";
        let mut utf16le = vec![0xFF, 0xFE];
        utf16le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        // Every character of the text is in Latin-1, which Windows-1252
        // writes as the same byte.
        let cp1252: Vec<u8> = text.chars().map(|c| c as u8).collect();
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        for bytes in [utf16le, utf16be, cp1252, bom, text.as_bytes().to_vec()] {
            for chunk in [1, 2, 3, 7, 1000] {
                assert_eq!(decode_all(&bytes, chunk), text, "chunk {chunk}");
            }
        }
    }

    /// Hostile-input review, defect 7: UTF-16 without a byte-order mark
    /// lost its first character (two bytes were skipped for a mark that
    /// was not there).
    #[test]
    fn utf16_without_a_byte_order_mark_keeps_its_first_character() {
        let text = "event_date,location\n2022-05-05,Ségou\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        for bytes in [le, be] {
            for chunk in [1, 2, 3, 5, 4096] {
                assert_eq!(decode_all(&bytes, chunk), text, "chunk {chunk}");
            }
        }
    }

    /// Hostile-input review, defect 12: a UTF-8 byte-order mark before
    /// UTF-16 text printed NUL characters.
    #[test]
    fn a_utf8_mark_before_utf16_text_is_dropped() {
        let text = "event_date,location\n2022-05-05,Ménaka\n";
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(sniff(&bytes, true).unwrap(), TextEncoding::Utf16Le);
        for chunk in [1, 2, 4, 4096] {
            assert_eq!(decode_all(&bytes, chunk), text, "chunk {chunk}");
        }
    }
}
