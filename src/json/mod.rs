//! A JSON scanner: checks RFC 8259 text in one pass without building anything, and finds the few
//! things the core reads out of a body (a top-level member, a string's text, a number's value).
//! [`crate::shape`] walks bodies with it, and [`crate::decode`] uses it on error bodies, so the
//! wasm build carries no JSON parser of its own: JS parses the body the caller receives.
//!
//! It accepts exactly what `serde_json::from_str::<serde_json::Value>` accepts (a differential
//! test below holds it to that), which is what `JSON.parse` accepts except in three corners where
//! serde_json is stricter, and so is this scanner:
//! - a `\u` escape of a lone UTF-16 surrogate (`"\ud800"`) is an error (JSON.parse keeps it as a
//!   broken string; a Rust `String` cannot hold it);
//! - a number too large for a double (`1e400`) is an error (JSON.parse reads it as `Infinity`);
//!   "too large" as serde_json reckons it, which near the largest double is a little stricter
//!   than a correctly rounded parse (`1.7976931348623158e308` is out of range);
//! - nesting deeper than [`MAX_DEPTH`] arrays and objects is an error (JSON.parse's limit is the
//!   engine's stack), so no body can exhaust ours.

pub mod input;
mod number;
pub mod value;

pub use value::{write_string, Map, Value};

use number::{in_range, serde_f64};
use std::fmt;

/// The deepest nesting of arrays and objects accepted; serde_json's recursion limit.
pub const MAX_DEPTH: u32 = 127;

/// Where a text stops being JSON, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    /// The byte offset of the offending byte (the text's length when it ended too soon).
    pub at: usize,
    pub what: Syntax,
}

/// The ways a text can fail to be JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    ExpectedValue,
    ExpectedKey,
    ExpectedColon,
    /// After an item: `,` or this closing bracket.
    ExpectedCommaOr(u8),
    /// `,` right before this closing bracket.
    TrailingComma(u8),
    /// Not this literal, though it starts like it.
    ExpectedLiteral(Literal),
    ExpectedDigit,
    LeadingZero,
    NumberOutOfRange,
    InvalidEscape,
    LoneSurrogate,
    ControlCharacter,
    UnterminatedString,
    TooDeep,
    TrailingCharacters,
}

/// `true`, `false` or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Literal {
    True,
    False,
    Null,
}

impl Literal {
    pub fn as_str(self) -> &'static str {
        match self {
            Literal::True => "true",
            Literal::False => "false",
            Literal::Null => "null",
        }
    }
}

impl SyntaxError {
    /// The error as a sentence about `text` (the text it was found in): what, what was found
    /// there when that helps, and where: `expected ',' or '}', found 'x' (line 1, column 17)`.
    pub fn message(&self, text: &str) -> String {
        let (line, column) = line_column(text, self.at);
        let found = match self.what {
            Syntax::ExpectedValue
            | Syntax::ExpectedKey
            | Syntax::ExpectedColon
            | Syntax::ExpectedCommaOr(_)
            | Syntax::ExpectedDigit
            | Syntax::ControlCharacter
            | Syntax::UnterminatedString
            | Syntax::TrailingCharacters => format!(", found {}", found_at(text, self.at)),
            // The escape or the number itself, short either way (an escape only if printable).
            Syntax::LoneSurrogate | Syntax::InvalidEscape => {
                let escape = text.get(self.at..).unwrap_or_default();
                let len = if escape.starts_with("\\u") { 6 } else { 2 };
                match escape.get(..len) {
                    Some(e) if e.bytes().all(|b| b.is_ascii_graphic()) => format!(": `{e}`"),
                    _ => String::new(),
                }
            }
            Syntax::NumberOutOfRange => {
                let rest = text.as_bytes().get(self.at..).unwrap_or_default();
                let len = rest
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .unwrap_or(rest.len());
                let number = String::from_utf8_lossy(&rest[..len.min(40)]);
                let more = if len > 40 { "…" } else { "" };
                format!(": {number}{more}")
            }
            _ => String::new(),
        };
        format!("{}{found} (line {line}, column {column})", self.what)
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Syntax::ExpectedValue => f.write_str("expected a value"),
            Syntax::ExpectedKey => f.write_str("expected a string key"),
            Syntax::ExpectedColon => f.write_str("expected ':' after an object key"),
            Syntax::ExpectedCommaOr(close) => write!(f, "expected ',' or '{}'", *close as char),
            Syntax::TrailingComma(close) => {
                write!(f, "a trailing comma before '{}'", *close as char)
            }
            Syntax::ExpectedLiteral(word) => write!(f, "expected `{}`", word.as_str()),
            Syntax::ExpectedDigit => f.write_str("a number is missing a digit"),
            Syntax::LeadingZero => f.write_str("a number has a leading zero"),
            Syntax::NumberOutOfRange => f.write_str("a number too large for a double"),
            Syntax::InvalidEscape => f.write_str("an invalid escape in a string"),
            Syntax::LoneSurrogate => f.write_str("a \\u escape of a lone UTF-16 surrogate"),
            Syntax::ControlCharacter => f.write_str("an unescaped control character in a string"),
            Syntax::UnterminatedString => f.write_str("a string is not closed"),
            Syntax::TooDeep => write!(f, "arrays and objects nest deeper than {MAX_DEPTH} levels"),
            Syntax::TrailingCharacters => f.write_str("trailing characters after the JSON value"),
        }
    }
}

