//! E.164 phone numbers: the strict check every phone field of the API needs, and a forgiving
//! normaliser for what people type into forms.

use crate::error::Error;
use crate::validate::quote;

/// The most digits E.164 allows after the `+`.
pub const E164_MAX_DIGITS: usize = 15;

/// The fewest digits accepted after the `+` (a country code and at least one more digit).
pub const E164_MIN_DIGITS: usize = 2;

/// Whether `phone` is E.164: `+`, a first digit 1–9, 2 to 15 ASCII digits in all, nothing else.
///
/// No separators, no surrounding whitespace and no non-ASCII digits: this is the form the API
/// takes. Use [`normalize_phone`] to get there from what a person typed.
///
/// ```
/// use superfone_crm::phone::is_valid_e164;
/// assert!(is_valid_e164("+918000000001"));
/// assert!(!is_valid_e164("+91 80000 00001"));
/// assert!(!is_valid_e164("8000000001"));
/// ```
pub fn is_valid_e164(phone: &str) -> bool {
    is_valid_e164_units(phone.as_bytes())
}

/// [`is_valid_e164`] over the code units of a string: UTF-8 bytes (`u8`) or UTF-16 units (`u16`,
/// as JavaScript holds strings). One rule for both: every character it accepts is ASCII, and no
/// unit of a non-ASCII character, in either encoding, is an ASCII digit or `+`.
///
/// ```
/// use superfone_crm::phone::is_valid_e164_units;
/// let utf16: Vec<u16> = "+918000000001".encode_utf16().collect();
/// assert!(is_valid_e164_units(&utf16));
/// assert!(!is_valid_e164_units("+९१८०००".as_bytes()));
/// ```
pub fn is_valid_e164_units<U: Copy + Into<u32>>(units: &[U]) -> bool {
    let is_digit = |u: U| (u32::from(b'0')..=u32::from(b'9')).contains(&u.into());
    match units.split_first() {
        Some((&plus, digits)) if plus.into() == u32::from(b'+') => {
            (E164_MIN_DIGITS..=E164_MAX_DIGITS).contains(&digits.len())
                && digits[0].into() != u32::from(b'0')
                && digits.iter().all(|&u| is_digit(u))
        }
        _ => false,
    }
}

/// Turns what a person typed into E.164, or an error naming the input.
///
/// - Whitespace (including tabs and no-break spaces), dashes, dots and brackets are dropped, and
///   so is the `(0)` some people write after the country code (`+44 (0)20 7946 0958`).
/// - A leading `00` (the international prefix) becomes `+`.
/// - Decimal digits of other scripts (Devanagari `९`, Arabic-Indic `٩`, fullwidth `９`, …) are
///   read as the ASCII digits they stand for; a fullwidth `＋` counts as `+`.
/// - Without `+` or `00`, the number is national: it needs `default_country_code` (`"91"` or
///   `"+91"`), and one leading trunk `0` is dropped before the country code is put in front,
///   except in the countries where that `0` is part of the number and is dialled from abroad too
///   ([`KEEPS_LEADING_ZERO`]: Italy's `06 1234 5678` is `+390612345678`).
///
/// Errors are [`ErrorKind::Validation`](crate::ErrorKind::Validation) with field `phone` (or
/// `defaultCountryCode` when that argument is malformed), and the message quotes the input.
///
/// ```
/// use superfone_crm::phone::normalize_phone;
/// assert_eq!(normalize_phone("+91 80000-00001", None).unwrap(), "+918000000001");
/// assert_eq!(normalize_phone("0091 8000000001", None).unwrap(), "+918000000001");
/// assert_eq!(normalize_phone("(415) 555-2671", Some("1")).unwrap(), "+14155552671");
/// assert_eq!(normalize_phone("08000000001", Some("+91")).unwrap(), "+918000000001");
/// assert!(normalize_phone("8000000001", None).is_err());
/// ```
pub fn normalize_phone(input: &str, default_country_code: Option<&str>) -> Result<String, Error> {
    let country_code = default_country_code.map(parse_country_code).transpose()?;
    to_e164(input, country_code).map_err(|why| {
        let why = match why {
            Why::NoCountryCode => "it has no country code (start with + and the country code, \
                                   or pass a default country code)"
                .to_string(),
            why => why.to_string(),
        };
        Error::validation(
            "phone",
            format!("{} is not a valid phone number: {why}", quote(input)),
        )
    })
}

