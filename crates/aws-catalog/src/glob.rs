//! Wildcard matching for the catalog's queries: action patterns (`s3:Get*`), condition-key
//! templates (`aws:RequestTag/${TagKey}`), and whether a policy's resource pattern can name
//! a resource of a given ARN pattern (both sides have wildcards).

/// One element of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// A literal byte, lowercased.
    Byte(u8),
    /// Any one character (`?`).
    One,
    /// Any run of characters, possibly empty (`*`, `${...}`), with or without `/` and `:`.
    Star { slash: bool, colon: bool },
}

const ANY: Tok = Tok::Star {
    slash: true,
    colon: true,
};

/// Case-insensitive glob match of `text` against `pattern` (`*` any run, `?` any one).
pub fn glob_matches(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == b'?' || t.get(ti).is_some_and(|x| x.eq_ignore_ascii_case(&c)) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..)
        .is_some_and(|rest| rest.iter().all(|&c| c == b'*'))
}

/// Whether a condition key as written in a policy matches a catalog key name, where the
/// catalog's `${...}` or `<...>` stands for one or more characters (case-insensitive).
pub fn key_matches(template: &str, key: &str) -> bool {
    if !template.contains(['$', '<']) {
        return template.eq_ignore_ascii_case(key);
    }
    let toks = tokens(template, false, false);
    let text: Vec<Tok> = key
        .bytes()
        .map(|b| Tok::Byte(b.to_ascii_lowercase()))
        .collect();
    intersects(&toks, &text)
}

/// Whether the policy resource `pattern` (with `*`, `?` and `${...}` policy variables) can
/// name a resource of the ARN pattern `arn_template`, whose `${...}` parts are wildcards:
/// the last one matches anything (a key, a path, a qualifier), the others no `:` (they are
/// one ARN field), `${Partition}`, `${Region}`, `${Account}` and `${BucketName}` no `/`
/// either (so `arn:aws:s3:::b/*` is not a bucket).
pub fn arn_fits(arn_template: &str, pattern: &str) -> bool {
    FitPattern::template(arn_template).fits(&FitPattern::resource(pattern))
}

/// One side of [`arn_fits`] prepared once, for callers that ask about many pairs (every
/// resource type of a service against every resource a policy names).
#[derive(Clone, Debug)]
pub struct FitPattern {
    /// The literal service field, when there is one.
    service: Option<Box<str>>,
    toks: Vec<Tok>,
}

impl FitPattern {
    /// A catalog ARN template (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
    pub fn template(arn_template: &str) -> FitPattern {
        FitPattern {
            service: service_field(arn_template).map(Into::into),
            toks: tokens(arn_template, false, true),
        }
    }

    /// A policy's resource pattern (with `*`, `?` and `${...}` policy variables).
    pub fn resource(pattern: &str) -> FitPattern {
        FitPattern {
            service: service_field(pattern).map(Into::into),
            toks: tokens(pattern, true, false),
        }
    }

    /// Whether resource pattern `resource` can name a resource of this template: see
    /// [`arn_fits`].
    pub fn fits(&self, resource: &FitPattern) -> bool {
        // Most pairs differ in the service field: decide those without the general matcher.
        if let (Some(a), Some(b)) = (&self.service, &resource.service) {
            if !a.eq_ignore_ascii_case(b) {
                return false;
            }
        }
        intersects(&self.toks, &resource.toks)
    }
}

/// The service field of an ARN, when it is literal (no wildcard or variable).
fn service_field(arn: &str) -> Option<&str> {
    arn.split(':')
        .nth(2)
        .filter(|s| !s.contains(['*', '?', '$']))
}

/// Tokens of `text`: `${...}` (and `<...>`) are wildcards; `globs`: `*` and `?` are too;
/// `arn`: the text is an ARN pattern (its variables are restricted as [`arn_fits`] says).
fn tokens(text: &str, globs: bool, arn: bool) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let last_var = text.rfind("${").unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let close = match b {
            b'$' if bytes.get(i + 1) == Some(&b'{') => Some(b'}'),
            b'<' if !arn => Some(b'>'),
            _ => None,
        };
        if let Some(end) = close.and_then(|c| bytes.get(i..)?.iter().position(|&x| x == c)) {
            let name = text.get(i..i + end).unwrap_or_default();
            // A variable stands for at least one character.
            out.push(Tok::One);
            let field = ["${Partition", "${Region", "${Account", "${BucketName"]
                .iter()
                .any(|f| name.eq_ignore_ascii_case(f));
            out.push(match (arn, i == last_var) {
                (false, _) | (true, true) if !field => ANY,
                (true, false) if !field => Tok::Star {
                    slash: true,
                    colon: false,
                },
                _ => Tok::Star {
                    slash: false,
                    colon: false,
                },
            });
            i += end + 1;
            continue;
        }
        out.push(match b {
            b'*' if globs => ANY,
            b'?' if globs => Tok::One,
            _ => Tok::Byte(b.to_ascii_lowercase()),
        });
        i += 1;
    }
    out
}