/// Checks that `text` is one JSON value, with nothing but whitespace around it.
///
/// ```
/// use superfone_crm::json::{validate, Syntax};
///
/// assert!(validate(r#" {"id": 1, "tags": ["a", "b"]} "#).is_ok());
/// assert_eq!(validate("[1,]").unwrap_err().what, Syntax::TrailingComma(b']'));
/// ```
pub fn validate(text: &str) -> Result<(), SyntaxError> {
    let mut s = Scanner::new(text);
    s.peek_ws();
    s.skip_value()?;
    s.end()
}

/// The raw text of the value of the top-level member `name`, when `text` is a JSON object that
/// has one (the last, if repeated: a parser keeps the last). `None` for any other text, or JSON
/// that is not an object. Keys are compared after unescaping (`"n\u0061me"` is `name`).
pub fn member<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let mut s = Scanner::new(text);
    if s.peek_ws() != Some(b'{') {
        return None;
    }
    let mut found = None;
    let mut more = s.enter_object().ok()?;
    while more {
        let key = s.string().ok()?;
        s.colon().ok()?;
        let start = s.pos;
        s.skip_value().ok()?;
        if key.is(text.as_bytes(), name) {
            found = text.get(start..s.pos);
        }
        more = s.next_member().ok()?;
    }
    s.end().ok()?;
    found
}

/// The text of a JSON string literal (`raw` with its quotes), escapes decoded; `None` when `raw`
/// is not one.
///
/// ```
/// assert_eq!(superfone_crm::json::string_value(r#""a\tb\u00e9""#).as_deref(), Some("a\tbé"));
/// assert_eq!(superfone_crm::json::string_value("42"), None);
/// ```
pub fn string_value(raw: &str) -> Option<String> {
    if !raw.starts_with('"') {
        return None;
    }
    let mut s = Scanner::new(raw);
    let found = s.string().ok()?;
    if s.pos != raw.len() {
        return None;
    }
    let content = &raw.as_bytes()[found.start..found.end];
    let mut out = Vec::with_capacity(content.len());
    let mut units = Unescaped(content);
    while let Some(c) = units.next_char() {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    String::from_utf8(out).ok()
}

/// Line and column (both from 1; the column counts bytes) of byte `at` of `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    (line, before.len() - line_start + 1)
}

/// What is at byte `at` of `text`, for a message: `'x'` (escaped when invisible), or "the end of
/// the body".
pub fn found_at(text: &str, at: usize) -> String {
    match text.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c) => crate::text::quote_char(c),
        None => "the end of the body".to_owned(),
    }
}

/// A string as it was scanned: the bytes between its quotes, and whether they hold escapes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Str {
    start: usize,
    end: usize,
    escaped: bool,
}

impl Str {
    /// Whether the string's text is `name` (ASCII or not), decoding escapes only when it has any.
    #[inline(always)]
    pub(crate) fn is(self, text: &[u8], name: &str) -> bool {
        let raw = &text[self.start..self.end];
        if !self.escaped {
            return same_bytes(raw, name.as_bytes());
        }
        unescaped_is(raw, name)
    }
}

/// Whether the raw text of a string with escapes is `name`, once decoded.
#[cold]
fn unescaped_is(raw: &[u8], name: &str) -> bool {
    let mut units = Unescaped(raw);
    let mut rest = name.chars();
    loop {
        match (units.next_char(), rest.next()) {
            (None, None) => return true,
            (a, b) if a == b => {}
            _ => return false,
        }
    }
}

/// A number as it was scanned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Number {
    pub(crate) start: usize,
    pub(crate) end: usize,
    negative: bool,
    /// Digits only: no fraction, no exponent.
    plain: bool,
}

impl Number {
    /// Whether serde_json reads it as a `u64` (a non-negative integer without fraction or
    /// exponent that fits): what an id must be.
    #[inline(always)]
    pub(crate) fn is_u64(self, text: &[u8]) -> bool {
        const MAX: &[u8] = b"18446744073709551615";
        let digits = &text[self.start..self.end];
        !self.negative
            && self.plain
            && (digits.len() < MAX.len() || (digits.len() == MAX.len() && digits <= MAX))
    }

    /// Whether serde_json hands it to a visitor as a non-negative whole number no larger than
    /// 2^53 (beyond which a double no longer holds every integer), or as any `u64`: what a page
    /// counter must be. So `2`, `2.0`, `2e0` and `-0` are, `-1`, `0.5` and `1e16` are not.
    pub(crate) fn is_count(self, text: &[u8]) -> bool {
        if self.is_u64(text) {
            return true;
        }
        // Rare (fractions, exponents, -0): decide on the very double serde_json would build.
        match serde_f64(&text[self.start..self.end]) {
            Some(v) => v >= 0.0 && v.fract() == 0.0 && v <= 9_007_199_254_740_992.0,
            None => false,
        }
    }
}

