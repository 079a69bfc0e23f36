//! A bounded reader of the part of HCL's native syntax that Terraform files defining a pool
//! use: bodies of attributes and blocks; strings with `${...}` interpolations; heredocs;
//! numbers, booleans, `null`; lists, objects, function calls, references; conditionals.
//! Operators, `for` expressions, splats and template directives are read (so the file is
//! understood around them) and kept as [`ExprKind::Unsupported`]. It never panics: every
//! read is checked, nesting is capped at [`MAX_DEPTH`] and the first error stops the read
//! with a located diagnostic.

use iam_policy::{Diagnostic, Span};

use super::ast::{Attribute, Block, Body, Expr, ExprKind, Part, Step};

/// The deepest nesting of blocks and expressions read.
pub const MAX_DEPTH: usize = 32;

type Read<T> = Result<T, Diagnostic>;

/// Parses a Terraform file.
pub fn parse(text: &str) -> Read<Body> {
    let mut p = Parser {
        src: text,
        // A byte-order mark (files saved by some Windows editors) is not part of the syntax.
        pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
        depth: 0,
        in_brackets: 0,
    };
    p.body(None)
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    /// Inside `(...)`, `[...]` or `${...}` newlines are spaces; in bodies and objects they end
    /// an item.
    in_brackets: usize,
}

