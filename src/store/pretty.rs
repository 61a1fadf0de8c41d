//! Compact JSON re-laid out as `serde_json::to_string_pretty` would write it (two-space indent,
//! `": "` after a key, `[]` and `{}` when empty), for the files people may open and read. Writing
//! compact JSON and indenting it here keeps one compiled writer for every type instead of two.

/// `compact` (serde_json's compact output: no whitespace outside strings) with serde_json's
/// pretty layout.
pub fn pretty_json(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', depth * 2));
    };
    while let Some(c) = chars.next() {
        out.push(c);
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                let close = if c == '[' { ']' } else { '}' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            ']' | '}' => {
                out.pop();
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => newline(&mut out, depth),
            ':' => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lays_out_json_as_serde_json_pretty_does() {
        let value = json!({
            "app": "vouch",
            "empty": [],
            "none": {},
            "nested": [[1, 2], {"a": [], "b": {"c": null}}, "x"],
            "tricky": "a \"quoted\" [bracket], {brace}: and \\ backslash \u{e9}\n",
            "n": -1.5e300,
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(pretty_json(&compact), serde_json::to_string_pretty(&value).unwrap());
    }
}
