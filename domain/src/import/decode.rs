//! Turning a dwelling file's bytes into text. Recent RPLS exports are UTF-8 (sometimes with a BOM),
//! older ones ISO-8859-1, and files re-saved by Excel come out as Windows-1252 or, with "Unicode
//! text", UTF-16. We detect rather than assume: bytes that are valid UTF-8 are UTF-8 (Latin-1
//! accents are almost never valid UTF-8 by accident), anything else is read as Windows-1252.

use serde::{Deserialize, Serialize};

/// How the file was written, shown to the coordinator next to the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with the byte-order mark Excel and some exports add.
    Utf8WithBom,
    /// Windows-1252, the superset of ISO-8859-1 that Windows writes: both read the same here.
    Windows1252,
    /// Excel's "Unicode text" export.
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    /// The usual name, the one a coordinator would pick in a spreadsheet's import dialog.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8WithBom => "UTF-8 (BOM)",
            Encoding::Windows1252 => "ISO-8859-1 / Windows-1252",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The file's text, without its byte-order mark.
    pub text: String,
    pub encoding: Encoding,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // The mark promises UTF-8; a stray invalid byte becomes U+FFFD rather than losing the file.
        let text = String::from_utf8_lossy(rest).into_owned();
        return Decoded {
            text,
            encoding: Encoding::Utf8WithBom,
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Decoded {
            text: utf16(rest, u16::from_le_bytes),
            encoding: Encoding::Utf16Le,
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Decoded {
            text: utf16(rest, u16::from_be_bytes),
            encoding: Encoding::Utf16Be,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
        },
        Err(_) => Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            encoding: Encoding::Windows1252,
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// One Windows-1252 byte as a character. ISO-8859-1 is the same table except 0x80–0x9F, which it
/// leaves to control codes no dwelling file contains; Windows puts € ’ œ … there. The five bytes
/// Windows leaves undefined keep their ISO-8859-1 meaning, as browsers do.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The bytes a Windows-1252 file would hold for `text`, for tests that need an old-style file.
#[cfg(test)]
pub(crate) fn encode_windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| (0u8..=255).find(|&b| windows_1252(b) == c).unwrap_or(b'?'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_utf8_is_read_as_utf8() {
        let decoded = decode("Allée des Érables".as_bytes());
        assert_eq!(decoded.encoding, Encoding::Utf8);
        assert_eq!(decoded.text, "Allée des Érables");
    }

    #[test]
    fn the_byte_order_mark_is_recognised_and_removed() {
        let decoded = decode(b"\xEF\xBB\xBFNUMVOIE;NOMVOIE");
        assert_eq!(decoded.encoding, Encoding::Utf8WithBom);
        assert_eq!(decoded.text, "NUMVOIE;NOMVOIE");
    }

    #[test]
    fn iso_8859_1_accents_round_trip() {
        let bytes = b"All\xE9e des \xC9rables;Gen\xE8ve;\xE7a";
        let decoded = decode(bytes);
        assert_eq!(decoded.encoding, Encoding::Windows1252);
        assert_eq!(decoded.text, "Allée des Érables;Genève;ça");
        assert_eq!(encode_windows_1252(&decoded.text), bytes);
    }

    #[test]
    fn windows_1252_extras_are_mapped() {
        let decoded = decode(b"l\x92\x9Cuvre co\xFBte 5 \x80 \x85");
        assert_eq!(decoded.text, "l’œuvre coûte 5 € …");
    }

    #[test]
    fn excel_unicode_text_is_read() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "Étage\t2".encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(&le).text, "Étage\t2");
        assert_eq!(decode(&le).encoding, Encoding::Utf16Le);
        assert_eq!(decode(&be).text, "Étage\t2");
        assert_eq!(decode(&be).encoding, Encoding::Utf16Be);
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let decoded = decode(&bytes);
            if decoded.encoding == Encoding::Windows1252 {
                prop_assert_eq!(decoded.text.chars().count(), bytes.len());
            }
        }

        // Only letters from 0xC0 up: 0x80–0xBF are UTF-8 continuation bytes, and "è’€" really is
        // valid UTF-8 ("蒀"), the one ambiguity detection cannot settle and real files never hold.
        #[test]
        fn latin1_text_round_trips(text in "[a-zA-Z0-9 ;éèêàçùÉÈôÎ]{0,40}") {
            let bytes = encode_windows_1252(&text);
            let decoded = decode(&bytes);
            prop_assert_eq!(decoded.text, text);
        }
    }
}
