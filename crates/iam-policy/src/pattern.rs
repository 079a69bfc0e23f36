//! Text patterns with `*`/`?` wildcards and `${...}` policy variables, compiled once and
//! matched without allocating: variables are resolved from the [`Context`] into a small
//! stack buffer, then the glob walks the pattern's pieces directly.

use crate::request::KeyName;
use crate::Context;
use crate::ContextValue;

/// One piece of a compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text.
    Lit(Box<str>),
    /// A policy variable: its key as written, lowercase for lookup, and the default text.
    Var {
        /// The key as written, for explanations.
        key: Box<str>,
        /// The key prepared once for case-insensitive lookup.
        lower: KeyName,
        /// `${key, 'default'}`.
        default: Option<Box<str>>,
        /// Which variable of the pattern this is (0-based), to find its resolved value.
        slot: usize,
    },
    /// `*`: any run of characters.
    Star,
    /// `?`: exactly one character.
    One,
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Template {
    pieces: Vec<Piece>,
    vars: usize,
}

/// The result of matching a pattern that may contain variables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matched<'a> {
    /// The text matches.
    Yes,
    /// The text does not match.
    No,
    /// A variable had no value (and no default): the pattern matches nothing.
    Unresolved(&'a str),
}

/// How many variables are resolved on the stack; more fall back to a heap buffer.
const STACK_VARS: usize = 8;

impl Template {
    /// Compiles `text`. With `wildcards`, `*` and `?` match runs/one character; with
    /// `variables`, `${key}`, `${key, 'default'}`, `${*}`, `${?}` and `${$}` are recognised.
    pub fn compile(text: &str, wildcards: bool, variables: bool) -> Self {
        let mut t = Template::default();
        // Literal text that continues past a `${*}`-style escape or a lone `$`; a literal
        // made of one plain run (the usual case) is copied once, straight from `text`.
        let mut lit = String::new();
        let mut rest = text;
        // Once no `}` is left, no later `${` can close: looking again for each of 450,000
        // `${` made compiling cost the square of the text.
        let mut may_close = true;
        loop {
            // The plain run up to the next byte that may start a wildcard or a variable
            // (all ASCII, so the run ends on a character boundary).
            let special = |b: u8| {
                (wildcards && (b == b'*' || b == b'?')) || (variables && may_close && b == b'$')
            };
            let len = rest.bytes().position(special).unwrap_or(rest.len());
            let Some((run, after)) = rest.split_at_checked(len) else {
                break;
            };
            rest = after;
            let Some(c) = rest.chars().next() else {
                t.end_literal(&mut lit, run);
                break;
            };
            if c == '$' && rest.starts_with("${") {
                let close = rest.find('}');
                may_close = close.is_some();
                if let Some(close) = close {
                    let inner = rest.get(2..close).unwrap_or("");
                    rest = rest.get(close + 1..).unwrap_or("");
                    match inner {
                        "*" | "?" | "$" => {
                            lit.push_str(run);
                            lit.push_str(inner);
                        }
                        _ => {
                            t.end_literal(&mut lit, run);
                            t.pieces.push(parse_variable(inner, t.vars));
                            t.vars += 1;
                        }
                    }
                    continue;
                }
            }
            rest = rest.get(c.len_utf8()..).unwrap_or("");
            match c {
                '*' if wildcards => {
                    t.end_literal(&mut lit, run);
                    t.pieces.push(Piece::Star);
                }
                '?' if wildcards => {
                    t.end_literal(&mut lit, run);
                    t.pieces.push(Piece::One);
                }
                c => {
                    lit.push_str(run);
                    lit.push(c);
                }
            }
        }
        t
    }

    /// The text, when the pattern is plain literal text (no wildcard, no variable).
    pub fn literal(&self) -> Option<&str> {
        match self.pieces.as_slice() {
            [] => Some(""),
            [Piece::Lit(s)] => Some(s),
            _ => None,
        }
    }

    /// The literal text every match starts with: the pattern's first piece when it is
    /// literal, else `""` (a wildcard or a variable comes first).
    pub(crate) fn leading_literal(&self) -> &str {
        match self.pieces.first() {
            Some(Piece::Lit(s)) => s,
            _ => "",
        }
    }