/// A cursor over JSON text. Every method that reads a value expects whitespace before it to be
/// skipped already, and skips none after it.
pub(crate) struct Scanner<'a> {
    text: &'a [u8],
    pub(crate) pos: usize,
    depth: u32,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    pub(crate) fn text(&self) -> &'a [u8] {
        self.text
    }

    #[inline(always)]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    #[cold]
    pub(crate) fn error(&self, what: Syntax) -> SyntaxError {
        SyntaxError { at: self.pos, what }
    }

    /// Skips JSON whitespace (space, tab, line feed, carriage return: nothing else), then
    /// peeks.
    #[inline(always)]
    pub(crate) fn peek_ws(&mut self) -> Option<u8> {
        loop {
            match self.text.get(self.pos) {
                Some(b' ' | b'\n' | b'\r' | b'\t') => self.pos += 1,
                other => return other.copied(),
            }
        }
    }

    /// The end of the text: only whitespace may follow the value.
    pub(crate) fn end(&mut self) -> Result<(), SyntaxError> {
        match self.peek_ws() {
            None => Ok(()),
            Some(_) => Err(self.error(Syntax::TrailingCharacters)),
        }
    }

    /// Steps into the `{` or `[` at the cursor, one level deeper.
    #[inline(always)]
    fn open(&mut self) -> Result<(), SyntaxError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error(Syntax::TooDeep));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Steps out of the container whose closing bracket is at the cursor.
    #[inline(always)]
    fn close(&mut self) {
        self.depth -= 1;
        self.pos += 1;
    }

    /// Enters the object at the cursor: whether it has a first member (the cursor then on its
    /// key's opening quote).
    #[inline(always)]
    pub(crate) fn enter_object(&mut self) -> Result<bool, SyntaxError> {
        self.open()?;
        match self.peek_ws() {
            Some(b'"') => Ok(true),
            Some(b'}') => {
                self.close();
                Ok(false)
            }
            _ => Err(self.error(Syntax::ExpectedKey)),
        }
    }

    /// After an object member: whether another follows (the cursor then on its key's opening
    /// quote), or the object ends.
    #[inline(always)]
    pub(crate) fn next_member(&mut self) -> Result<bool, SyntaxError> {
        match self.peek_ws() {
            Some(b',') => {
                self.pos += 1;
                match self.peek_ws() {
                    Some(b'"') => Ok(true),
                    Some(b'}') => Err(self.error(Syntax::TrailingComma(b'}'))),
                    _ => Err(self.error(Syntax::ExpectedKey)),
                }
            }
            Some(b'}') => {
                self.close();
                Ok(false)
            }
            _ => Err(self.error(Syntax::ExpectedCommaOr(b'}'))),
        }
    }

    /// Whether the key at the cursor is exactly `name` written plainly, as it almost always is;
    /// if so, it is consumed. `name` must need no escape (true of every field name here), so a
    /// match is the whole key. A `false` says nothing: the key may still be `name`, escaped.
    #[inline(always)]
    pub(crate) fn key_is(&mut self, name: &str) -> bool {
        let name = name.as_bytes();
        let start = self.pos + 1;
        let end = start + name.len();
        match self.text.get(start..end) {
            Some(key) if self.text.get(end) == Some(&b'"') && same_bytes(key, name) => {
                self.pos = end + 1;
                true
            }
            _ => false,
        }
    }

    /// The `:` after a key, and the whitespace after it: the cursor ends on the value.
    #[inline(always)]
    pub(crate) fn colon(&mut self) -> Result<(), SyntaxError> {
        if self.peek_ws() != Some(b':') {
            return Err(self.error(Syntax::ExpectedColon));
        }
        self.pos += 1;
        self.peek_ws();
        Ok(())
    }

    /// Enters the array at the cursor: whether it has a first item (the cursor then on it).
    #[inline(always)]
    pub(crate) fn enter_array(&mut self) -> Result<bool, SyntaxError> {
        self.open()?;
        if self.peek_ws() == Some(b']') {
            self.close();
            return Ok(false);
        }
        Ok(true)
    }

    /// After an array item: whether another follows (the cursor then on it), or the array ends.
    #[inline(always)]
    pub(crate) fn next_item(&mut self) -> Result<bool, SyntaxError> {
        match self.peek_ws() {
            Some(b',') => {
                self.pos += 1;
                if self.peek_ws() == Some(b']') {
                    return Err(self.error(Syntax::TrailingComma(b']')));
                }
                Ok(true)
            }
            Some(b']') => {
                self.close();
                Ok(false)
            }
            _ => Err(self.error(Syntax::ExpectedCommaOr(b']'))),
        }
    }

    /// Any one value, checked and skipped. A loop rather than recursion: no call per value, and
    /// the open containers fit in one `u128` (one bit each: object or array), since the depth
    /// limit is below 128.
    pub(crate) fn skip_value(&mut self) -> Result<(), SyntaxError> {
        let mut objects: u128 = 0; // innermost container in the lowest bit; 1 = object
        let mut open = 0u32; // containers entered by this call
        loop {
            // At the start of a value.
            match self.peek() {
                Some(b'{') => {
                    if self.enter_object()? {
                        self.string()?;
                        self.colon()?;
                        objects = objects << 1 | 1;
                        open += 1;
                        continue;
                    }
                }
                Some(b'[') => {
                    if self.enter_array()? {
                        objects <<= 1;
                        open += 1;
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't') => self.literal(Literal::True)?,
                Some(b'f') => self.literal(Literal::False)?,
                Some(b'n') => self.literal(Literal::Null)?,
                _ => return Err(self.error(Syntax::ExpectedValue)),
            }
            // After a value: the next item of the innermost container, or close it.
            loop {
                if open == 0 {
                    return Ok(());
                }
                if objects & 1 == 1 {
                    if self.next_member()? {
                        self.string()?;
                        self.colon()?;
                        break;
                    }
                } else if self.next_item()? {
                    break;
                }
                objects >>= 1;
                open -= 1;
            }
        }
    }

    /// `true`, `false` or `null`, as `word` says.
    #[inline(always)]
    pub(crate) fn literal(&mut self, word: Literal) -> Result<(), SyntaxError> {
        let word_text = word.as_str();
        if self.text[self.pos..].starts_with(word_text.as_bytes()) {
            self.pos += word_text.len();
            Ok(())
        } else {
            Err(self.error(Syntax::ExpectedLiteral(word)))
        }
    }

    /// The string whose opening quote is at the cursor.
    #[inline(never)]
    pub(crate) fn string(&mut self) -> Result<Str, SyntaxError> {
        self.string_inline()
    }

    /// [`Scanner::string`], inlined: for the one place where strings are most of the work (the
    /// values of known fields), which saves a call per string.
    #[inline(always)]
    pub(crate) fn string_inline(&mut self) -> Result<Str, SyntaxError> {
        let start = self.pos + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            let (at, byte) = find_special(self.text, i);
            match byte {
                b'"' => {
                    self.pos = at + 1;
                    return Ok(Str {
                        start,
                        end: at,
                        escaped,
                    });
                }
                b'\\' => {
                    escaped = true;
                    i = self.escape(at)?;
                }
                _ => {
                    self.pos = at;
                    return Err(if at < self.text.len() {
                        self.error(Syntax::ControlCharacter)
                    } else {
                        self.error(Syntax::UnterminatedString)
                    });
                }
            }
        }
    }

    /// The escape at byte `i` (a backslash); returns the offset after it. Like serde_json, a
    /// `\u` escape of a UTF-16 surrogate must be a high one directly followed by a low one.
    #[cold]
    fn escape(&mut self, i: usize) -> Result<usize, SyntaxError> {
        let fail = |s: &mut Self, at: usize, what: Syntax| {
            s.pos = at;
            Err(s.error(what))
        };
        match self.text.get(i + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i + 2),
            Some(b'u') => {
                let Some(unit) = hex4(self.text, i + 2) else {
                    return self.bad_hex(i);
                };
                match unit {
                    0xDC00..=0xDFFF => fail(self, i, Syntax::LoneSurrogate),
                    0xD800..=0xDBFF => {
                        if self.text.get(i + 6..i + 8) != Some(b"\\u") {
                            return fail(self, i, Syntax::LoneSurrogate);
                        }
                        match hex4(self.text, i + 8) {
                            Some(0xDC00..=0xDFFF) => Ok(i + 12),
                            Some(_) => fail(self, i, Syntax::LoneSurrogate),
                            None => self.bad_hex(i + 6),
                        }
                    }
                    _ => Ok(i + 6),
                }
            }
            Some(_) => fail(self, i, Syntax::InvalidEscape),
            None => fail(self, self.text.len(), Syntax::UnterminatedString),
        }
    }

    /// `\u` at `i` is not followed by four hex digits: the string ends too soon, or the escape
    /// is invalid.
    #[cold]
    fn bad_hex(&mut self, i: usize) -> Result<usize, SyntaxError> {
        if self.text.len() < i + 6 {
            self.pos = self.text.len();
            Err(self.error(Syntax::UnterminatedString))
        } else {
            self.pos = i;
            Err(self.error(Syntax::InvalidEscape))
        }
    }

    /// The number that starts at the cursor: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)?
    /// ([eE] [+-]? [0-9]+)?, and within a double's range. (Not inlined: one copy of the scan.)
    #[inline(never)]
    pub(crate) fn number(&mut self) -> Result<Number, SyntaxError> {
        let text = self.text;
        let start = self.pos;
        let at = |i: usize| text.get(i).copied();
        let mut i = start;
        let negative = at(i) == Some(b'-');
        if negative {
            i += 1;
        }
        let int_start = i;
        match at(i) {
            Some(b'0') => {
                i += 1;
                if let Some(b'0'..=b'9') = at(i) {
                    self.pos = i;
                    return Err(self.error(Syntax::LeadingZero));
                }
            }
            Some(b'1'..=b'9') => i = digits(text, i + 1),
            _ => {
                self.pos = i;
                return Err(self.error(Syntax::ExpectedDigit));
            }
        }
        let int_digits = i - int_start;
        let mut plain = true;
        let mut exponent = false;
        if at(i) == Some(b'.') {
            plain = false;
            i = self.some_digits(i + 1)?;
        }
        if let Some(b'e' | b'E') = at(i) {
            plain = false;
            exponent = true;
            i += 1;
            if let Some(b'+' | b'-') = at(i) {
                i += 1;
            }
            i = self.some_digits(i)?;
        }
        // Only an exponent, or more than 300 integer digits, can reach past a double (~1.8e308).
        if (exponent || int_digits > 300) && !in_range(&text[start..i]) {
            return Err(self.error(Syntax::NumberOutOfRange));
        }
        self.pos = i;
        Ok(Number {
            start,
            end: i,
            negative,
            plain,
        })
    }

    /// The common number, inline: if the one at the cursor is a plain non-negative integer of
    /// at most 19 digits (what serde_json reads as a `u64`, so a fine id, count or amount),
    /// consumes it. `false` leaves anything else (sign, fraction, exponent, long, malformed) to
    /// [`Scanner::number`].
    #[inline(always)]
    pub(crate) fn short_u64(&mut self) -> bool {
        let start = self.pos;
        let first = match self.text.get(start) {
            Some(&d @ b'0'..=b'9') => d,
            _ => return false,
        };
        let end = digits(self.text, start + 1);
        let len = end - start;
        if len > 19 || (first == b'0' && len > 1) {
            return false;
        }
        if let Some(b'.' | b'e' | b'E') = self.text.get(end) {
            return false;
        }
        self.pos = end;
        true
    }

    /// At least one digit from `i` on; the offset after them.
    fn some_digits(&mut self, i: usize) -> Result<usize, SyntaxError> {
        match self.text.get(i) {
            Some(b'0'..=b'9') => Ok(digits(self.text, i + 1)),
            _ => {
                self.pos = i;
                Err(self.error(Syntax::ExpectedDigit))
            }
        }
    }
}

