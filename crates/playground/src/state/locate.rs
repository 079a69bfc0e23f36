//! Finds where a statement starts in a policy's text, so an explanation can jump to it.
//! A structural scan of the JSON (strings skipped, depth tracked); it reads no IAM meaning.

/// The 1-based line where statement `index` of the top-level `Statement` member starts
/// (the member's value itself when it is a single object). `None` when not found.
pub fn statement_line(text: &str, index: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut chars = text.chars().peekable();
    // The last string read at depth 1 in key position, and whether we are inside the
    // `Statement` array (its depth) and how many elements have started.
    let mut last_key: Option<String> = None;
    let mut in_statement: Option<usize> = None;
    let mut seen = 0usize;
    let mut expect_value = false;
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        '\n' => line += 1,
                        c => s.push(c),
                    }
                }
                if depth == 1 && !expect_value {
                    last_key = Some(s);
                }
            }
            ':' if depth == 1 => expect_value = true,
            ',' if depth == 1 => expect_value = false,
            '{' | '[' => {
                if depth == 1 && expect_value && last_key.as_deref() == Some("Statement") {
                    if c == '{' {
                        return (index == 0).then_some(line);
                    }
                    in_statement = Some(depth + 1);
                } else if in_statement == Some(depth) && c == '{' {
                    if seen == index {
                        return Some(line);
                    }
                    seen += 1;
                }
                depth += 1;
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if in_statement == Some(depth + 1) && c == ']' {
                    in_statement = None;
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::statement_line;

    const POLICY: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"A\",\n      \"Resource\": \"{x}\"\n    },\n    {\n      \"Sid\": \"B\"\n    }\n  ]\n}";

    #[test]
    fn finds_each_statement_of_a_list() {
        assert_eq!(statement_line(POLICY, 0), Some(4));
        assert_eq!(statement_line(POLICY, 1), Some(8));
        assert_eq!(statement_line(POLICY, 2), None);
    }

    #[test]
    fn a_single_statement_object_is_index_zero() {
        let text = "{\"Statement\":\n {\"Effect\":\"Allow\"}}";
        assert_eq!(statement_line(text, 0), Some(2));
        assert_eq!(statement_line(text, 1), None);
    }

    #[test]
    fn nested_statement_keys_are_ignored() {
        let text = "{\"Other\": {\"Statement\": [{}]},\n\"Statement\": [\n{}]}";
        assert_eq!(statement_line(text, 0), Some(3));
    }
}
