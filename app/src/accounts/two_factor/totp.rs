//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps,
//! six digits), the kind every authenticator app reads from a QR code or
//! a typed secret; and single-use recovery codes.

use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

pub const STEP_SECONDS: i64 = 30;

/// A new 160-bit secret, base32 without padding.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

/// Ten codes of ten characters, for when the phone is lost.
pub fn new_recovery_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            let bytes: [u8; 7] = rand::random();
            let code = Secret::Raw(bytes.to_vec()).to_encoded().to_string()[..10].to_lowercase();
            format!("{}-{}", &code[..5], &code[5..])
        })
        .collect()
}

/// Recovery codes are compared without case, spaces or dashes.
pub fn normalise_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The generator for a secret, or `None` when it is not base32.
fn generator(secret: &str, digits: usize) -> Option<TOTP> {
    let key = Secret::Encoded(secret.trim().to_string()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, digits, 0, STEP_SECONDS as u64, key).ok()
}

/// The six-digit code of a time step, as an app shows it.
pub fn code_of_step(secret: &str, step: i64) -> Option<String> {
    let at = u64::try_from(step.checked_mul(STEP_SECONDS)?).ok()?;
    Some(generator(secret, 6)?.generate(at))
}

/// The time step a code belongs to, if `code` is right for the step of
/// `unix_seconds` or the one before or after (clocks drift), and newer
/// than `last_step`, so a code cannot be used twice.
pub fn verify(secret: &str, code: &str, unix_seconds: i64, last_step: Option<i64>) -> Option<i64> {
    let code = code.trim().replace(' ', "");
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let now = unix_seconds / STEP_SECONDS;
    (now - 1..=now + 1)
        .filter(|step| last_step.is_none_or(|last| *step > last))
        .find(|step| {
            code_of_step(secret, *step)
                .is_some_and(|expected| bool::from(expected.as_bytes().ct_eq(code.as_bytes())))
        })
}

/// The address an authenticator app reads, as text or as a QR code.
pub fn provisioning_uri(secret: &str, email: &str) -> String {
    format!(
        "otpauth://totp/Samr%C3%A5d:{}?secret={secret}&issuer=Samr%C3%A5d&algorithm=SHA1&digits=6&period=30",
        email.replace('@', "%40")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238's key, "12345678901234567890", in base32.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn rfc_6238_sha1_test_vectors() {
        let eight_digits = generator(RFC_SECRET, 8).unwrap();
        for (time, expected) in [
            (59_u64, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(eight_digits.generate(time), expected, "T = {time}");
        }
    }

    #[test]
    fn codes_verify_within_one_step_and_only_once() {
        let step = 1_234_567_890 / STEP_SECONDS;
        let code = code_of_step(RFC_SECRET, step).unwrap();
        assert_eq!(verify(RFC_SECRET, &code, 1_234_567_890, None), Some(step));
        assert!(
            verify(RFC_SECRET, &code, 1_234_567_890 + 30, None).is_some(),
            "a step late"
        );
        assert!(
            verify(RFC_SECRET, &code, 1_234_567_890 + 90, None).is_none(),
            "too late"
        );
        assert!(
            verify(RFC_SECRET, &code, 1_234_567_890, Some(step)).is_none(),
            "reused"
        );
        assert!(verify(RFC_SECRET, "12345", 1_234_567_890, None).is_none());
        assert!(verify("inte base32!", &code, 1_234_567_890, None).is_none());
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_normalise() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), 10);
        assert_eq!(normalise_recovery_code(" ABCDE-fghij "), "abcdefghij");
        assert_eq!(new_secret().len(), 32);
    }
}