    /// Ends the literal piece made of `lit` then `run`, if any.
    fn end_literal(&mut self, lit: &mut String, run: &str) {
        if lit.is_empty() {
            if !run.is_empty() {
                self.pieces.push(Piece::Lit(run.into()));
            }
        } else {
            lit.push_str(run);
            self.pieces
                .push(Piece::Lit(std::mem::take(lit).into_boxed_str()));
        }
    }

    /// Matches `text`. `fold` compares case-insensitively.
    pub fn matches<'a>(&'a self, text: &str, ctx: &Context, fold: bool) -> Matched<'a> {
        if self.vars == 0 {
            return bool_match(glob(&self.pieces, &[], text, fold));
        }
        if self.vars <= STACK_VARS {
            let mut buf = [""; STACK_VARS];
            match self.resolve_into(ctx, &mut buf) {
                Ok(()) => bool_match(glob(&self.pieces, &buf, text, fold)),
                Err(_) => Matched::Unresolved(self.first_unresolved(ctx)),
            }
        } else {
            let mut buf = vec![""; self.vars];
            match self.resolve_into(ctx, &mut buf) {
                Ok(()) => bool_match(glob(&self.pieces, &buf, text, fold)),
                Err(_) => Matched::Unresolved(self.first_unresolved(ctx)),
            }
        }
    }

    /// Fills `buf` with each variable's value, or returns the first variable without one.
    fn resolve_into<'v>(&'v self, ctx: &'v Context, buf: &mut [&'v str]) -> Result<(), &'v str> {
        let vars = self.pieces.iter().filter_map(|p| match p {
            Piece::Var {
                key,
                lower,
                default,
                ..
            } => Some((key, lower, default)),
            _ => None,
        });
        for (slot, (key, lower, default)) in buf.iter_mut().zip(vars) {
            *slot = match (ctx.get_key(lower), default) {
                (Some(ContextValue::Single(v)), _) => v.as_str(),
                (_, Some(d)) => d,
                _ => return Err(key),
            };
        }
        Ok(())
    }

    /// The key of the first variable `ctx` has no value for.
    fn first_unresolved(&self, ctx: &Context) -> &str {
        self.pieces
            .iter()
            .find_map(|p| match p {
                Piece::Var {
                    key,
                    lower,
                    default: None,
                    ..
                } if !matches!(ctx.get_key(lower), Some(ContextValue::Single(_))) => Some(&**key),
                _ => None,
            })
            .unwrap_or("")
    }

    /// The pattern with its variables substituted (for explanations), or the first
    /// variable without a value.
    pub fn substitute(&self, ctx: &Context) -> Result<String, String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Lit(s) => out.push_str(s),
                Piece::Star => out.push('*'),
                Piece::One => out.push('?'),
                Piece::Var {
                    key,
                    lower,
                    default,
                    ..
                } => match (ctx.get_key(lower), default) {
                    (Some(ContextValue::Single(v)), _) => out.push_str(v),
                    (_, Some(d)) => out.push_str(d),
                    _ => return Err(key.to_string()),
                },
            }
        }
        Ok(out)
    }

    /// The variable keys this pattern reads.
    pub fn variable_keys(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Var { key, .. } => Some(&**key),
            _ => None,
        })
    }
}

fn bool_match(b: bool) -> Matched<'static> {
    if b {
        Matched::Yes
    } else {
        Matched::No
    }
}

/// `key` or `key, 'default'` (whitespace around the comma allowed).
fn parse_variable(inner: &str, slot: usize) -> Piece {
    let (key, default) = match inner.split_once(',') {
        Some((key, rest)) => {
            let rest = rest.trim();
            let default = rest.strip_prefix('\'').and_then(|r| r.strip_suffix('\''));
            (key.trim(), default.map(Into::into))
        }
        None => (inner.trim(), None),
    };
    Piece::Var {
        key: key.into(),
        lower: KeyName::new(key),
        default,
        slot,
    }
}

/// One step of the pattern: a character to compare, or a wildcard.
enum Unit {
    Char(char),
    Star,
    One,
}

/// A position in the pattern: piece index and byte offset inside a literal or variable value.
type Cursor = (usize, usize);

