//! Phone numbers: `is_valid_e164`, `normalize_phone` with and without a default country code,
//! and `validate_lookup_phone`, on any text.
//!
//! Input: a selector byte (which default country code), then the phone as UTF-8 (lossy).
#![no_main]

use libfuzzer_sys::fuzz_target;
use superfone_crm::json::Value;
use superfone_crm::phone::{is_valid_e164, normalize_phone};
use superfone_crm::validate::validate_lookup_phone;
use superfone_crm::ErrorKind;

const COUNTRY_CODES: [Option<&str>; 8] = [
    None,
    Some("91"),
    Some("+1"),
    Some(" 44 "),
    Some("0"),
    Some("1234"),
    Some("٩١"),
    Some(""),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let input = String::from_utf8_lossy(rest);
    let input = input.as_ref();
    let cc = COUNTRY_CODES[usize::from(selector) % COUNTRY_CODES.len()];

    let valid = is_valid_e164(input);
    // The strict check is exactly its definition.
    let by_definition = input.strip_prefix('+').is_some_and(|d| {
        (2..=15).contains(&d.len()) && !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit())
    });
    assert_eq!(valid, by_definition, "{input:?}");

    for cc in [None, cc] {
        match normalize_phone(input, cc) {
            Ok(e164) => {
                assert!(is_valid_e164(&e164), "{input:?} → {e164:?} is not E.164");
                // Normalising is idempotent, and keeps a valid number as it is.
                assert_eq!(normalize_phone(&e164, None).as_deref(), Ok(e164.as_str()));
                if valid {
                    assert_eq!(e164, input);
                }
            }
            Err(err) => {
                assert!(!valid || cc.is_some(), "valid {input:?} refused: {err:?}");
                assert_eq!(err.kind, ErrorKind::Validation);
                let field = err.field.as_deref();
                assert!(
                    matches!(field, Some("phone" | "defaultCountryCode")),
                    "{err:?}"
                );
                // Messages quote at most 40 characters of the input (each at most 10 once
                // escaped, like `\u{10ffff}`).
                assert!(err.message.chars().count() < 1000, "{}", err.message);
            }
        }
    }

    let lookup = validate_lookup_phone(&Value::String(input.to_owned()));
    assert_eq!(lookup.is_ok(), valid, "{input:?}: {lookup:?}");
    if let Err(issue) = lookup {
        assert_eq!(issue.field, "phone");
        assert!(issue.message.chars().count() < 1000, "{}", issue.message);
    }
});