/// The offset after the run of ASCII digits from `i` on.
#[inline(always)]
fn digits(text: &[u8], mut i: usize) -> usize {
    while let Some(b'0'..=b'9') = text.get(i) {
        i += 1;
    }
    i
}

/// Byte equality of two short slices (keys, field names) in two or four word compares rather
/// than a call to `memcmp`.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        // First, middle and last byte: all of them.
        1..=3 => a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last(),
        // Two overlapping words cover the rest.
        4..=8 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        9..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        _ => a == b,
    }
}

/// Bytes `i..i + 4` as one number (`None` past the end).
#[inline(always)]
fn word4(s: &[u8], i: usize) -> Option<u32> {
    match s.get(i..i + 4) {
        Some(&[b0, b1, b2, b3]) => Some(u32::from_le_bytes([b0, b1, b2, b3])),
        _ => None,
    }
}

/// Bytes `i..i + 8` as one number (`None` past the end).
#[inline(always)]
fn word8(s: &[u8], i: usize) -> Option<u64> {
    match s.get(i..i + 8) {
        Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
            Some(u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]))
        }
        _ => None,
    }
}

/// The first byte from `from` on that ends a plain run inside a string (`"`, `\\` or a control
/// character), and its offset; `(text.len(), 0)` if none. Eight bytes at a time, since strings
/// are most of a body.
#[inline(always)]
fn find_special(text: &[u8], from: usize) -> (usize, u8) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(w) = word8(text, at) {
        // A byte's high bit is set in `hit` if it is < 0x20, '"' or '\\' (the classic "has a
        // zero byte" tricks: exact for the lowest flagged byte, which is all that is read;
        // bytes >= 0x80 are excluded by `!w`).
        let below = w.wrapping_sub(ONES * 0x20);
        let quote = (w ^ (ONES * b'"' as u64)).wrapping_sub(ONES);
        let backslash = (w ^ (ONES * b'\\' as u64)).wrapping_sub(ONES);
        let hit = (below | quote | backslash) & !w & HIGHS;
        if hit != 0 {
            let index = hit.trailing_zeros() / 8;
            return (at + index as usize, (w >> (index * 8)) as u8);
        }
        at += 8;
    }
    while let Some(&b) = text.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return (at, b);
        }
        at += 1;
    }
    (at, 0)
}

