//! The room's guest book: its join code and every device that joined, kept
//! in the session file, so that a restart or a crash changes nothing for the
//! phones in the room. A device's token is kept only as its hash.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The join code and the devices of a session's room.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceBook {
    /// The join code, from the room's first opening until the facilitator
    /// asks for a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The number the next device gets: past every number given before.
    #[serde(default)]
    pub next_number: u32,
    /// Every device that joined.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<KnownDevice>,
}

/// One device that joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownDevice {
    /// What the session calls it.
    pub number: u32,
    /// The SHA-256 of its token, as hex: the cookie cannot be read back.
    pub token_hash: String,
}

impl DeviceBook {
    /// Whether the room never opened.
    pub fn is_empty(&self) -> bool {
        self.code.is_none() && self.devices.is_empty() && self.next_number == 0
    }

    /// Writes down device `number` with its token's hash.
    pub fn add(&mut self, number: u32, token_hash: String) {
        if !self.devices.iter().any(|device| device.number == number) {
            self.devices.push(KnownDevice { number, token_hash });
        }
        self.next_number = self.next_number.max(number + 1);
    }
}

/// The hash a device's token is known by.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The check every form of the device with `token` carries: derived from
/// the token, so nothing more is kept, and only that device can know it.
pub fn form_check(token: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(b"samla form check\0");
    hash.update(token.as_bytes());
    hex(&hash.finalize()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_kept_as_a_hash_and_its_form_check_is_another() {
        let token = "ab".repeat(32);
        let hash = token_hash(&token);
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains(&token));
        assert_eq!(hash, token_hash(&token), "the same token, the same hash");
        let check = form_check(&token);
        assert_eq!(check.len(), 32);
        assert_ne!(check, hash[..32]);
        assert_ne!(check, form_check(&"cd".repeat(32)));
    }

    #[test]
    fn numbers_are_never_given_twice() {
        let mut book = DeviceBook::default();
        book.add(4, "a".into());
        book.add(2, "b".into());
        book.add(4, "a".into());
        assert_eq!(book.next_number, 5);
        assert_eq!(book.devices.len(), 2);
    }
}
