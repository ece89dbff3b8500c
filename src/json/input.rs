//! An input from JavaScript, as the package's JS shell writes it (`encodeInput` in
//! `pkg-template/shell.js`): one string per input, so that an object of ten fields crosses into
//! wasm in one step instead of a dozen crossings per field. Reading it back gives the
//! [`Value`] the validators check, plus an issue, with the field's path, for everything JSON
//! cannot carry.
//!
//! The text is JSON with a few tokens JSON does not have, for what the shell found on the way:
//! - `~` and 16 hex digits: a number that is not a whole number below 2⁵³, by its IEEE-754 bits
//!   (exact, with no decimal parsing in the wasm); whole numbers are written in decimal;
//! - `@` and a whole number: a valid `Date`, by its milliseconds (it becomes its ISO 8601 text);
//! - `!` and a letter: a value that cannot be sent (`N` NaN or Infinity, `B` a BigInt, `J` a
//!   function or symbol, `D` nested too deeply, `T` an invalid `Date`, `R` a revoked Proxy, `M`
//!   an array too long, `G` a getter that threw, `K` keys that could not be listed).
//!
//! Strings are written by `JSON.stringify`, which writes a lone UTF-16 surrogate as a `\uXXXX`
//! escape: such a string is an issue too. The shell writes no whitespace; anything this reader
//! does not expect makes the whole input an issue rather than a guess.

use super::{hex4, short_escape, surrogate_pair, Map, Value};
use crate::error::ValidationIssue;

/// Deeper than any input of this API; the shell stops there, so a cyclic object ends too.
pub const MAX_DEPTH: usize = 32;

/// More items than any list of this API takes (a Proxy can claim any `length`).
pub const MAX_ITEMS: u32 = 100_000;

/// An input read back: its value, and the issues met on the way (their places hold `null`).
#[derive(Debug, Default)]
pub struct Converted {
    pub value: Value,
    pub issues: Vec<ValidationIssue>,
}

/// Reads the shell's text for one input, naming fields from `root` (`""` for an input object,
/// whose fields are then named by their keys; `"phone"` for a lone phone argument).
///
/// ```
/// use superfone_crm::json::input::read_input;
/// let read = read_input(r#"{"first_name":"Asha","deal_value":!N}"#, "");
/// assert_eq!(read.value.to_json(), r#"{"first_name":"Asha","deal_value":null}"#);
/// assert_eq!(read.issues[0].field, "deal_value");
/// ```
pub fn read_input(text: &str, root: &str) -> Converted {
    let mut reader = Reader {
        src: text,
        text: text.as_bytes(),
        at: 0,
        issues: Vec::new(),
    };
    let path = Path::Root(root);
    let value = match reader.value(&path, 0) {
        Ok(Read::Value(value)) if reader.at == reader.text.len() => value,
        Ok(Read::Unreadable) if reader.at == reader.text.len() => Value::Null,
        _ => {
            // Not the shell's writing (never expected): the whole input is one issue.
            reader.issues = vec![ValidationIssue::new(
                field_name(&path.render()),
                "could not be read (an internal encoding error)",
            )];
            Value::Null
        }
    };
    Converted {
        value,
        issues: reader.issues,
    }
}

/// Where a value sits in the input, written out (`address.latitude`, `add_phones[1]`) only when
/// an issue names it.
enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, u32),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root(root) => (*root).to_owned(),
            Path::Key(parent, key) => match parent.render() {
                parent if parent.is_empty() => (*key).to_owned(),
                parent => format!("{parent}.{key}"),
            },
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

/// JS numbers are all doubles; whole ones are held as integers (as the validators read ids and
/// page numbers).
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

fn field_name(path: &str) -> String {
    if path.is_empty() {
        "input".to_owned()
    } else {
        path.to_owned()
    }
}

/// A value read, or a getter that threw (its member is left out of an object).
enum Read {
    Value(Value),
    Unreadable,
}

/// The text is not the shell's writing.
struct Malformed;

struct Reader<'a> {
    src: &'a str,
    text: &'a [u8],
    at: usize,
    issues: Vec<ValidationIssue>,
}

