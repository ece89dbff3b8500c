//! Quoting user input inside messages: `"…"` for strings and `'…'` for characters, as Rust's
//! `{:?}` writes them for what a message needs, so that an invisible character (a zero-width
//! space pasted from a web page, a byte-order mark, a control code) is seen as an escape such as
//! `\u{200b}`. Written here rather than with `{:?}`, whose Unicode tables weigh more in the wasm
//! than every message that uses it.

/// `s` between double quotes, escaped.
pub fn quote_str(s: &str) -> String {
    quoted(s.chars(), '"')
}

/// `c` between single quotes, escaped.
pub fn quote_char(c: char) -> String {
    quoted(std::iter::once(c), '\'')
}

fn quoted(chars: impl Iterator<Item = char>, delimiter: char) -> String {
    let mut out = String::new();
    out.push(delimiter);
    for c in chars {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\0' => out.push_str("\\0"),
            '\\' => out.push_str("\\\\"),
            c if c == delimiter => {
                out.push('\\');
                out.push(c);
            }
            c if is_invisible(c) => {
                out.push_str("\\u{");
                out.push_str(&format!("{:x}", u32::from(c)));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push(delimiter);
    out
}

/// Control codes, format characters and spaces other than U+0020: the characters that cannot be
/// told apart (or seen at all) when printed.
fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00..=0x1f
            | 0x7f..=0xa0
            | 0xad
            | 0x34f
            | 0x61c
            | 0x115f..=0x1160
            | 0x1680
            | 0x17b4..=0x17b5
            | 0x180b..=0x180f
            | 0x2000..=0x200f
            | 0x2028..=0x202f
            | 0x205f..=0x206f
            | 0x3000
            | 0x3164
            | 0xfe00..=0xfe0f
            | 0xfeff
            | 0xfff0..=0xfffb
            | 0xe0000..=0xe0fff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_debug_does_for_what_messages_show() {
        for s in [
            "+91 80000",
            "tab\there",
            "line\nbreak\r",
            "nul\0",
            "back\\slash",
            "say \"hi\"",
            "it's",
            "\u{1}\u{7f}\u{feff}\u{200b}",
            "é😀अ",
            "",
        ] {
            assert_eq!(quote_str(s), format!("{s:?}"), "{s:?}");
        }
        for c in [
            'a', '\'', '"', '\t', '\u{1}', '\u{feff}', '\u{200e}', 'é', '😀',
        ] {
            assert_eq!(quote_char(c), format!("{c:?}"), "{c:?}");
        }
    }

    #[test]
    fn invisible_spaces_are_escaped() {
        assert_eq!(quote_char('\u{a0}'), "'\\u{a0}'");
        assert_eq!(quote_str("a\u{3000}b\u{2060}"), "\"a\\u{3000}b\\u{2060}\"");
    }
}
