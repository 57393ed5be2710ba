//! The room's secrets: the join code on the screen and the devices' tokens,
//! from the system's random source.

/// Letters of a join code: no 0/O or 1/I to mistake for each other on a
/// projector. 32 of them, so each random byte picks one without bias.
const CODE_LETTERS: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Length of a join code.
pub const CODE_LENGTH: usize = 6;

/// Random bytes; the system's source failing is no state to run a room in.
fn random<const N: usize>() -> std::io::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|error| std::io::Error::other(error.to_string()))?;
    Ok(bytes)
}

/// A new join code: six letters and digits.
pub fn join_code() -> std::io::Result<String> {
    let bytes = random::<CODE_LENGTH>()?;
    Ok(bytes
        .iter()
        .map(|byte| char::from(CODE_LETTERS[usize::from(byte % 32)]))
        .collect())
}

/// An unguessable token: 32 random bytes, as hex.
pub fn token() -> std::io::Result<String> {
    let bytes = random::<32>()?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// `typed` as a code: capitals, without the blanks a phone's keyboard adds.
pub fn normalized_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|letter| !letter.is_whitespace() && *letter != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_of_the_letters_and_differs_between_rooms() {
        let code = join_code().unwrap();
        assert_eq!(code.len(), CODE_LENGTH);
        assert!(code.bytes().all(|byte| CODE_LETTERS.contains(&byte)));
        let codes: std::collections::HashSet<String> =
            (0..20).map(|_| join_code().unwrap()).collect();
        assert!(codes.len() > 1, "20 codes were all {code}");
    }

    #[test]
    fn a_token_is_64_hex_digits() {
        let token = token().unwrap();
        assert_eq!(token.len(), 64);
        assert!(token.bytes().all(|byte| byte.is_ascii_hexdigit()));
        assert_ne!(token, super::token().unwrap());
    }

    #[test]
    fn a_typed_code_is_read_as_capitals_without_blanks() {
        assert_eq!(normalized_code(" k7m 2qx\n"), "K7M2QX");
        assert_eq!(normalized_code("k7m-2qx"), "K7M2QX");
    }
}
