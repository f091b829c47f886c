//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps,
//! six digits), the kind every authenticator app reads from a QR code or
//! a typed secret; and single-use recovery codes.

use sha1::{Digest, Sha1};

pub const STEP_SECONDS: i64 = 30;
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new 160-bit secret, base32 without padding.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    base32_encode(&bytes)
}

/// Ten codes of ten characters, for when the phone is lost.
pub fn new_recovery_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            let bytes: [u8; 7] = rand::random();
            let code = base32_encode(&bytes)[..10].to_lowercase();
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

pub fn base32_encode(data: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in data {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = BASE32
            .iter()
            .position(|&b| b as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..20].copy_from_slice(&Sha1::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner = Sha1::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    let outer = Sha1::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize();
    outer.into()
}

/// The HOTP value (RFC 4226) for a counter, with `digits` digits.
pub fn hotp(key: &[u8], counter: u64, digits: u32) -> u32 {
    let mac = hmac_sha1(key, &counter.to_be_bytes());
    let offset = (mac[19] & 0x0f) as usize;
    let value = u32::from_be_bytes([
        mac[offset] & 0x7f,
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ]);
    value % 10u32.pow(digits)
}

/// The time step a code belongs to, if `code` is right for the step of
/// `unix_seconds` or the one before or after (clocks drift), and newer
/// than `last_step`, so a code cannot be used twice.
pub fn verify(secret: &str, code: &str, unix_seconds: i64, last_step: Option<i64>) -> Option<i64> {
    let key = base32_decode(secret)?;
    let code = code.trim().replace(' ', "");
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let given: u32 = code.parse().ok()?;
    let now = unix_seconds / STEP_SECONDS;
    (now - 1..=now + 1)
        .filter(|step| last_step.is_none_or(|last| *step > last))
        .find(|step| hotp(&key, *step as u64, 6) == given)
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

    #[test]
    fn rfc_6238_sha1_test_vectors() {
        let key = b"12345678901234567890";
        for (time, expected) in [
            (59_u64, 94_287_082_u32),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(hotp(key, time / 30, 8), expected, "T = {time}");
        }
    }

    #[test]
    fn codes_verify_within_one_step_and_only_once() {
        let secret = base32_encode(b"12345678901234567890");
        assert_eq!(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(base32_decode(&secret).unwrap(), b"12345678901234567890");
        let code = format!(
            "{:06}",
            hotp(b"12345678901234567890", 1_234_567_890 / 30, 6)
        );
        assert_eq!(
            verify(&secret, &code, 1_234_567_890, None),
            Some(1_234_567_890 / 30)
        );
        assert!(
            verify(&secret, &code, 1_234_567_890 + 30, None).is_some(),
            "a step late"
        );
        assert!(
            verify(&secret, &code, 1_234_567_890 + 90, None).is_none(),
            "too late"
        );
        assert!(
            verify(&secret, &code, 1_234_567_890, Some(1_234_567_890 / 30)).is_none(),
            "reused"
        );
        assert!(verify(&secret, "12345", 1_234_567_890, None).is_none());
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
