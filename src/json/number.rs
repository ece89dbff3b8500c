//! How serde_json reads a number's text, replicated: whether it is in range, and the double it
//! builds (page counters are judged on it). serde_json keeps the first 19–20 significant digits
//! in a `u64`, counts the rest into the exponent, and scales by a table of powers of ten; its
//! rounding differs from a correctly rounded parse in the last bit of some long numbers, and the
//! checks must agree with decoding to the last bit.

/// The double serde_json builds from a number's text (when not asked for exact float parsing:
/// this crate's setting), or `None` where it reports "number out of range".
pub(crate) fn serde_f64(text: &[u8]) -> Option<f64> {
    match parts(text) {
        Parts::Scaled {
            negative,
            significand,
            exponent,
        } => scaled(negative, significand, exponent),
        Parts::Zero { negative } => Some(if negative { -0.0 } else { 0.0 }),
        Parts::OutOfRange => None,
    }
}

/// Whether serde_json reads the number without "number out of range": [`serde_f64`] is `Some`,
/// decided without the double unless the exponent comes near a double's limit.
pub(crate) fn in_range(text: &[u8]) -> bool {
    match parts(text) {
        // Below 10^289 even the largest significand (< 1.9e19) stays finite.
        Parts::Scaled {
            significand,
            exponent,
            ..
        } if significand == 0 || exponent < 289 => true,
        Parts::Scaled {
            negative,
            significand,
            exponent,
        } => scaled(negative, significand, exponent).is_some(),
        Parts::Zero { .. } => true,
        Parts::OutOfRange => false,
    }
}

/// A number's text as serde_json reads it before scaling.
enum Parts {
    /// `significand × 10^exponent`, to be scaled in floating point.
    Scaled {
        negative: bool,
        significand: u64,
        exponent: i32,
    },
    /// An exponent past `i32` on the small side (or on any side of zero): zero.
    Zero { negative: bool },
    /// An exponent past `i32` on the large side: out of range.
    OutOfRange,
}

fn parts(text: &[u8]) -> Parts {
    let (negative, mut rest) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut significand: u64 = 0;
    let mut exponent: i32 = 0;
    let mut overflowed = false;
    // Integer digits: into the significand until it would overflow, then only counted.
    while let Some((&d @ b'0'..=b'9', tail)) = rest.split_first() {
        rest = tail;
        if overflowed {
            exponent = exponent.saturating_add(1);
        } else if let Some(next) = grow(significand, d) {
            significand = next;
        } else {
            overflowed = true;
            exponent = exponent.saturating_add(1);
        }
    }
    if let Some((b'.', tail)) = rest.split_first() {
        rest = tail;
        // Fraction digits: into the significand (each lowers the exponent) until it would
        // overflow; serde_json drops the rest.
        let mut dropping = false;
        while let Some((&d @ b'0'..=b'9', tail)) = rest.split_first() {
            rest = tail;
            if dropping {
                continue;
            }
            match grow(significand, d) {
                Some(next) => {
                    significand = next;
                    exponent = exponent.saturating_sub(1);
                }
                None => dropping = true,
            }
        }
    }
    if let Some((b'e' | b'E', tail)) = rest.split_first() {
        rest = tail;
        let positive = match rest.split_first() {
            Some((b'-', tail)) => {
                rest = tail;
                false
            }
            Some((b'+', tail)) => {
                rest = tail;
                true
            }
            _ => true,
        };
        let mut exp: i32 = 0;
        for &d in rest.iter().take_while(|d| d.is_ascii_digit()) {
            let digit = i32::from(d - b'0');
            if exp > i32::MAX / 10 || (exp == i32::MAX / 10 && digit > i32::MAX % 10) {
                // An exponent past i32: infinity is out of range, anything else is zero.
                if significand != 0 && positive {
                    return Parts::OutOfRange;
                }
                return Parts::Zero { negative };
            }
            exp = exp * 10 + digit;
        }
        exponent = if positive {
            exponent.saturating_add(exp)
        } else {
            exponent.saturating_sub(exp)
        };
    }
    Parts::Scaled {
        negative,
        significand,
        exponent,
    }
}

/// `significand × 10^exponent` as serde_json computes it: one multiplication or division by a
/// power of ten, or for tiny numbers divisions by 10^308 first.
fn scaled(negative: bool, significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        let k = exponent.unsigned_abs();
        if k <= 308 {
            if exponent >= 0 {
                f *= pow10(k);
                if f.is_infinite() {
                    return None;
                }
            } else {
                f /= pow10(k);
            }
            break;
        }
        if f == 0.0 {
            break;
        }
        if exponent >= 0 {
            return None;
        }
        f /= pow10(308);
        exponent += 308;
    }
    Some(if negative { -f } else { f })
}

