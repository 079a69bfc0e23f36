//! Base64url decoding (RFC 4648 §5) for JWT segments, reporting the first bad character's
//! index so a malformed token can be pointed at. Padding is accepted though JWTs omit it.

/// Why a segment could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the base64url alphabet, at this byte index of the segment.
    BadChar(usize),
    /// A length no base64 text can have (one character left over).
    BadLength,
}

fn value(byte: u8) -> Option<u32> {
    match byte {
        b'A'..=b'Z' => Some(u32::from(byte - b'A')),
        b'a'..=b'z' => Some(u32::from(byte - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(byte - b'0') + 52),
        // Standard base64's `+` and `/` show up in hand-edited tokens; decode them too.
        b'-' | b'+' => Some(62),
        b'_' | b'/' => Some(63),
        _ => None,
    }
}

/// Decodes `text`; trailing `=` padding is ignored.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let body = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for (i, byte) in body.bytes().enumerate() {
        let v = value(byte).ok_or(Base64Error::BadChar(i))?;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            // Truncation to the low byte is the point.
            #[allow(
                clippy::cast_possible_truncation,
                reason = "`acc >> bits` holds at most 8 significant bits here"
            )]
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if body.len() % 4 == 1 {
        return Err(Base64Error::BadLength);
    }
    Ok(out)
}

/// Encodes bytes as unpadded base64url (tests build tokens with it).
pub fn encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            let index = (n >> (18 - 6 * k)) & 63;
            if let Some(&c) = ALPHABET.get(index as usize) {
                out.push(char::from(c));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decodes_the_rfc_examples_without_padding() {
        assert_eq!(decode("Zm9vYmFy").unwrap(), b"foobar");
        assert_eq!(decode("Zm9vYg").unwrap(), b"foob");
        assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
        assert_eq!(decode("Zg").unwrap(), b"f");
    }

    #[test]
    fn points_at_the_first_bad_character() {
        assert_eq!(decode("Zm9v*mFy"), Err(Base64Error::BadChar(4)));
        assert_eq!(decode("Zm9vY"), Err(Base64Error::BadLength));
    }

    proptest! {
        #[test]
        fn decode_inverts_encode(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(decode(&encode(&bytes)).unwrap(), bytes);
        }
    }
}