fn ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + n).copied()
    }

    fn starts(&self, s: &str) -> bool {
        self.src
            .as_bytes()
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(s.as_bytes()))
    }

    /// A keyword: `word` not followed by a name character.
    fn keyword(&self, word: &str) -> bool {
        self.starts(word) && !self.peek_at(word.len()).is_some_and(ident_char)
    }

    /// The character at the cursor, for messages and literal text.
    fn char_here(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn error(&self, start: usize, message: String, help: &str) -> Diagnostic {
        let len = self.char_here().map_or(0, char::len_utf8);
        let end = if start == self.pos {
            self.pos + len
        } else {
            self.pos
        };
        Diagnostic::error(
            "import::hcl::syntax",
            format!("the Terraform file cannot be read: {message}"),
            Some(Span::new(start, end.max(start))),
        )
        .with_help(help.to_owned())
    }

    /// What is at the cursor, quoted for a message.
    fn found(&self) -> String {
        match self.char_here() {
            None => "the end of the file".to_owned(),
            Some('\n') => "the end of the line".to_owned(),
            Some(c) => format!("`{c}`"),
        }
    }

    fn enter(&mut self) -> Read<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Diagnostic::error(
                "import::hcl::too_deep",
                format!("the Terraform file nests more than {MAX_DEPTH} levels deep"),
                Some(Span::new(self.pos, self.pos)),
            )
            .with_help("a file that defines a pool nests a few levels; check the file is the one you meant"));
        }
        Ok(())
    }

    /// Skips spaces and comments, not newlines.
    fn skip_inline(&mut self) -> Read<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'#') => self.skip_line(),
                Some(b'/') if self.peek_at(1) == Some(b'/') => self.skip_line(),
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    let start = self.pos;
                    match self.src.get(self.pos + 2..).and_then(|r| r.find("*/")) {
                        Some(at) => self.pos += 2 + at + 2,
                        None => {
                            return Err(self.error(
                                start,
                                "a `/*` comment is not closed".to_owned(),
                                "close the comment with `*/`",
                            ))
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn skip_line(&mut self) {
        let rest = self.src.get(self.pos..).unwrap_or_default();
        self.pos += rest.find('\n').unwrap_or(rest.len());
    }

    /// Skips spaces, comments and newlines.
    fn skip_all(&mut self) -> Read<()> {
        loop {
            self.skip_inline()?;
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            } else {
                return Ok(());
            }
        }
    }

    /// Skips what separates tokens of an expression: newlines too inside brackets.
    fn ws(&mut self) -> Read<()> {
        if self.in_brackets > 0 {
            self.skip_all()
        } else {
            self.skip_inline()
        }
    }

    fn ident(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(ident_char) {
            self.pos += 1;
        }
        self.src.get(start..self.pos).unwrap_or_default().to_owned()
    }

    fn expect(&mut self, c: u8, what: &str) -> Read<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(
                self.pos,
                format!("expected `{}` {what}, found {}", c as char, self.found()),
                "check the brackets and quotes before this point",
            ))
        }
    }

    /// A body up to `}` (a block's, which `open` names by its start) or the end of the file.
    fn body(&mut self, open: Option<usize>) -> Read<Body> {
        let mut body = Body::default();
        loop {
            self.skip_all()?;
            match self.peek() {
                None => {
                    if let Some(start) = open {
                        let rest = self.src.get(start..).unwrap_or_default();
                        let head = rest
                            .split(['{', '\n'])
                            .next()
                            .unwrap_or_default()
                            .trim_end();
                        let shown: String = head.chars().take(60).collect();
                        return Err(self.error(
                            start,
                            format!("the block `{shown}` is not closed"),
                            "add the `}` that closes it",
                        ));
                    }
                    return Ok(body);
                }
                Some(b'}') if open.is_some() => return Ok(body),
                Some(c) if ident_start(c) => self.item(&mut body)?,
                Some(_) => {
                    return Err(self.error(
                        self.pos,
                        format!("expected an attribute or a block, found {}", self.found()),
                        "each line holds `name = value` or opens a block: `type \"label\" {`",
                    ))
                }
            }
        }
    }

    /// `name = expression` or `type labels { body }`.
    fn item(&mut self, body: &mut Body) -> Read<()> {
        let start = self.pos;
        let name = self.ident();
        self.skip_inline()?;
        if self.peek() == Some(b'=') && self.peek_at(1) != Some(b'=') {
            self.pos += 1;
            self.in_brackets = 0;
            self.skip_inline()?;
            let expr = self.expr()?;
            let end = self.pos;
            self.end_of_item()?;
            body.attributes.push(Attribute {
                name,
                expr,
                span: Span::new(start, end),
            });
            return Ok(());
        }
        let mut labels = Vec::new();
        loop {
            match self.peek() {
                Some(b'"') => {
                    let at = self.pos;
                    let parts = self.quoted()?;
                    match parts.as_slice() {
                        [] => labels.push(String::new()),
                        [Part::Literal(text)] => labels.push(text.clone()),
                        _ => {
                            return Err(self.error(
                                at,
                                "a block label cannot hold `${...}`".to_owned(),
                                "write the label as plain text",
                            ))
                        }
                    }
                }
                Some(c) if ident_start(c) => labels.push(self.ident()),
                Some(b'{') => break,
                _ => {
                    return Err(self.error(
                        self.pos,
                        format!(
                            "expected `=` or `{{` after `{name}`, found {}",
                            self.found()
                        ),
                        "an attribute is `name = value`; a block is `type \"label\" { ... }`",
                    ))
                }
            }
            self.skip_inline()?;
        }
        self.pos += 1;
        self.enter()?;
        let inner = self.body(Some(start))?;
        self.depth -= 1;
        self.expect(b'}', "to close the block")?;
        body.blocks.push(Block {
            kind: name,
            labels,
            body: inner,
            span: Span::new(start, self.pos),
        });
        Ok(())
    }

    /// After an attribute: the end of the line, of the file, or of a one-line block.
    fn end_of_item(&mut self) -> Read<()> {
        self.skip_inline()?;
        match self.peek() {
            None | Some(b'}') => Ok(()),
            Some(b'\n') => {
                self.pos += 1;
                Ok(())
            }
            _ => Err(self.error(
                self.pos,
                format!(
                    "expected the end of the line after the value, found {}",
                    self.found()
                ),
                "write one attribute per line; check for a missing operator or an extra quote",
            )),
        }
    }

    /// An expression, with its conditional (`a ? b : c`).
    fn expr(&mut self) -> Read<Expr> {
        self.enter()?;
        let start = self.pos;
        let first = self.binary()?;
        self.ws()?;
        let result = if self.peek() == Some(b'?') {
            self.pos += 1;
            self.ws()?;
            let yes = self.expr()?;
            self.ws()?;
            self.expect(b':', "in a conditional `condition ? a : b`")?;
            self.ws()?;
            let no = self.expr()?;
            Expr {
                kind: ExprKind::Conditional(Box::new(first), Box::new(yes), Box::new(no)),
                span: Span::new(start, self.pos),
            }
        } else {
            first
        };
        self.depth -= 1;
        Ok(result)
    }

    /// The length of the binary operator at the cursor, if any.
    fn operator(&self) -> Option<usize> {
        const TWO: [&str; 6] = ["==", "!=", "<=", ">=", "&&", "||"];
        if TWO.iter().any(|op| self.starts(op)) {
            return Some(2);
        }
        match self.peek() {
            Some(b'<' | b'>' | b'+' | b'*' | b'/' | b'%') => Some(1),
            Some(b'-') if self.peek_at(1) != Some(b'>') => Some(1),
            _ => None,
        }
    }

    fn binary(&mut self) -> Read<Expr> {
        let start = self.pos;
        let first = self.unary()?;
        self.ws()?;
        if self.operator().is_none() {
            return Ok(first);
        }
        while let Some(len) = self.operator() {
            self.pos += len;
            self.ws()?;
            self.unary()?;
            self.ws()?;
        }
        Ok(Expr {
            kind: ExprKind::Unsupported("an operator expression"),
            span: Span::new(start, self.pos),
        })
    }

    fn unary(&mut self) -> Read<Expr> {
        let start = self.pos;
        match self.peek() {
            Some(b'-') | Some(b'!') => {
                let minus = self.peek() == Some(b'-');
                self.pos += 1;
                self.ws()?;
                self.enter()?;
                let operand = self.unary()?;
                self.depth -= 1;
                let kind = match operand.kind {
                    ExprKind::Number(n) if minus => ExprKind::Number(format!("-{n}")),
                    _ => ExprKind::Unsupported("an operator expression"),
                };
                Ok(Expr {
                    kind,
                    span: Span::new(start, self.pos),
                })
            }
            _ => self.postfix(),
        }
    }

    /// A primary expression and its `.name`, `[index]`, `.*` steps.
    fn postfix(&mut self) -> Read<Expr> {
        let start = self.pos;
        let primary = self.primary()?;
        let mut steps = match primary.kind {
            ExprKind::Traversal(steps) => steps,
            other => {
                if !matches!(self.peek(), Some(b'.' | b'[')) {
                    return Ok(Expr {
                        kind: other,
                        span: primary.span,
                    });
                }
                Vec::new()
            }
        };
        let rooted = !steps.is_empty();
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b'.'), Some(b'*')) => {
                    self.pos += 2;
                    steps.push(Step::Splat);
                }
                (Some(b'.'), Some(c)) if c.is_ascii_digit() => {
                    self.pos += 1;
                    let at = self.pos;
                    while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        self.pos += 1;
                    }
                    let n = self.src.get(at..self.pos).unwrap_or_default().to_owned();
                    steps.push(Step::Index(Expr {
                        kind: ExprKind::Number(n),
                        span: Span::new(at, self.pos),
                    }));
                }
                (Some(b'.'), Some(c)) if ident_start(c) => {
                    self.pos += 1;
                    steps.push(Step::Name(self.ident()));
                }
                (Some(b'['), _) => {
                    self.pos += 1;
                    self.in_brackets += 1;
                    self.ws()?;
                    if self.peek() == Some(b'*') {
                        self.pos += 1;
                        steps.push(Step::Splat);
                    } else {
                        steps.push(Step::Index(self.expr()?));
                    }
                    self.ws()?;
                    self.in_brackets -= 1;
                    self.expect(b']', "to close the index")?;
                }
                _ => break,
            }
        }
        let kind = if rooted {
            ExprKind::Traversal(steps)
        } else {
            ExprKind::Unsupported("an index into a computed value")
        };
        Ok(Expr {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn primary(&mut self) -> Read<Expr> {
        let start = self.pos;
        let kind = match self.peek() {
            Some(c) if c.is_ascii_digit() => ExprKind::Number(self.number()),
            Some(b'"') => ExprKind::Template(self.quoted()?),
            Some(b'<') if self.starts("<<") => ExprKind::Template(self.heredoc()?),
            Some(b'[') => self.tuple()?,
            Some(b'{') => self.object()?,
            Some(b'(') => {
                self.pos += 1;
                self.in_brackets += 1;
                self.ws()?;
                let inner = self.expr()?;
                self.ws()?;
                self.in_brackets -= 1;
                self.expect(b')', "to close the parenthesis")?;
                ExprKind::Parens(Box::new(inner))
            }
            Some(c) if ident_start(c) => {
                let name = self.ident();
                // `provider::aws::arn_parse(...)`: a provider function's namespaced name.
                let mut name = name;
                while self.starts("::") && self.peek_at(2).is_some_and(ident_start) {
                    self.pos += 2;
                    name = format!("{name}::{}", self.ident());
                }
                let here = self.pos;
                self.skip_inline()?;
                if self.peek() == Some(b'(') {
                    ExprKind::Call(name.clone(), self.arguments(&name)?)
                } else {
                    self.pos = here;
                    match name.as_str() {
                        "true" => ExprKind::Bool(true),
                        "false" => ExprKind::Bool(false),
                        "null" => ExprKind::Null,
                        _ => ExprKind::Traversal(vec![Step::Name(name)]),
                    }
                }
            }
            _ => {
                return Err(self.error(
                    self.pos,
                    format!("expected a value, found {}", self.found()),
                    "a value is a string, number, list `[...]`, object `{...}`, reference or function call",
                ))
            }
        };
        Ok(Expr {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn number(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.peek() == Some(b'.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(self.peek_at(1), Some(b'+' | b'-')));
            if self.peek_at(1 + sign).is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1 + sign;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            }
        }
        self.src.get(start..self.pos).unwrap_or_default().to_owned()
    }

    /// `(a, b, c...)` after a function's name.
    fn arguments(&mut self, name: &str) -> Read<Vec<Expr>> {
        self.pos += 1;
        self.in_brackets += 1;
        let mut args = Vec::new();
        loop {
            self.ws()?;
            if self.peek() == Some(b')') {
                break;
            }
            args.push(self.expr()?);
            self.ws()?;
            if self.starts("...") {
                self.pos += 3;
                self.ws()?;
            }
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => break,
                _ => {
                    return Err(self.error(
                        self.pos,
                        format!(
                            "expected `,` or `)` in the arguments of `{name}(...)`, found {}",
                            self.found()
                        ),
                        "separate arguments with commas and close the call with `)`",
                    ))
                }
            }
        }
        self.pos += 1;
        self.in_brackets -= 1;
        Ok(args)
    }

    fn tuple(&mut self) -> Read<ExprKind> {
        self.pos += 1;
        self.in_brackets += 1;
        self.ws()?;
        if self.keyword("for") {
            self.for_expression(b']')?;
            self.in_brackets -= 1;
            return Ok(ExprKind::Unsupported("a `for` expression"));
        }
        let mut items = Vec::new();
        loop {
            self.ws()?;
            if self.peek() == Some(b']') {
                break;
            }
            items.push(self.expr()?);
            self.ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => {
                    return Err(self.error(
                        self.pos,
                        format!("expected `,` or `]` in the list, found {}", self.found()),
                        "separate list items with commas and close the list with `]`",
                    ))
                }
            }
        }
        self.pos += 1;
        self.in_brackets -= 1;
        Ok(ExprKind::Tuple(items))
    }

    fn object(&mut self) -> Read<ExprKind> {
        self.pos += 1;
        let outer = std::mem::take(&mut self.in_brackets);
        self.skip_all()?;
        if self.keyword("for") {
            self.in_brackets = 1;
            self.for_expression(b'}')?;
            self.in_brackets = outer;
            return Ok(ExprKind::Unsupported("a `for` expression"));
        }
        let mut members = Vec::new();
        loop {
            self.skip_all()?;
            if self.peek() == Some(b'}') {
                break;
            }
            let key = self.expr()?;
            self.skip_inline()?;
            match self.peek() {
                Some(b'=' | b':') => self.pos += 1,
                _ => {
                    return Err(self.error(
                        self.pos,
                        format!(
                            "expected `=` after the key in the object, found {}",
                            self.found()
                        ),
                        "write object members as `key = value`",
                    ))
                }
            }
            self.skip_inline()?;
            let value = self.expr()?;
            members.push((key, value));
            self.skip_inline()?;
            match self.peek() {
                Some(b',' | b'\n') => self.pos += 1,
                Some(b'}') => break,
                _ => {
                    return Err(self.error(
                        self.pos,
                        format!(
                            "expected `,`, a new line or `}}` in the object, found {}",
                            self.found()
                        ),
                        "separate object members with commas or new lines",
                    ))
                }
            }
        }
        self.pos += 1;
        self.in_brackets = outer;
        Ok(ExprKind::Object(members))
    }

    /// `for k, v in collection : result => value ... if condition` up to `close`.
    fn for_expression(&mut self, close: u8) -> Read<()> {
        self.pos += 3;
        self.ws()?;
        self.ident();
        self.ws()?;
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.ws()?;
            self.ident();
            self.ws()?;
        }
        if !self.keyword("in") {
            return Err(self.error(
                self.pos,
                format!(
                    "expected `in` in the `for` expression, found {}",
                    self.found()
                ),
                "a `for` expression reads `for item in collection : result`",
            ));
        }
        self.pos += 2;
        self.ws()?;
        self.expr()?;
        self.ws()?;
        self.expect(b':', "in the `for` expression")?;
        self.ws()?;
        self.expr()?;
        self.ws()?;
        if self.starts("=>") {
            self.pos += 2;
            self.ws()?;
            self.expr()?;
            self.ws()?;
        }
        if self.starts("...") {
            self.pos += 3;
            self.ws()?;
        }
        if self.keyword("if") {
            self.pos += 2;
            self.ws()?;
            self.expr()?;
            self.ws()?;
        }
        self.expect(close, "to close the `for` expression")
    }

    /// A quoted string's parts; the cursor is on the opening quote.
    fn quoted(&mut self) -> Read<Vec<Part>> {
        let start = self.pos;
        self.pos += 1;
        let mut parts = Vec::new();
        let mut text = String::new();
        loop {
            match self.peek() {
                None | Some(b'\n') => {
                    let line = self.src.get(start..self.pos).unwrap_or_default();
                    let shown: String = line.chars().take(40).collect();
                    return Err(self.error(
                        start,
                        format!("the string `{shown}` is not closed"),
                        "close it with `\"` on the same line, or use a heredoc `<<EOT` for text on several lines",
                    ));
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => text.push(self.escape()?),
                _ => self.template_piece(&mut parts, &mut text)?,
            }
        }
        if !text.is_empty() {
            parts.push(Part::Literal(text));
        }
        Ok(parts)
    }

    /// `\n`, `\"`, `\u00e9`...
    fn escape(&mut self) -> Read<char> {
        let at = self.pos;
        self.pos += 1;
        let c = self.peek();
        self.pos += 1;
        let simple = match c {
            Some(b'n') => Some('\n'),
            Some(b't') => Some('\t'),
            Some(b'r') => Some('\r'),
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            _ => None,
        };
        if let Some(ch) = simple {
            return Ok(ch);
        }
        let digits = match c {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => 0,
        };
        let hex = self.src.get(self.pos..self.pos + digits);
        let decoded = hex
            .filter(|h| digits > 0 && h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(ch) => {
                self.pos += digits;
                Ok(ch)
            }
            None => {
                self.pos = at;
                Err(self.error(
                    at,
                    "this escape is not one HCL knows".to_owned(),
                    "use `\\n`, `\\t`, `\\r`, `\\\"`, `\\\\`, `\\uNNNN` or `\\UNNNNNNNN`",
                ))
            }
        }
    }

    /// One piece of template text at the cursor: `${...}`, `%{...}`, their escapes, or a
    /// character.
    fn template_piece(&mut self, parts: &mut Vec<Part>, text: &mut String) -> Read<()> {
        if self.starts("$${") || self.starts("%%{") {
            text.push_str(self.src.get(self.pos + 1..self.pos + 3).unwrap_or_default());
            self.pos += 3;
        } else if self.starts("${") {
            if !text.is_empty() {
                parts.push(Part::Literal(std::mem::take(text)));
            }
            self.pos += 2;
            let outer = std::mem::replace(&mut self.in_brackets, 1);
            if self.peek() == Some(b'~') {
                self.pos += 1;
            }
            self.ws()?;
            let expr = self.expr()?;
            self.ws()?;
            if self.peek() == Some(b'~') {
                self.pos += 1;
            }
            self.expect(b'}', "to close the `${` interpolation")?;
            self.in_brackets = outer;
            parts.push(Part::Interpolation(expr));
        } else if self.starts("%{") {
            if !text.is_empty() {
                parts.push(Part::Literal(std::mem::take(text)));
            }
            let start = self.pos;
            let rest = self.src.get(self.pos..).unwrap_or_default();
            match rest.find('}') {
                Some(at) => self.pos += at + 1,
                None => {
                    return Err(self.error(
                        start,
                        "this `%{` directive is not closed".to_owned(),
                        "close the directive with `}`",
                    ))
                }
            }
            parts.push(Part::Directive(Span::new(start, self.pos)));
        } else {
            match self.char_here() {
                Some(c) => {
                    text.push(c);
                    self.pos += c.len_utf8();
                }
                // Not on a character's first byte (never expected): move on rather than loop.
                None => self.pos += 1,
            }
        }
        Ok(())
    }

    /// `<<EOT` or `<<-EOT` ... `EOT`: the cursor is on `<<`.
    fn heredoc(&mut self) -> Read<Vec<Part>> {
        let start = self.pos;
        self.pos += 2;
        let indented = self.peek() == Some(b'-');
        if indented {
            self.pos += 1;
        }
        let marker = self.ident();
        if marker.is_empty() {
            return Err(self.error(
                self.pos,
                format!(
                    "expected the heredoc's marker after `<<`, found {}",
                    self.found()
                ),
                "a heredoc starts with `<<EOT` (or `<<-EOT`) and ends with a line holding `EOT`",
            ));
        }
        self.skip_inline()?;
        self.expect(b'\n', "after the heredoc's marker")?;
        let content_start = self.pos;
        let rest = self.src.get(content_start..).unwrap_or_default();
        let mut offset = 0;
        let mut end = None;
        for line in rest.split_inclusive('\n') {
            if line.trim() == marker {
                end = Some((
                    content_start + offset,
                    content_start + offset + line.trim_end().len(),
                ));
                break;
            }
            offset += line.len();
        }
        let Some((content_end, after)) = end else {
            return Err(self.error(
                start,
                format!("this heredoc is not closed: no line holds `{marker}`"),
                "end the heredoc with a line holding only its marker",
            ));
        };
        let content = self.src.get(content_start..content_end).unwrap_or_default();
        let strip = if indented {
            content
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
                .min()
                .unwrap_or(0)
        } else {
            0
        };
        let mut parts = Vec::new();
        let mut text = String::new();
        self.pos = content_start;
        while self.pos < content_end {
            self.template_piece(&mut parts, &mut text)?;
        }
        if !text.is_empty() {
            parts.push(Part::Literal(text));
        }
        self.pos = after;
        if strip > 0 {
            strip_indent(&mut parts, strip);
        }
        Ok(parts)
    }
}

/// Removes up to `n` leading spaces or tabs from each line of a `<<-` heredoc's text.
fn strip_indent(parts: &mut [Part], n: usize) {
    let mut at_line_start = true;
    for part in parts {
        let Part::Literal(text) = part else {
            at_line_start = false;
            continue;
        };
        let mut out = String::with_capacity(text.len());
        for piece in text.split_inclusive('\n') {
            let piece = if at_line_start {
                let indent = piece.len() - piece.trim_start_matches([' ', '\t']).len();
                piece.get(indent.min(n)..).unwrap_or(piece)
            } else {
                piece
            };
            out.push_str(piece);
            at_line_start = piece.ends_with('\n');
        }
        *text = out;
    }
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