/// `significand * 10 + digit`, unless that passes `u64::MAX`.
fn grow(significand: u64, digit: u8) -> Option<u64> {
    significand
        .checked_mul(10)?
        .checked_add(u64::from(digit - b'0'))
}

/// The double nearest 10^k (k ≤ 308), as the literals `1e0` … `1e308` of serde_json's table
/// are. The top twenty (what range checks use, maybe once per number) are literals here; the
/// rest (only page counters written with a fraction or exponent need them) are computed rather
/// than parsed or tabled: 10^k = 5^k · 2^k, with 5^k as a big integer rounded to 53 bits (half
/// to even).
fn pow10(k: u32) -> f64 {
    // The powers every range check near the top uses, as literals (see `in_range`).
    const TOP: [f64; 20] = [
        1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301,
        1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
    ];
    if let Some(&p) = k.checked_sub(289).and_then(|i| TOP.get(i as usize)) {
        return p;
    }
    // 5^308 has 716 bits: 23 limbs of 32.
    let mut limbs = [0u32; 23];
    limbs[0] = 1;
    let mut len = 1;
    for _ in 0..k.min(308) {
        let mut carry = 0u64;
        for limb in limbs.iter_mut().take(len) {
            let v = u64::from(*limb) * 5 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 && len < limbs.len() {
            limbs[len] = carry as u32;
            len += 1;
        }
    }
    let bit = |i: usize| limbs.get(i / 32).is_some_and(|l| l >> (i % 32) & 1 == 1);
    let top = limbs[len - 1];
    let bits = (len - 1) * 32 + (32 - top.leading_zeros() as usize);
    // The 53 leading bits, then round on the rest.
    let kept = bits.min(53);
    let mut mantissa = (0..kept).fold(0u64, |m, i| m << 1 | u64::from(bit(bits - 1 - i)));
    let dropped = bits - kept;
    if dropped > 0 {
        let half = bit(dropped - 1);
        let sticky = (0..dropped - 1).any(bit);
        if half && (sticky || mantissa & 1 == 1) {
            mantissa += 1;
        }
    }
    // mantissa · 2^(dropped + k), exact: the mantissa fits 54 bits and the scale is a power of
    // two well inside a double's range (its exponent is at most 716 - 53 + 308).
    let scale = f64::from_bits(((dropped as u64 + u64::from(k) + 1023) & 0x7FF) << 52);
    mantissa as f64 * scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow10_is_the_literal() {
        assert_eq!(pow10(0), 1e0);
        assert_eq!(pow10(1), 1e1);
        assert_eq!(pow10(22), 1e22);
        assert_eq!(pow10(23), 1e23);
        assert_eq!(pow10(200), 1e200);
        assert_eq!(pow10(308), 1e308);
        for k in 0..=308 {
            let literal: f64 = format!("1e{k}").parse().unwrap();
            assert_eq!(pow10(k).to_bits(), literal.to_bits(), "1e{k}");
        }
    }
}

/// The reader against serde_json itself, on numbers of every shape.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod against_serde_json {
    use super::*;
    use proptest::prelude::*;

    /// Numbers of every shape: signs, long and short digit runs, fractions, small and huge
    /// exponents.
    pub(crate) fn number_text() -> impl Strategy<Value = String> {
        (
            any::<bool>(),
            prop_oneof!["0", "[1-9][0-9]{0,25}", "[1-9][0-9]{280,330}"],
            prop::option::of("[0-9]{1,30}"),
            prop::option::of((
                prop::sample::select(vec!["e", "E", "e+", "e-", "E-"]),
                prop_oneof!["[0-9]{1,3}", "[0-9]{1,12}"],
            )),
        )
            .prop_map(|(negative, int, fraction, exponent)| {
                let mut s = String::new();
                if negative {
                    s.push('-');
                }
                s.push_str(&int);
                if let Some(fraction) = fraction {
                    s.push('.');
                    s.push_str(&fraction);
                }
                if let Some((e, digits)) = exponent {
                    s.push_str(e);
                    s.push_str(&digits);
                }
                s
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn numbers_read_as_serde_json_reads_them(text in number_text()) {
            let serde = serde_json::from_str::<f64>(&text).ok();
            let ours = serde_f64(text.as_bytes());
            prop_assert_eq!(ours.map(f64::to_bits), serde.map(f64::to_bits), "{}", text);
            prop_assert_eq!(in_range(text.as_bytes()), serde.is_some(), "{}", text);
        }
    }
}