fn next_unit(pieces: &[Piece], vals: &[&str], (mut i, mut off): Cursor) -> Option<(Unit, Cursor)> {
    loop {
        let text: &str = match pieces.get(i)? {
            Piece::Star => return Some((Unit::Star, (i + 1, 0))),
            Piece::One => return Some((Unit::One, (i + 1, 0))),
            Piece::Lit(s) => s,
            Piece::Var { slot, .. } => vals.get(*slot).copied().unwrap_or(""),
        };
        if let Some(c) = text.get(off..).and_then(|s| s.chars().next()) {
            return Some((Unit::Char(c), (i, off + c.len_utf8())));
        }
        i += 1;
        off = 0;
    }
}

fn same(a: char, b: char, fold: bool) -> bool {
    a == b
        || (fold
            && (a.eq_ignore_ascii_case(&b)
                || (!a.is_ascii() && a.to_lowercase().eq(b.to_lowercase()))))
}

/// Glob matching with single-star backtracking: linear for the usual patterns.
fn glob(pieces: &[Piece], vals: &[&str], text: &str, fold: bool) -> bool {
    // Fast paths for the shapes that dominate real policies.
    match pieces {
        [] => return text.is_empty(),
        [Piece::Star] => return true,
        [Piece::Lit(l)] if !fold => return **l == *text,
        [Piece::Lit(l)] if l.is_ascii() => return l.eq_ignore_ascii_case(text),
        [Piece::Lit(l), Piece::Star] if !fold => return text.starts_with(&**l),
        // `service:*` and `service:Get*` actions: the commonest shape of all.
        [Piece::Lit(l), Piece::Star] if l.is_ascii() && text.is_ascii() => {
            return text
                .as_bytes()
                .get(..l.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(l.as_bytes()))
        }
        _ => {}
    }
    if let Some(result) = fast::glob(pieces, vals, text, fold) {
        return result;
    }
    general_glob(pieces, vals, text, fold)
}

/// Character-by-character matching with single-star backtracking: handles every shape.
fn general_glob(pieces: &[Piece], vals: &[&str], text: &str, fold: bool) -> bool {
    let mut p: Cursor = (0, 0);
    let mut t = 0usize;
    let mut star: Option<(Cursor, usize)> = None;
    loop {
        let here = text.get(t..).and_then(|s| s.chars().next());
        match (next_unit(pieces, vals, p), here) {
            (Some((Unit::Star, np)), _) => {
                star = Some((np, t));
                p = np;
                continue;
            }
            (Some((Unit::One, np)), Some(c)) => {
                p = np;
                t += c.len_utf8();
                continue;
            }
            (Some((Unit::Char(pc), np)), Some(c)) if same(pc, c, fold) => {
                p = np;
                t += c.len_utf8();
                continue;
            }
            (None, None) => return true,
            _ => {}
        }
        // Mismatch: let the last star swallow one more character, or fail.
        match star {
            Some((sp, st)) => match text.get(st..).and_then(|s| s.chars().next()) {
                Some(c) => {
                    let st = st + c.len_utf8();
                    star = Some((sp, st));
                    p = sp;
                    t = st;
                }
                None => return false,
            },
            None => return false,
        }
    }
}

/// Splits `text` at its first five colons outside `${...}`: the six ARN components, or
/// `None` when there are fewer than five colons.
pub fn split_arn(text: &str, variables: bool) -> Option<[&str; 6]> {
    if !variables {
        return split_plain_arn(text);
    }
    let mut parts = [""; 6];
    let mut start = 0;
    let mut found = 0;
    let mut depth = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if variables && b == b'$' && bytes.get(i + 1) == Some(&b'{') {
            depth += 1;
        } else if b == b'}' && depth > 0 {
            depth -= 1;
        } else if b == b':' && depth == 0 && found < 5 {
            *parts.get_mut(found)? = text.get(start..i)?;
            found += 1;
            start = i + 1;
        }
    }
    if found < 5 {
        return None;
    }
    parts[5] = text.get(start..)?;
    Some(parts)
}

/// [`split_arn`] without variables: a colon search per component. Every decision splits
/// the caller's and the resource's ARN for the rules that depend on them, so this is hot.
fn split_plain_arn(text: &str) -> Option<[&str; 6]> {
    let mut parts = [""; 6];
    let mut rest = text;
    for part in parts.iter_mut().take(5) {
        let colon = rest.bytes().position(|b| b == b':')?;
        *part = rest.get(..colon)?;
        rest = rest.get(colon + 1..)?;
    }
    parts[5] = rest;
    Some(parts)
}

mod fast;

#[cfg(test)]
mod tests;
