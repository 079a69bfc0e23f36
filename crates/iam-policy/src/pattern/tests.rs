use super::*;

fn ctx(pairs: &[(&str, &str)]) -> Context {
    let mut c = Context::new();
    for (k, v) in pairs {
        c.insert(*k, ContextValue::Single(v.to_string()));
    }
    c
}

fn m(pattern: &str, text: &str) -> bool {
    Template::compile(pattern, true, false).matches(text, &Context::new(), false) == Matched::Yes
}

#[test]
fn wildcards() {
    assert!(m("*", ""));
    assert!(m("a*c", "abbbc"));
    assert!(m("a?c", "abc"));
    assert!(!m("a?c", "ac"));
    assert!(m("*/assets/*", "b/assets/x.jpg"));
    assert!(!m("abc", "ABC"));
    assert!(m("a*b*c", "aXbYbZc"));
    assert!(!m("a*b*c", "aXbYbZ"));
    assert!(m("é?", "éü"));
}

#[test]
fn case_folding() {
    let t = Template::compile("s3:Get*", true, false);
    assert_eq!(
        t.matches("S3:getobject", &Context::new(), true),
        Matched::Yes
    );
    assert_eq!(
        t.matches("S3:getobject", &Context::new(), false),
        Matched::No
    );
}

#[test]
fn variables_and_defaults() {
    let c = ctx(&[("cognito-identity.amazonaws.com:sub", "us-east-1:abc")]);
    let t = Template::compile(
        "arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*",
        true,
        true,
    );
    assert_eq!(
        t.matches("arn:aws:s3:::b/us-east-1:abc/x", &c, false),
        Matched::Yes
    );
    assert_eq!(t.matches("arn:aws:s3:::b/other/x", &c, false), Matched::No);
    let missing = t.matches("arn:aws:s3:::b/x/y", &Context::new(), false);
    assert_eq!(
        missing,
        Matched::Unresolved("cognito-identity.amazonaws.com:sub")
    );
    let d = Template::compile("home/${aws:username, 'guest'}", true, true);
    assert_eq!(d.substitute(&Context::new()).unwrap(), "home/guest");
    let s = Template::compile("a${*}b${?}${$}", true, true);
    assert_eq!(s.matches("a*b?$", &Context::new(), false), Matched::Yes);
    assert_eq!(s.matches("aXb?$", &Context::new(), false), Matched::No);
}

#[test]
fn variables_off_keeps_text_literal() {
    let t = Template::compile("${aws:username}", true, false);
    assert_eq!(
        t.matches("${aws:username}", &ctx(&[("aws:username", "bob")]), false),
        Matched::Yes
    );
}

#[test]
fn variable_values_are_literal() {
    let t = Template::compile("x/${k}", true, true);
    assert_eq!(t.matches("x/a", &ctx(&[("k", "*")]), false), Matched::No);
}

#[test]
fn many_variables_use_the_heap_buffer() {
    let pattern: String = (0..10).map(|i| format!("${{k{i}}}")).collect();
    let pairs: Vec<(String, String)> = (0..10).map(|i| (format!("k{i}"), i.to_string())).collect();
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let t = Template::compile(&pattern, true, true);
    assert_eq!(t.matches("0123456789", &ctx(&refs), false), Matched::Yes);
}

#[test]
fn splits_arns_outside_variables() {
    let parts = split_arn("arn:aws:s3:::b/${aws:username}/x:y", true).unwrap();
    assert_eq!(parts[5], "b/${aws:username}/x:y");
    assert!(split_arn("s3:GetObject", false).is_none());
    assert_eq!(split_arn("arn:aws:iam::1:role/R", false).unwrap()[4], "1");
    // Without `${`, reading variables or not splits alike (the plain path is separate code).
    for text in [
        "",
        ":::::",
        "arn:aws:s3:::b/x:y:z",
        "arn:aws:sts::123:assumed-role/R/s",
        "a:b:c:d",
        "é:ü::::ß",
    ] {
        assert_eq!(split_arn(text, false), split_arn(text, true), "{text}");
    }
}

/// The general matcher and the segment matcher agree on shapes both handle.
#[test]
fn fast_and_general_matchers_agree() {
    let patterns = [
        "a*",
        "*a",
        "a*b",
        "*a*b*",
        "ab",
        "",
        "*",
        "**",
        "a**b",
        "x*yz*z",
        "${k}/*",
        "*${k}*",
        "${k}x${k}",
        "A*b",
    ];
    let texts = [
        "", "a", "ab", "aab", "abab", "xyzz", "xyz", "v/w", "vxv", "axb", "Ab", "zzab",
    ];
    let mut c = Context::new();
    c.insert("k", ContextValue::Single("v".into()));
    for p in patterns {
        let t = Template::compile(p, true, true);
        let vals = ["v"];
        for text in texts {
            for fold in [false, true] {
                if let Some(fast) = super::fast::glob(&t.pieces, &vals, text, fold) {
                    let slow = super::general_glob(&t.pieces, &vals, text, fold);
                    assert_eq!(fast, slow, "{p} vs {text} fold={fold}");
                }
            }
        }
    }
}

#[test]
fn compiles_runs_escapes_and_lone_dollars_into_pieces() {
    let lit = |s: &str| Piece::Lit(s.into());
    let var = |key: &str, slot| Piece::Var {
        key: key.into(),
        lower: KeyName::new(key),
        default: None,
        slot,
    };
    let cases: [(&str, bool, bool, Vec<Piece>); 8] = [
        ("", true, true, vec![]),
        ("plain/é", true, true, vec![lit("plain/é")]),
        (
            "a*b?c",
            true,
            true,
            vec![lit("a"), Piece::Star, lit("b"), Piece::One, lit("c")],
        ),
        ("a*b?c", false, true, vec![lit("a*b?c")]),
        ("x${*}y${?}z${$}$w", true, true, vec![lit("x*y?z$$w")]),
        (
            "a${k}${j}b*",
            true,
            true,
            vec![lit("a"), var("k", 0), var("j", 1), lit("b"), Piece::Star],
        ),
        // No `}` after a `${`: every later `$` is literal text.
        (
            "a${k*${j",
            true,
            true,
            vec![lit("a${k"), Piece::Star, lit("${j")],
        ),
        ("$${k}}", true, false, vec![lit("$${k}}")]),
    ];
    for (text, wildcards, variables, pieces) in cases {
        let t = Template::compile(text, wildcards, variables);
        assert_eq!(t.pieces, pieces, "{text:?}");
    }
    let t = Template::compile("$${k}}", true, true);
    assert_eq!(t.pieces, [lit("$"), var("k", 0), lit("}")]);
}