/// Checks a default country code (`"91"`, `"+91"`) and returns its digits.
fn parse_country_code(code: &str) -> Result<&str, Error> {
    let digits = code.trim();
    let digits = digits.strip_prefix('+').unwrap_or(digits);
    let ok = (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(digits)
    } else {
        Err(Error::validation(
            "defaultCountryCode",
            format!(
                "must be a country code of 1 to 3 digits, not starting with 0, like \"91\" or \"+1\" (got {})",
                quote(code)
            ),
        ))
    }
}

/// Why an input is not a phone number; reads as the end of "… is not a valid phone number: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    Empty,
    BadChar(char),
    PlusNotAtStart,
    NoCountryCode,
    CountryCodeStartsWithZero,
    TooFewDigits(usize),
    TooManyDigits(usize),
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Why::Empty => f.write_str("it has no digits"),
            Why::BadChar(c) => write!(
                f,
                "{} is not allowed; use digits, a leading + or 00, and spaces, dashes, dots or brackets between them",
                crate::text::quote_char(*c)
            ),
            Why::PlusNotAtStart => f.write_str("'+' is only allowed at the start"),
            Why::NoCountryCode => {
                f.write_str("it has no country code (start with + and the country code)")
            }
            Why::CountryCodeStartsWithZero => f.write_str("a country code cannot start with 0"),
            Why::TooFewDigits(n) => write!(
                f,
                "it has {n} digit{}; E.164 needs at least {E164_MIN_DIGITS} after the +",
                if *n == 1 { "" } else { "s" }
            ),
            Why::TooManyDigits(n) => write!(
                f,
                "it has {n} digits; E.164 allows at most {E164_MAX_DIGITS} after the +"
            ),
        }
    }
}

/// The code points of the zeros of the decimal digit blocks we read besides ASCII: Arabic-Indic,
/// Extended Arabic-Indic, the Indic scripts from Devanagari to Malayalam, and fullwidth.
const DIGIT_ZEROS: [u32; 12] = [
    0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0xFF10,
];

/// The ASCII digit `c` stands for, if it is a decimal digit of a script we read.
fn ascii_digit(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8);
    }
    let cp = c as u32;
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .map(|&zero| b'0' + (cp - zero) as u8)
}

/// Characters people put between digits, which carry no meaning.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF0D}' | '\u{FF0E}'
        )
}

/// Country codes whose national numbers keep their leading `0` in E.164: Italy, San Marino and
/// the Vatican (the Italian numbering plan's `0` of landlines), Côte d'Ivoire (10-digit numbers
/// since 2021) and the Republic of the Congo. Elsewhere a leading `0` is a trunk prefix.
pub const KEEPS_LEADING_ZERO: [&str; 5] = ["39", "378", "379", "225", "242"];

