//! The syntax tree of the HCL subset read from Terraform files: bodies of attributes and
//! blocks, and expressions, each with its byte span in the user's text.

use iam_policy::Span;

/// A body: the file itself, or what is between a block's braces.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    /// `name = expression` lines, in written order.
    pub attributes: Vec<Attribute>,
    /// `type "label" ... { body }`, in written order.
    pub blocks: Vec<Block>,
}

impl Body {
    /// The attribute named `name`.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

/// `name = expression`.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// The attribute's name.
    pub name: String,
    /// Its value.
    pub expr: Expr,
    /// From the name to the end of the value.
    pub span: Span,
}

/// `type "label" ... { body }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// `resource`, `data`, `statement`...
    pub kind: String,
    /// The labels, unquoted.
    pub labels: Vec<String>,
    /// What is between the braces.
    pub body: Body,
    /// From the type to the closing brace.
    pub span: Span,
}

/// An expression and where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    pub span: Span,
}

/// The expressions of the subset.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `null`.
    Null,
    /// `true`, `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A quoted string or a heredoc: literal text and `${...}` interpolations.
    Template(Vec<Part>),
    /// `[a, b]`.
    Tuple(Vec<Expr>),
    /// `{ key = value, ... }` (keys are expressions: a bare name is a string).
    Object(Vec<(Expr, Expr)>),
    /// `var.x`, `aws_iam_role.auth.arn`, `local.list[0]`.
    Traversal(Vec<Step>),
    /// `name(arguments)`.
    Call(String, Vec<Expr>),
    /// `condition ? a : b`.
    Conditional(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `( expression )`.
    Parens(Box<Expr>),
    /// Syntax that is read but not evaluated (operators, `for` expressions, splats, template
    /// directives), named for the account.
    Unsupported(&'static str),
}

/// A piece of a template.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Literal text (escapes already applied).
    Literal(String),
    /// `${ expression }`.
    Interpolation(Expr),
    /// `%{ ... }`, read but not evaluated.
    Directive(Span),
}

/// One step of a traversal.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The root name or `.name`.
    Name(String),
    /// `[expression]` or `.0`.
    Index(Expr),
    /// `.*` or `[*]`.
    Splat,
}
