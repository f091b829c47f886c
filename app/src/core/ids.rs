//! Identifiers and secrets that travel in addresses and inboxes: random,
//! so rows cannot be reached by counting and links cannot be guessed.
//! Only a secret's SHA-256 is stored where the secret grants access, so a
//! database leak reveals no live token.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use sha2::{Digest, Sha256};

/// A fresh 256-bit token, URL-safe, and the hash to store for it.
pub fn new_token() -> (String, String) {
    let bytes: [u8; 32] = rand::random();
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_token(&token);
    (token, hash)
}

pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The public id of a row: 16 URL-safe random characters.
pub fn public_id() -> String {
    new_token().0[..16].to_string()
}

/// A receipt's number, to read out over the telephone: "SV-7KQ2-M9XD",
/// from letters and digits that cannot be mistaken for one another.
pub fn receipt_number() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let bytes: [u8; 8] = rand::random();
    let code: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("SV-{}-{}", &code[..4], &code[4..])
}

/// A 256-bit random secret for an address that is its own key (a calendar
/// feed).
pub fn secret_token() -> String {
    new_token().0
}

/// A name as it is compared and searched: however it is cased or spaced.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_256_bits_and_differ_and_hash_stably() {
        let (a, hash_a) = new_token();
        let (b, _) = new_token();
        assert_eq!(URL_SAFE_NO_PAD.decode(&a).unwrap().len(), 32);
        assert_ne!(a, b);
        assert_eq!(hash_a, hash_token(&a));
        assert_eq!(hash_a.len(), 64);
        assert_ne!(hash_a, a);
    }

    #[test]
    fn receipt_numbers_are_short_unambiguous_and_differ() {
        let a = receipt_number();
        assert_eq!(a.len(), 12);
        assert!(a.starts_with("SV-") && a.as_bytes()[7] == b'-');
        assert!(!a[3..].contains(['0', '1', 'I', 'O']));
        assert_ne!(a, receipt_number());
    }

    #[test]
    fn names_compare_however_they_are_cased_or_spaced() {
        assert_eq!(
            name_key("  Fossilfria   Transporter "),
            "fossilfria transporter"
        );
    }
}

/// Internal row ids, typed so one cannot be passed where another is meant.
/// They never leave the server: addresses carry public ids.
macro_rules! row_id {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type)]
            #[sqlx(transparent)]
            pub struct $name(pub i64);
        )*
    };
}

row_id!(
    AccountId,
    OrganisationId,
    NetworkId,
    NeedId,
    RequirementId,
    DialogueId,
    CommentId,
    SupplierId,
);
