//! Who an e-mail draft goes to, as the user types it after `--to`: one address
//! or several separated by commas, each with or without a display name
//! (`Maria Berg <maria@kommun.se>, johan@kommun.se`). Parsed as an address
//! list by mail-parser and each address checked by email_address, so what ends
//! up in `To:` is exactly the addresses the user meant.

use std::str::FromStr;

use email_address::EmailAddress;
use mail_parser::MessageParser;

/// One recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// The display name, if one was given.
    pub name: Option<String>,
    /// The address itself.
    pub address: String,
}

/// Parses what follows one `--to`; an error says what was expected.
pub fn parse_recipients(text: &str) -> Result<Vec<Recipient>, String> {
    if text.chars().any(char::is_control) {
        return Err("control characters in an address (expected name@domain)".to_owned());
    }
    if text.trim().is_empty() {
        return Err("no address (expected name@domain, or several separated by commas)".to_owned());
    }
    let header = format!("To: {text}\r\n\r\n");
    let message = MessageParser::new().parse(header.as_bytes());
    let Some(list) = message.as_ref().and_then(|message| message.to()) else {
        return Err(format!("{text:?} is no address (expected name@domain)"));
    };
    let mut recipients = Vec::new();
    for addr in list.iter() {
        let address = addr.address.as_deref().unwrap_or_default();
        if EmailAddress::from_str(address).is_err() {
            let shown = if address.is_empty() {
                addr.name.as_deref().unwrap_or(text)
            } else {
                address
            };
            return Err(format!(
                "{shown:?} is no e-mail address (expected name@domain, e.g. maria@kommun.se)"
            ));
        }
        recipients.push(Recipient {
            name: addr
                .name
                .as_deref()
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(ToOwned::to_owned),
            address: address.to_owned(),
        });
    }
    if recipients.is_empty() {
        return Err(format!("{text:?} is no address (expected name@domain)"));
    }
    Ok(recipients)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recipient(name: Option<&str>, address: &str) -> Recipient {
        Recipient {
            name: name.map(ToOwned::to_owned),
            address: address.to_owned(),
        }
    }

    #[test]
    fn a_display_name_and_a_comma_make_two_recipients() {
        assert_eq!(
            parse_recipients("Evil <a@b.se>, c@d.se").unwrap(),
            [recipient(Some("Evil"), "a@b.se"), recipient(None, "c@d.se")]
        );
        assert_eq!(
            parse_recipients("\"Berg, Maria\" <maria@kommun.se>").unwrap(),
            [recipient(Some("Berg, Maria"), "maria@kommun.se")]
        );
    }

    #[test]
    fn what_is_no_address_is_refused() {
        for wrong in [
            "",
            "  ",
            "not-an-address",
            "a@",
            "@b.se",
            "a@b.se\r\nBcc: x@y.se",
        ] {
            assert!(parse_recipients(wrong).is_err(), "{wrong:?}");
        }
    }
}
