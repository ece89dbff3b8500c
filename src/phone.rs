//! E.164 phone numbers: the strict check every phone field of the API needs, and a forgiving
//! normaliser for what people type into forms.

use crate::error::Error;

/// Whether `phone` is E.164: `+`, a first digit 1–9, 2 to 15 ASCII digits in all, nothing else.
pub fn is_valid_e164(phone: &str) -> bool {
    let _ = phone;
    todo!("helper B")
}

/// Turns what a person typed into E.164, or an error naming the input.
pub fn normalize_phone(input: &str, default_country_code: Option<&str>) -> Result<String, Error> {
    let _ = (input, default_country_code);
    todo!("helper B")
}