/// Whether some string matches both patterns (dynamic programming over suffixes, one row
/// at a time).
fn intersects(a: &[Tok], b: &[Tok]) -> bool {
    // Both start with literal text up to their first wildcard: the texts must agree as far
    // as both go. Most pairs that differ are told apart here, without the table.
    let differs = a
        .iter()
        .zip(b)
        .map_while(|pair| match pair {
            (Tok::Byte(x), Tok::Byte(y)) => Some(x != y),
            _ => None,
        })
        .any(|d| d);
    if differs {
        return false;
    }
    let m = b.len();
    // next[j]: a[i + 1..] and b[j..] share a string; row[j]: a[i..] and b[j..].
    let mut next = vec![false; m + 1];
    let mut row = vec![false; m + 1];
    let star = |t: Tok| matches!(t, Tok::Star { .. });
    // Whether star `s` may absorb token `t` of the other side.
    let absorbs = |s: Tok, t: Tok| {
        !matches!(
            (s, t),
            (Tok::Star { slash: false, .. }, Tok::Byte(b'/'))
                | (Tok::Star { colon: false, .. }, Tok::Byte(b':'))
        )
    };
    for i in (0..=a.len()).rev() {
        let x = a.get(i).copied();
        for j in (0..=m).rev() {
            let y = b.get(j).copied();
            let below = next.get(j).copied().unwrap_or(false);
            let right = row.get(j + 1).copied().unwrap_or(false);
            let diagonal = next.get(j + 1).copied().unwrap_or(false);
            let value = match (x, y) {
                (None, None) => true,
                (Some(x), y) if star(x) => below || y.is_some_and(|y| absorbs(x, y) && right),
                (x, Some(y)) if star(y) => right || x.is_some_and(|x| absorbs(y, x) && below),
                (Some(x), Some(y)) => {
                    let same = match (x, y) {
                        (Tok::Byte(p), Tok::Byte(q)) => p == q,
                        _ => true,
                    };
                    same && diagonal
                }
                _ => false,
            };
            if let Some(slot) = row.get_mut(j) {
                *slot = value;
            }
        }
        std::mem::swap(&mut row, &mut next);
    }
    next.first().copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_matches("s3:Get*", "s3:GetObject"));
        assert!(glob_matches("S3:get*", "s3:GetObject"));
        assert!(glob_matches("*", "anything"));
        assert!(glob_matches("s3:?etObject", "s3:GetObject"));
        assert!(!glob_matches("s3:Put*", "s3:GetObject"));
        assert!(glob_matches("*Object*", "s3:GetObjectAcl"));
    }

    #[test]
    fn key_templates() {
        assert!(key_matches(
            "aws:RequestTag/${TagKey}",
            "aws:requesttag/team"
        ));
        assert!(key_matches(
            "s3:ExistingObjectTag/<key>",
            "s3:ExistingObjectTag/color"
        ));
        assert!(!key_matches("aws:RequestTag/${TagKey}", "aws:RequestTag/"));
        assert!(key_matches("s3:prefix", "S3:Prefix"));
        assert!(!key_matches("s3:prefix", "s3:prefixes"));
    }

    #[test]
    fn arn_patterns() {
        let bucket = "arn:${Partition}:s3:::${BucketName}";
        let object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
        assert!(arn_fits(bucket, "arn:aws:s3:::mybucket"));
        assert!(!arn_fits(bucket, "arn:aws:s3:::mybucket/*"));
        assert!(arn_fits(object, "arn:aws:s3:::mybucket/*"));
        assert!(arn_fits(
            object,
            "arn:aws:s3:::mybucket/${aws:username}/a.jpg"
        ));
        assert!(!arn_fits(object, "arn:aws:s3:::mybucket"));
        assert!(arn_fits(bucket, "*"));
        assert!(arn_fits(bucket, "arn:aws:s3:::my*"));
        assert!(!arn_fits(bucket, "arn:aws:dynamodb:us-east-1:1:table/x"));
        let table = "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}";
        assert!(arn_fits(table, "arn:aws:dynamodb:*:*:table/Users"));
        assert!(arn_fits(
            table,
            "arn:aws:dynamodb:us-east-1:123456789012:table/*"
        ));
    }
}