/// The normaliser proper; `country_code` is already checked (digits only).
pub(crate) fn to_e164(input: &str, country_code: Option<&str>) -> Result<String, Why> {
    // Significant tokens: ASCII digits, a leading '+', and brackets (kept for the "(0)" rule).
    let mut tokens: Vec<u8> = Vec::new();
    let mut plus = false;
    for c in input.chars() {
        if let Some(d) = ascii_digit(c) {
            tokens.push(d);
        } else if c == '+' || c == '\u{FF0B}' {
            if plus || tokens.iter().any(u8::is_ascii_digit) {
                return Err(Why::PlusNotAtStart);
            }
            plus = true;
        } else if matches!(c, '(' | ')' | '\u{FF08}' | '\u{FF09}') {
            tokens.push(if matches!(c, '(' | '\u{FF08}') {
                b'('
            } else {
                b')'
            });
        } else if !is_separator(c) {
            return Err(Why::BadChar(c));
        }
    }
    // "(0)" marks a trunk 0 that is dialled only nationally: never part of the number.
    let mut digits = String::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i..].starts_with(b"(0)") {
            i += 3;
            continue;
        }
        if tokens[i].is_ascii_digit() {
            digits.push(tokens[i] as char);
        }
        i += 1;
    }
    if digits.is_empty() {
        return Err(Why::Empty);
    }

    let e164_digits = if plus {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if let Some(cc) = country_code {
        let national = if KEEPS_LEADING_ZERO.contains(&cc) {
            &digits
        } else {
            digits.strip_prefix('0').unwrap_or(&digits)
        };
        if national.is_empty() {
            return Err(Why::Empty);
        }
        format!("{cc}{national}")
    } else {
        return Err(Why::NoCountryCode);
    };

    let n = e164_digits.len();
    if e164_digits.starts_with('0') {
        Err(Why::CountryCodeStartsWithZero)
    } else if n < E164_MIN_DIGITS {
        Err(Why::TooFewDigits(n))
    } else if n > E164_MAX_DIGITS {
        Err(Why::TooManyDigits(n))
    } else {
        Ok(format!("+{e164_digits}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn normalized(input: &str, cc: Option<&str>) -> String {
        normalize_phone(input, cc).unwrap()
    }

    fn refusal(input: &str, cc: Option<&str>) -> Error {
        normalize_phone(input, cc).unwrap_err()
    }

    #[test]
    fn e164_accepts_plus_and_digits() {
        assert!(is_valid_e164("+918000000001"));
        assert!(is_valid_e164("+14155552671"));
        assert!(is_valid_e164("+12"));
        assert!(is_valid_e164("+123456789012345"));
    }

    #[test]
    fn e164_requires_the_plus() {
        assert!(!is_valid_e164("918000000001"));
        assert!(!is_valid_e164("00918000000001"));
    }

    #[test]
    fn e164_rejects_spaces() {
        assert!(!is_valid_e164("+91 8000000001"));
        assert!(!is_valid_e164(" +918000000001"));
        assert!(!is_valid_e164("+918000000001\n"));
    }

    #[test]
    fn e164_rejects_separators() {
        for phone in [
            "+91-8000000001",
            "+91.8000000001",
            "+91(800)0000001",
            "+91/8000000001",
        ] {
            assert!(!is_valid_e164(phone), "{phone}");
        }
    }

    #[test]
    fn e164_rejects_a_leading_zero_country_code() {
        assert!(!is_valid_e164("+0918000000001"));
    }

    #[test]
    fn e164_allows_two_to_fifteen_digits() {
        assert!(!is_valid_e164("+"));
        assert!(!is_valid_e164("+1"));
        assert!(!is_valid_e164("+1234567890123456"));
    }

    #[test]
    fn e164_rejects_letters_and_non_ascii_digits() {
        assert!(!is_valid_e164("+91800000000a"));
        assert!(!is_valid_e164("+٩١٨٠٠٠٠٠٠٠٠١"));
        assert!(!is_valid_e164("+９１８０００００００１"));
        assert!(!is_valid_e164("++918000000001"));
        assert!(!is_valid_e164(""));
    }

    #[test]
    fn normalize_drops_spaces_dashes_dots_and_brackets() {
        assert_eq!(normalized("+91 80000-00001", None), "+918000000001");
        assert_eq!(normalized("+1 (415) 555.2671", None), "+14155552671");
        assert_eq!(normalized("\t+91\u{a0}80000 00001 ", None), "+918000000001");
    }

    #[test]
    fn normalize_keeps_valid_e164_as_is() {
        assert_eq!(normalized("+918000000001", None), "+918000000001");
    }

    #[test]
    fn normalize_reads_a_leading_00_as_plus() {
        assert_eq!(normalized("0091 8000000001", None), "+918000000001");
        assert_eq!(normalized("0091 8000000001", Some("1")), "+918000000001");
    }

    #[test]
    fn normalize_puts_the_default_country_code_before_a_national_number() {
        assert_eq!(normalized("(415) 555-2671", Some("1")), "+14155552671");
        assert_eq!(normalized("8000000001", Some("+91")), "+918000000001");
    }

    #[test]
    fn normalize_drops_one_trunk_zero_of_a_national_number() {
        assert_eq!(normalized("08000000001", Some("91")), "+918000000001");
        assert_eq!(normalized("080 0000 0001", Some("91")), "+918000000001");
    }

    #[test]
    fn normalize_keeps_the_leading_zero_where_it_is_part_of_the_number() {
        // The same number typed nationally and internationally comes out the same.
        assert_eq!(normalized("06 1234 5678", Some("39")), "+390612345678");
        assert_eq!(normalized("+39 06 1234 5678", None), "+390612345678");
        assert_eq!(normalized("347 123 4567", Some("39")), "+393471234567");
        assert_eq!(normalized("0549 882 111", Some("378")), "+3780549882111");
        assert_eq!(normalized("07 07 07 07 07", Some("+225")), "+2250707070707");
        assert_eq!(normalized("06 612 3456", Some("242")), "+242066123456");
        // Not a prefix match: +3 is no such country, and 1 drops its trunk 0 as before.
        assert_eq!(normalized("0415 555 2671", Some("1")), "+14155552671");
    }

    #[test]
    fn normalize_drops_a_bracketed_trunk_zero() {
        assert_eq!(normalized("+44 (0)20 7946 0958", None), "+442079460958");
        assert_eq!(normalized("(0)20 7946 0958", Some("44")), "+442079460958");
    }

    #[test]
    fn normalize_ignores_the_default_country_code_for_international_numbers() {
        assert_eq!(normalized("+14155552671", Some("91")), "+14155552671");
    }

    #[test]
    fn normalize_reads_digits_of_other_scripts() {
        assert_eq!(normalized("+९१ ८०००० ०००००१", None), "+9180000000001");
        assert_eq!(
            normalized("＋９１ ８００００００００１", None),
            "+918000000001"
        );
    }

    #[test]
    fn normalize_needs_a_country_code_for_a_national_number() {
        let err = refusal("8000000001", None);
        assert_eq!(err.kind, ErrorKind::Validation);
        assert_eq!(err.field.as_deref(), Some("phone"));
        assert!(err.message.contains("\"8000000001\""), "{}", err.message);
        assert!(err.message.contains("no country code"), "{}", err.message);
        assert!(
            err.message.contains("default country code"),
            "{}",
            err.message
        );
    }

    #[test]
    fn normalize_refuses_letters() {
        let err = refusal("+91 8000 CALL", None);
        assert!(
            err.message.contains("'C' is not allowed"),
            "{}",
            err.message
        );
    }

    #[test]
    fn normalize_refuses_a_plus_in_the_middle() {
        let err = refusal("91+8000000001", None);
        assert!(err.message.contains("'+'"), "{}", err.message);
        assert!(normalize_phone("++918000000001", None).is_err());
    }

    #[test]
    fn normalize_accepts_a_plus_inside_a_leading_bracket() {
        assert_eq!(normalized("(+91) 80000 00001", None), "+918000000001");
    }

    #[test]
    fn normalize_refuses_empty_input() {
        for input in ["", "   ", "-()-", "+", "00"] {
            assert!(normalize_phone(input, None).is_err(), "{input:?}");
        }
        assert!(normalize_phone("0", Some("91")).is_err());
    }

    #[test]
    fn normalize_refuses_too_many_digits() {
        let err = refusal("+91 80000 00000 00001", None);
        assert!(err.message.contains("at most 15"), "{}", err.message);
    }

    #[test]
    fn normalize_refuses_a_country_code_starting_with_zero() {
        let err = refusal("+0 800", None);
        assert!(
            err.message.contains("cannot start with 0"),
            "{}",
            err.message
        );
        assert!(normalize_phone("000918000000001", None).is_err());
    }

    #[test]
    fn normalize_cuts_long_inputs_short_in_the_message() {
        let input = "x".repeat(10_000);
        let err = refusal(&input, None);
        assert!(err.message.len() < 300, "{}", err.message);
    }

    #[test]
    fn default_country_code_must_be_one_to_three_digits() {
        for cc in ["", "+", "0", "091", "1234", "9a", "+ 91", "١"] {
            let err = refusal("8000000001", Some(cc));
            assert_eq!(err.field.as_deref(), Some("defaultCountryCode"), "{cc:?}");
        }
        assert_eq!(normalized("8000000001", Some(" 91 ")), "+918000000001");
    }
}
