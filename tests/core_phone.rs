//! Properties of the phone rules over arbitrary input: the strict check agrees with a plain
//! reading of E.164, and the normaliser never panics and only ever returns valid E.164.

use proptest::prelude::*;
use superfone_crm::phone::{
    is_valid_e164, is_valid_e164_units, normalize_phone, KEEPS_LEADING_ZERO,
};
use superfone_crm::ErrorKind;

/// E.164 as the API docs state it, written as differently from the crate as possible.
fn reference_e164(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.len() >= 3
        && chars.len() <= 16
        && chars[0] == '+'
        && "123456789".contains(chars[1])
        && chars[2..].iter().all(|c| "0123456789".contains(*c))
}

/// Strings near the E.164 shape: plus signs, digits of several scripts, separators, letters.
fn phone_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\+?[0-9]{0,18}",
        "(\\+|00)?[0-9 ().\\-]{0,24}",
        "[+0-9 ()a-z٠-٩０-９\\-\t]{0,20}",
        any::<String>(),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", " ", "-", ".", "\t", "\u{a0}", "  "])
}

proptest! {
    #[test]
    fn is_valid_e164_agrees_with_the_reference(s in phone_like()) {
        prop_assert_eq!(is_valid_e164(&s), reference_e164(&s));
    }

    #[test]
    fn the_utf16_check_gives_the_same_verdict_as_the_utf8_one(s in prop_oneof![phone_like(), any::<String>()]) {
        let utf16: Vec<u16> = s.encode_utf16().collect();
        prop_assert_eq!(is_valid_e164_units(&utf16), is_valid_e164(&s), "{:?}", s);
    }

    #[test]
    fn normalize_never_panics_and_its_output_is_valid_e164(
        s in phone_like(),
        cc in prop::option::of(prop_oneof!["\\+?[0-9]{0,4}", any::<String>()]),
    ) {
        match normalize_phone(&s, cc.as_deref()) {
            Ok(phone) => prop_assert!(is_valid_e164(&phone), "{s:?} → {phone:?}"),
            Err(err) => {
                prop_assert_eq!(err.kind, ErrorKind::Validation);
                let field = err.field.as_deref().unwrap_or_default();
                prop_assert!(field == "phone" || field == "defaultCountryCode", "{}", field);
                prop_assert!(err.message.chars().count() < 400, "{}", err.message);
            }
        }
    }

    #[test]
    fn normalize_keeps_valid_e164_unchanged(digits in "[1-9][0-9]{1,14}", cc in prop::option::of("[1-9][0-9]{0,2}")) {
        let phone = format!("+{digits}");
        prop_assert_eq!(normalize_phone(&phone, cc.as_deref()).ok(), Some(phone));
    }

    #[test]
    fn normalize_ignores_separators_between_digits(
        digits in "[1-9][0-9]{1,14}",
        seps in prop::collection::vec(separator(), 16),
        use_00 in any::<bool>(),
    ) {
        let mut typed = String::from(if use_00 { "00" } else { "+" });
        for (d, sep) in digits.chars().zip(&seps) {
            typed.push_str(sep);
            typed.push(d);
        }
        prop_assert_eq!(normalize_phone(&typed, None).ok(), Some(format!("+{digits}")));
    }

    #[test]
    fn normalize_puts_the_country_code_before_a_national_number(
        cc in "[1-9][0-9]{0,2}",
        national in "[1-9][0-9]{4,10}",
        trunk in any::<bool>(),
    ) {
        let typed = format!("{}{national}", if trunk { "0" } else { "" });
        // Where the leading 0 is part of the number itself (Italy's 06…), it is kept.
        let kept = if trunk && KEEPS_LEADING_ZERO.contains(&cc.as_str()) { "0" } else { "" };
        prop_assert_eq!(normalize_phone(&typed, Some(&cc)).ok(), Some(format!("+{cc}{kept}{national}")));
    }
}

#[test]
fn normalize_survives_a_megabyte_of_input() {
    let huge = "9".repeat(1 << 20);
    let err = normalize_phone(&format!("+{huge}"), None).unwrap_err();
    assert!(err.message.contains("1048576 digits"), "{}", err.message);
    assert!(err.message.len() < 300);
}