pub(crate) fn hex4(text: &[u8], at: usize) -> Option<u16> {
    let digits = text.get(at..at + 4)?;
    digits.iter().try_fold(0u16, |n, &d| {
        let v = (d as char).to_digit(16)?;
        Some(n << 4 | v as u16)
    })
}

/// The characters of a string's raw bytes (between its quotes, already checked by the scanner),
/// escapes decoded.
struct Unescaped<'a>(&'a [u8]);

impl Unescaped<'_> {
    fn next_char(&mut self) -> Option<char> {
        let (&first, rest) = self.0.split_first()?;
        if first != b'\\' {
            // Raw text: the scanner ran over a `&str`, so this is a whole UTF-8 sequence.
            let len = match first {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let (c, rest) = self.0.split_at(len.min(self.0.len()));
            self.0 = rest;
            return std::str::from_utf8(c).ok()?.chars().next();
        }
        let (&kind, rest) = rest.split_first()?;
        self.0 = rest;
        if kind != b'u' {
            return short_escape(kind);
        }
        let unit = hex4(self.0, 0)?;
        self.0 = &self.0[4..];
        if (0xD800..=0xDBFF).contains(&unit) {
            let low = hex4(self.0, 2)?;
            self.0 = &self.0[6..];
            return surrogate_pair(unit, low);
        }
        char::from_u32(unit.into())
    }
}