impl Reader<'_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    #[inline(always)]
    fn next(&mut self) -> Result<u8, Malformed> {
        let byte = self.peek().ok_or(Malformed)?;
        self.at += 1;
        Ok(byte)
    }

    fn expect(&mut self, byte: u8) -> Result<(), Malformed> {
        if self.next()? == byte {
            Ok(())
        } else {
            Err(Malformed)
        }
    }

    /// The rest of a literal.
    fn rest(&mut self, rest: &[u8], value: Value) -> Result<Value, Malformed> {
        if self.text[self.at..].starts_with(rest) {
            self.at += rest.len();
            Ok(value)
        } else {
            Err(Malformed)
        }
    }

    fn issue(&mut self, path: &Path<'_>, message: impl Into<String>) -> Value {
        self.issues
            .push(ValidationIssue::new(field_name(&path.render()), message));
        Value::Null
    }

    fn value(&mut self, path: &Path<'_>, depth: usize) -> Result<Read, Malformed> {
        let value = match self.next()? {
            b'n' => self.rest(b"ull", Value::Null)?,
            b't' => self.rest(b"rue", Value::Bool(true))?,
            b'f' => self.rest(b"alse", Value::Bool(false))?,
            b'-' | b'0'..=b'9' => {
                self.at -= 1;
                Value::from(self.integer()?)
            }
            b'~' => {
                let x = f64::from_bits(self.hex_u64()?);
                if !x.is_finite() {
                    return Err(Malformed);
                }
                number(x)
            }
            b'@' => {
                let ms = self.integer()?;
                Value::String(crate::time::format_iso8601_ms(ms as f64))
            }
            b'"' => {
                let (text, broken) = self.string()?;
                if broken {
                    self.issue(
                        path,
                        "contains a lone surrogate (a broken UTF-16 character)",
                    )
                } else {
                    Value::String(text)
                }
            }
            b'[' if depth < MAX_DEPTH => Value::Array(self.array(path, depth)?),
            b'{' if depth < MAX_DEPTH => Value::Object(self.object(path, depth)?),
            b'!' => {
                let message = match self.next()? {
                    b'N' => "must be a finite number (got NaN or Infinity)",
                    b'B' => "must be a number, not a BigInt",
                    b'J' => "must be a JSON value (string, number, boolean, null, array or object)",
                    b'D' => "is nested too deeply (or refers to itself)",
                    b'T' => "is an invalid Date",
                    b'R' => "could not be read (a revoked Proxy?)",
                    b'M' => {
                        let message = format!("has more than {MAX_ITEMS} items");
                        self.issue(path, message);
                        return Ok(Read::Value(Value::Null));
                    }
                    b'G' => {
                        self.issue(path, "could not be read (its getter threw)");
                        return Ok(Read::Unreadable);
                    }
                    b'K' => "could not be read (listing its keys threw)",
                    b'S' => "makes the input too large (over 200000 values in all, a shared object counted each time it appears)",
                    _ => return Err(Malformed),
                };
                self.issue(path, message)
            }
            _ => return Err(Malformed),
        };
        Ok(Read::Value(value))
    }

    fn array(&mut self, path: &Path<'_>, depth: usize) -> Result<Vec<Value>, Malformed> {
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(items);
        }
        loop {
            let index = u32::try_from(items.len()).map_err(|_| Malformed)?;
            match self.value(&Path::Index(path, index), depth + 1)? {
                Read::Value(value) => items.push(value),
                Read::Unreadable => items.push(Value::Null),
            }
            match self.next()? {
                b',' => {}
                b']' => return Ok(items),
                _ => return Err(Malformed),
            }
        }
    }

    fn object(&mut self, path: &Path<'_>, depth: usize) -> Result<Map, Malformed> {
        let mut map = Map::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(map);
        }
        loop {
            self.expect(b'"')?;
            // A key with a lone surrogate reads as U+FFFD: keys are field names, and no field
            // of this API has one, so the validators refuse it by name.
            let (key, _) = self.string()?;
            self.expect(b':')?;
            if let Read::Value(value) = self.value(&Path::Key(path, &key), depth + 1)? {
                map.push_new(key, value);
            }
            match self.next()? {
                b',' => {}
                b'}' => return Ok(map),
                _ => return Err(Malformed),
            }
        }
    }

    /// A whole number as `String(x)` writes one below 2⁵³: an optional `-` and digits.
    fn integer(&mut self) -> Result<i64, Malformed> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let start = self.at;
        let mut n: i64 = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(i64::from(digit - b'0')))
                .ok_or(Malformed)?;
            self.at += 1;
        }
        if self.at == start {
            return Err(Malformed);
        }
        Ok(if negative { -n } else { n })
    }

    fn hex_u64(&mut self) -> Result<u64, Malformed> {
        let mut bits = 0;
        for _ in 0..4 {
            bits = bits << 16 | u64::from(self.hex_u16()?);
        }
        Ok(bits)
    }

    /// A string as `JSON.stringify` writes it, after its opening quote: its text, and whether it
    /// held a lone surrogate (replaced by U+FFFD in the text).
    fn string(&mut self) -> Result<(String, bool), Malformed> {
        let mut out = String::new();
        let mut broken = false;
        loop {
            // The run up to the next quote or escape, copied at once (it ends at an ASCII
            // byte, so it is whole UTF-8 in the `str` the text came from).
            let start = self.at;
            let run = self.text[start..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .ok_or(Malformed)?;
            self.at += run;
            out.push_str(self.src.get(start..self.at).ok_or(Malformed)?);
            match self.next()? {
                b'"' => return Ok((out, broken)),
                _ => {
                    let kind = self.next()?;
                    let c = if kind == b'u' {
                        let unit = self.hex_u16()?;
                        let low = hex4(self.text, self.at + 2)
                            .filter(|_| self.text[self.at..].starts_with(b"\\u"));
                        match low.and_then(|low| surrogate_pair(unit, low)) {
                            Some(c) => {
                                self.at += 6;
                                c
                            }
                            None => char::from_u32(u32::from(unit)).unwrap_or_else(|| {
                                broken = true;
                                '\u{FFFD}'
                            }),
                        }
                    } else {
                        short_escape(kind).ok_or(Malformed)?
                    };
                    out.push(c);
                }
            }
        }
    }

    fn hex_u16(&mut self) -> Result<u16, Malformed> {
        let unit = hex4(self.text, self.at).ok_or(Malformed)?;
        self.at += 4;
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(read: &Converted) -> Vec<&str> {
        read.issues.iter().map(|i| i.field.as_str()).collect()
    }

    #[test]
    fn plain_json_reads_as_its_value_in_the_callers_order() {
        let read = read_input(
            r#"{"b":1,"a":[true,false,null,"x\"y\\z\n\u0001"],"c":{}}"#,
            "",
        );
        assert!(read.issues.is_empty(), "{:?}", read.issues);
        assert_eq!(
            read.value.to_json(),
            r#"{"b":1,"a":[true,false,null,"x\"y\\z\n\u0001"],"c":{}}"#
        );
    }

    #[test]
    fn numbers_are_whole_in_decimal_and_fractional_by_their_bits() {
        let bits = |x: f64| format!("~{:016x}", x.to_bits());
        let read = read_input(
            &format!("[0,-42,9007199254740991,{},{}]", bits(0.1), bits(1e21)),
            "",
        );
        let items = read.value.as_array().unwrap();
        assert_eq!(items[0].as_u64(), Some(0));
        assert_eq!(items[1].to_json(), "-42");
        assert_eq!(items[2].as_u64(), Some(9_007_199_254_740_991));
        assert_eq!(items[3].as_f64(), Some(0.1));
        assert_eq!(items[4].as_f64(), Some(1e21));
        assert!(read.issues.is_empty());
    }

    #[test]
    fn a_date_becomes_its_iso_text() {
        let read = read_input(r#"{"due_date":@1779289200000}"#, "");
        assert_eq!(
            read.value.to_json(),
            r#"{"due_date":"2026-05-20T15:00:00.000Z"}"#
        );
    }

    #[test]
    fn what_json_cannot_carry_is_an_issue_naming_its_field_and_its_place_holds_null() {
        let read = read_input(
            r#"{"a":!N,"b":[1,!B],"c":{"d":!J},"e":!D,"f":!T,"g":!R,"h":!M,"i":!K,"j":!S}"#,
            "",
        );
        assert_eq!(
            fields(&read),
            ["a", "b[1]", "c.d", "e", "f", "g", "h", "i", "j"]
        );
        assert_eq!(
            read.value.to_json(),
            r#"{"a":null,"b":[1,null],"c":{"d":null},"e":null,"f":null,"g":null,"h":null,"i":null,"j":null}"#
        );
        assert_eq!(read.issues[6].message, "has more than 100000 items");
    }

    #[test]
    fn a_getter_that_threw_leaves_its_member_out_but_an_item_holds_null() {
        let read = read_input(r#"{"a":!G,"b":[!G,2]}"#, "");
        assert_eq!(fields(&read), ["a", "b[0]"]);
        assert_eq!(read.value.to_json(), r#"{"b":[null,2]}"#);
        assert_eq!(
            read.issues[0].message,
            "could not be read (its getter threw)"
        );
    }

    #[test]
    fn lone_surrogates_in_values_are_issues_and_pairs_are_characters() {
        let read = read_input(
            r#"{"a":"\ud800x","b":"\udc00","c":"\ud83d\ude00","d":"\ud800\ud800"}"#,
            "",
        );
        assert_eq!(fields(&read), ["a", "b", "d"]);
        assert_eq!(
            read.value.as_object().unwrap().get("c").unwrap().as_str(),
            Some("😀")
        );
    }

    #[test]
    fn a_key_with_a_lone_surrogate_reads_with_a_replacement_character() {
        let read = read_input(r#"{"\ud800":1}"#, "");
        assert!(read.issues.is_empty());
        assert_eq!(read.value.to_json(), "{\"\u{FFFD}\":1}");
    }

    #[test]
    fn a_root_names_the_issue_of_a_lone_value() {
        assert_eq!(fields(&read_input("!B", "phone")), ["phone"]);
        assert_eq!(fields(&read_input("!B", "")), ["input"]);
        let read = read_input(r#"{"x":!N}"#, "options");
        assert_eq!(fields(&read), ["options.x"]);
    }

    #[test]
    fn text_the_shell_does_not_write_is_one_issue_never_a_guess() {
        for text in [
            "",
            "{",
            "[1,",
            r#"{"a" :1}"#,
            "1 ",
            "~12",
            "!Z",
            "nul",
            r#""\x""#,
            "99999999999999999999",
        ] {
            let read = read_input(text, "");
            assert!(read.value.is_null(), "{text}");
            assert_eq!(fields(&read), ["input"], "{text}");
        }
    }

    #[test]
    fn nesting_past_the_limit_is_not_read() {
        let deep = format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(fields(&read_input(&deep, "")), ["input"]);
        let limit = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(read_input(&limit, "").issues.is_empty());
    }
}