/// The character of a one-letter escape (`\n` → line feed), `None` for any other letter.
pub(crate) fn short_escape(kind: u8) -> Option<char> {
    Some(match kind {
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'"' | b'\\' | b'/' => kind as char,
        _ => return None,
    })
}

/// The character a high and a low surrogate stand for together (`None` if they are not such a
/// pair).
pub(crate) fn surrogate_pair(high: u16, low: u16) -> Option<char> {
    if !(0xD800..0xDC00).contains(&high) || !(0xDC00..0xE000).contains(&low) {
        return None;
    }
    char::from_u32(0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(low) - 0xDC00))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (Syntax, usize) {
        let e = validate(text).expect_err(text);
        (e.what, e.at)
    }

    #[test]
    fn every_kind_of_value_and_whitespace_is_json() {
        for text in [
            "0",
            "-0",
            "-0.0e-0",
            "1E+2",
            "123.456e78",
            "\"\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"",
            "\"é 😀 \u{7f}\"",
            "true",
            "false",
            "null",
            "[]",
            "{}",
            " \t\r\n[ 1 , { \"a\" : [ ] } , \"x\" ] \t\r\n",
            "{\"a\":1,\"a\":2}",
        ] {
            assert_eq!(validate(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn what_json_parse_refuses_is_refused() {
        assert_eq!(err(""), (Syntax::ExpectedValue, 0));
        assert_eq!(err("  "), (Syntax::ExpectedValue, 2));
        assert_eq!(err("[1,]"), (Syntax::TrailingComma(b']'), 3));
        assert_eq!(err("{\"a\":1,}"), (Syntax::TrailingComma(b'}'), 7));
        assert_eq!(err("[1 2]"), (Syntax::ExpectedCommaOr(b']'), 3));
        assert_eq!(err("{\"a\" 1}"), (Syntax::ExpectedColon, 5));
        assert_eq!(err("{a:1}"), (Syntax::ExpectedKey, 1));
        assert_eq!(err("{,}"), (Syntax::ExpectedKey, 1));
        assert_eq!(err("[,1]"), (Syntax::ExpectedValue, 1));
        assert_eq!(err("01"), (Syntax::LeadingZero, 1));
        assert_eq!(err("-01"), (Syntax::LeadingZero, 2));
        assert_eq!(err("1."), (Syntax::ExpectedDigit, 2));
        assert_eq!(err(".5"), (Syntax::ExpectedValue, 0));
        assert_eq!(err("+1"), (Syntax::ExpectedValue, 0));
        assert_eq!(err("-"), (Syntax::ExpectedDigit, 1));
        assert_eq!(err("1e"), (Syntax::ExpectedDigit, 2));
        assert_eq!(err("1e+"), (Syntax::ExpectedDigit, 3));
        assert_eq!(err("NaN"), (Syntax::ExpectedValue, 0));
        assert_eq!(err("Infinity"), (Syntax::ExpectedValue, 0));
        assert_eq!(err("tru"), (Syntax::ExpectedLiteral(Literal::True), 0));
        assert_eq!(err("nul"), (Syntax::ExpectedLiteral(Literal::Null), 0));
        assert_eq!(err("True"), (Syntax::ExpectedValue, 0));
        assert_eq!(err("1 2"), (Syntax::TrailingCharacters, 2));
        assert_eq!(err("{}x"), (Syntax::TrailingCharacters, 2));
        assert_eq!(err("// x\n1"), (Syntax::ExpectedValue, 0));
        assert_eq!(err("'a'"), (Syntax::ExpectedValue, 0));
        assert_eq!(err("\"a"), (Syntax::UnterminatedString, 2));
        assert_eq!(err("\"a\\"), (Syntax::UnterminatedString, 3));
        assert_eq!(err("\"\\u12"), (Syntax::UnterminatedString, 5));
        assert_eq!(err("\"\\u12x4\""), (Syntax::InvalidEscape, 1));
        assert_eq!(err("\"\\x\""), (Syntax::InvalidEscape, 1));
        assert_eq!(err("\"\\U0041\""), (Syntax::InvalidEscape, 1));
        assert_eq!(err("\"a\nb\""), (Syntax::ControlCharacter, 2));
        assert_eq!(err("\"\t\""), (Syntax::ControlCharacter, 1));
        assert_eq!(err("\"\0\""), (Syntax::ControlCharacter, 1));
    }

    #[test]
    fn only_space_tab_cr_and_lf_are_whitespace() {
        for ws in ["\u{c}", "\u{b}", "\u{a0}", "\u{feff}", "\u{2028}", "\u{0}"] {
            assert!(validate(&format!("{ws}1")).is_err(), "{ws:?} before");
            assert!(validate(&format!("[1{ws}]")).is_err(), "{ws:?} inside");
        }
    }

    #[test]
    fn surrogate_escapes_must_pair_as_serde_json_requires() {
        assert_eq!(validate(r#""\ud83d\ude00""#), Ok(()));
        assert_eq!(validate(r#""\uDBFF\uDFFF""#), Ok(()));
        for text in [
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800x""#,
            r#""\ud800\n""#,
            r#""\ud800\ud800""#,
            r#""\ud800\u0041""#,
            r#""\ude00\ud83d""#,
        ] {
            assert_eq!(err(text), (Syntax::LoneSurrogate, 1), "{text}");
        }
        assert_eq!(err(r#""\ud800\u12x4""#), (Syntax::InvalidEscape, 7));
        assert_eq!(err(r#""\ud800\u12""#), (Syntax::UnterminatedString, 12));
    }

    #[test]
    fn numbers_past_a_double_are_out_of_range_as_in_serde_json() {
        assert_eq!(err("1e309"), (Syntax::NumberOutOfRange, 0));
        assert_eq!(err("[-1e400]"), (Syntax::NumberOutOfRange, 1));
        assert_eq!(err("1e99999999999"), (Syntax::NumberOutOfRange, 0));
        assert_eq!(
            err(&format!("1{}", "0".repeat(400))),
            (Syntax::NumberOutOfRange, 0)
        );
        for ok in [
            "0e99999999999",
            "1e-99999999999",
            "1.7976931348623157e308",
            "5e-324",
        ] {
            assert_eq!(validate(ok), Ok(()), "{ok}");
        }
        assert_eq!(validate(&format!("1{}e-400", "0".repeat(400))), Ok(()));
    }

    #[test]
    fn nesting_stops_at_the_depth_limit() {
        let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert_eq!(validate(&nest(MAX_DEPTH as usize)), Ok(()));
        assert_eq!(err(&nest(MAX_DEPTH as usize + 1)), (Syntax::TooDeep, 127));
        // The 128th level is the 64th `{`.
        assert_eq!(
            err(&"[{\"a\":".repeat(100_000)),
            (Syntax::TooDeep, 63 * 6 + 1)
        );
    }

    #[test]
    fn member_finds_the_last_top_level_key_after_unescaping() {
        let text = r#" {"a": {"message": 1}, "m\u0065ssage": "x", "message" : [ 2 ] } "#;
        assert_eq!(member(text, "message"), Some("[ 2 ]"));
        assert_eq!(member(text, "a"), Some(r#"{"message": 1}"#));
        assert_eq!(member(text, "b"), None);
        assert_eq!(
            member(r#"{"m\u0065ssage": "x"}"#, "message"),
            Some(r#""x""#)
        );
        assert_eq!(member(r#"[{"message": 1}]"#, "message"), None);
        assert_eq!(member(r#"{"message": 1"#, "message"), None);
    }

    #[test]
    fn string_value_decodes_every_escape() {
        assert_eq!(
            string_value(r#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20ac\ud83d\ude00é""#).as_deref(),
            Some("\"\\/\u{8}\u{c}\n\r\tAé€😀é")
        );
        assert_eq!(string_value(r#""\u0000""#).as_deref(), Some("\0"));
        assert_eq!(string_value(r#""a" "#), None);
        assert_eq!(string_value(r#""\ud800""#), None);
        assert_eq!(string_value("null"), None);
    }

    #[test]
    fn keys_compare_after_unescaping() {
        let key = |text: &str| {
            let mut s = Scanner::new(text);
            (s.string().expect(text), text.as_bytes().to_vec())
        };
        for (text, name, same) in [
            (r#""id""#, "id", true),
            (r#""i\u0064""#, "id", true),
            (r#""\u0069\u0064""#, "id", true),
            (r#""i\u0064x""#, "id", false),
            (r#""i""#, "id", false),
            (r#""\u00e9""#, "é", true),
            (r#""\ud83d\ude00""#, "😀", true),
            (r#""a\/b""#, "a/b", true),
            (r#""ID""#, "id", false),
        ] {
            let (str, bytes) = key(text);
            assert_eq!(str.is(&bytes, name), same, "{text} vs {name}");
        }
    }

    #[test]
    fn counts_and_ids_follow_serde_json() {
        let number = |text: &str| {
            let mut s = Scanner::new(text);
            s.number().expect(text)
        };
        for (text, id, count) in [
            ("0", true, true),
            ("18446744073709551615", true, true),
            ("18446744073709551616", false, false),
            ("-0", false, true),
            ("-0.0", false, true),
            ("-1", false, false),
            ("1.0", false, true),
            ("1e2", false, true),
            ("2.5", false, false),
            ("9007199254740992.0", false, true),
            ("9007199254740993.0", false, false), // serde_json reads 9007199254740994
            ("9007199254740993", true, true),     // a u64: any size
            ("0.99999999999999999999", false, true), // rounds to 1
            ("1e-400", false, true),
            ("-1e-400", false, true),
            ("5e-324", false, false),
        ] {
            let n = number(text);
            assert_eq!(n.is_u64(text.as_bytes()), id, "{text} as an id");
            assert_eq!(n.is_count(text.as_bytes()), count, "{text} as a count");
        }
    }

    #[test]
    fn the_inline_number_path_takes_only_plain_short_integers() {
        for (text, taken) in [
            ("0", true),
            ("7,", true),
            ("1234567890123456789]", true),
            ("12345678901234567890", false), // 20 digits: maybe past u64, the full path decides
            ("01", false),
            ("-1", false),
            ("1.0", false),
            ("1e2", false),
            ("1E2", false),
            ("x", false),
        ] {
            let mut s = Scanner::new(text);
            assert_eq!(s.short_u64(), taken, "{text}");
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            assert_eq!(s.pos, if taken { digits } else { 0 }, "{text}");
        }
    }

    #[test]
    fn messages_say_what_and_where() {
        let message = |text: &str| validate(text).unwrap_err().message(text);
        assert_eq!(
            message("{\"a\":1\n \"b\":2}"),
            "expected ',' or '}', found '\"' (line 2, column 2)"
        );
        assert_eq!(
            message("[1, 2"),
            "expected ',' or ']', found the end of the body (line 1, column 6)"
        );
        assert_eq!(
            message("\"a\\qb\""),
            "an invalid escape in a string: `\\q` (line 1, column 3)"
        );
        assert_eq!(
            message("[\"\\udc00\"]"),
            "a \\u escape of a lone UTF-16 surrogate: `\\udc00` (line 1, column 3)"
        );
        assert_eq!(
            message("\"a\u{1}\""),
            "an unescaped control character in a string, found '\\u{1}' (line 1, column 3)"
        );
    }
}

/// Differential tests: the scanner and serde_json agree on every text, and the number reader on
/// every number, to the last bit.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod against_serde_json {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn same_verdict(text: &str) -> Result<(), TestCaseError> {
        let ours = validate(text).is_ok();
        let serde = serde_json::from_str::<Value>(text).is_ok();
        prop_assert_eq!(ours, serde, "{:?}: {:?}", text, validate(text));
        Ok(())
    }

    /// Pieces that make or break JSON, glued at random.
    fn token() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"a\"",
            "\"\\u0041\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\x\"",
            "\"\\\"",
            "\"",
            "\\",
            " ",
            "\t",
            "\n",
            "\r",
            "\u{c}",
            "\u{a0}",
            "\u{feff}",
            "1",
            "-",
            "0",
            "01",
            "1.",
            ".5",
            "1e",
            "1e5",
            "1E-5",
            "1e400",
            "-0",
            "0.0",
            "true",
            "tru",
            "null",
            "nul",
            "false",
            "\"a\u{1}b\"",
            "\"é\"",
            "é",
            "\0",
            "/",
            "//",
            "+",
            "e",
        ])
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            ".{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map(".{0,4}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn token_soup(tokens in prop::collection::vec(token(), 0..24)) {
            same_verdict(&tokens.concat())?;
        }

        #[test]
        fn mutated_json(value in arb_json(), at in any::<usize>(), piece in token(), how in 0..3u8) {
            let text = value.to_string();
            let chars: Vec<char> = text.chars().collect();
            let i = at % (chars.len() + 1);
            let mut mutated: String = chars[..i].iter().collect();
            match how {
                0 => mutated.push_str(piece), // insert
                1 => {}                       // delete one character
                _ => mutated.push_str(piece), // replace one character
            }
            let skip = if how == 0 { 0 } else { 1 };
            mutated.extend(chars.iter().skip(i + skip));
            same_verdict(&text)?;
            same_verdict(&mutated)?;
        }

        #[test]
        fn numbers_are_json_as_serde_json_says(text in number::against_serde_json::number_text()) {
            same_verdict(&text)?;
        }

        #[test]
        fn nesting_near_the_limit(open in 120usize..135, close in 120usize..135, object in any::<bool>()) {
            let (o, c) = if object { ("{\"k\":[", "]}") } else { ("[", "]") };
            same_verdict(&format!("{}1{}", o.repeat(open), c.repeat(close)))?;
        }

        #[test]
        fn find_special_stops_where_a_byte_by_byte_scan_does(text in "[ -~\u{0}-\u{1f}é😀]{0,40}", from in 0usize..40) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let naive = bytes[from..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .map_or((bytes.len(), 0), |p| (from + p, bytes[from + p]));
            prop_assert_eq!(find_special(bytes, from), naive);
        }
    }
}
