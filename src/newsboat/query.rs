//! newsboat's filter language (`attr op "value"` joined by `and`/`or`)
//! turned into an Edicola search where it can be: a conjunction of
//! `unread = "yes"`, `flags # "x"`, `tags # "t"` and plain text matched in
//! the title, content, author or feed title. Anything else (`or`,
//! negations, dates, regular expressions) is refused with the reason.

/// Why a newsboat filter has no Edicola search.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("“or” has no equivalent (an Edicola search needs every term)")]
    Or,
    /// Words, an operator or a clause that is not `attr op "value"`.
    #[error("cannot read “{0}”")]
    Unreadable(String),
    #[error("“{attr} {op} \"{value}\"” has no equivalent in an Edicola search")]
    NoEquivalent {
        attr: String,
        op: String,
        value: String,
    },
    #[error("an empty filter")]
    Empty,
    #[error("an unclosed quote")]
    UnclosedQuote,
    #[error("an empty value")]
    EmptyValue,
    #[error("“{0}” is a regular expression, which an Edicola search is not")]
    Regex(String),
}

/// The Edicola search for newsboat filter `expr`, or why there is none.
pub fn translate(expr: &str) -> Result<String, QueryError> {
    let tokens = tokens(expr)?;
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w) if w == "or"))
    {
        return Err(QueryError::Or);
    }
    let tokens: Vec<Token> = tokens.into_iter().filter(|t| *t != Token::Paren).collect();
    let mut terms: Vec<String> = Vec::new();
    let (mut source, mut tag, mut author) = (false, false, false);
    for clause in tokens.split(|t| matches!(t, Token::Word(w) if w == "and")) {
        let [Token::Word(attr), Token::Op(op), Token::Value(value)] = clause else {
            return Err(QueryError::Unreadable(show(clause)));
        };
        let term = match (attr.as_str(), op.as_str()) {
            ("unread", "=") if value == "yes" => "is:unread".to_string(),
            ("flags", "#" | "=~") if !value.is_empty() => "is:bookmarked".to_string(),
            ("tags", "#") if !tag => {
                tag = true;
                format!("tag:{}", quoted(value))
            }
            ("title", "=" | "=~") => format!("title:{}", quoted(literal(value)?)),
            ("content" | "description", "=~") => quoted(literal(value)?),
            ("author", "=" | "=~") if !author => {
                author = true;
                format!("author:{}", quoted(literal(value)?))
            }
            ("feed_title", "=" | "=~") if !source => {
                source = true;
                format!("source:{}", quoted(literal(value)?))
            }
            _ => {
                return Err(QueryError::NoEquivalent {
                    attr: attr.clone(),
                    op: op.clone(),
                    value: value.clone(),
                });
            }
        };
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    if terms.is_empty() {
        return Err(QueryError::Empty);
    }
    Ok(terms.join(" "))
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Op(String),
    Value(String),
    /// `(` or `)`: grouping, which changes nothing when all is `and`.
    Paren,
}

fn show(clause: &[Token]) -> String {
    clause
        .iter()
        .map(|t| match t {
            Token::Word(w) | Token::Op(w) => w.clone(),
            Token::Value(v) => format!("\"{v}\""),
            Token::Paren => "()".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn tokens(expr: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let mut chars = expr.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '(' || c == ')' {
            chars.next();
            out.push(Token::Paren);
        } else if c == '"' {
            chars.next();
            let mut value = String::new();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\\' => value.extend(chars.next()),
                    c => value.push(c),
                }
            }
            if !closed {
                return Err(QueryError::UnclosedQuote);
            }
            out.push(Token::Value(value));
        } else if "=!~#<>".contains(c) {
            let mut op = String::new();
            while let Some(c) = chars.next_if(|c| "=!~#<>".contains(*c)) {
                op.push(c);
            }
            out.push(Token::Op(op));
        } else {
            let mut word = String::new();
            while let Some(c) = chars.next_if(|c| c.is_alphanumeric() || *c == '_' || *c == '-') {
                word.push(c);
            }
            if word.is_empty() {
                return Err(QueryError::Unreadable(c.to_string()));
            }
            // A number is a value too (`age > 3`).
            match word.chars().all(|c| c.is_ascii_digit()) {
                true => out.push(Token::Value(word)),
                false => out.push(Token::Word(word)),
            }
        }
    }
    Ok(out)
}

/// A value matched as text: refused when it is a regular expression
/// beyond plain words.
fn literal(value: &str) -> Result<&str, QueryError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(QueryError::EmptyValue);
    }
    if value.contains(|c: char| ".^$*+?()[]{}|\\".contains(c)) {
        return Err(QueryError::Regex(value.to_string()));
    }
    Ok(value)
}

/// A value as one search term: in quotes when it has spaces.
fn quoted(value: &str) -> String {
    let value = value.replace('"', "");
    if value.contains(char::is_whitespace) {
        format!("\"{value}\"")
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::{QueryError, translate};

    #[test]
    fn conjunctions_of_known_attributes_translate() {
        assert_eq!(translate("unread = \"yes\"").as_deref(), Ok("is:unread"));
        assert_eq!(
            translate("( tags # \"tech\" and unread = \"yes\" ) and title =~ \"rust\"").as_deref(),
            Ok("tag:tech is:unread title:rust")
        );
        assert_eq!(
            translate("flags # \"s\" and feed_title = \"Tech Daily\"").as_deref(),
            Ok("is:bookmarked source:\"Tech Daily\"")
        );
        assert_eq!(
            translate("content =~ \"chip war\"").as_deref(),
            Ok("\"chip war\"")
        );
    }

    #[test]
    fn the_rest_is_refused_with_a_reason() {
        for expr in [
            "unread = \"yes\" or flags # \"s\"",
            "age < 3",
            "title =~ \"^Rust.*\"",
            "unread = \"no\"",
            "rssurl = \"https://a.example/\"",
            "title = \"unclosed",
            "",
        ] {
            assert!(translate(expr).is_err(), "{expr}");
        }
        assert_eq!(
            translate("title =~ \"^Rust.*\""),
            Err(QueryError::Regex("^Rust.*".into()))
        );
        assert_eq!(
            translate("age < 3").map_err(|e| e.to_string()),
            Err("“age < \"3\"” has no equivalent in an Edicola search".into())
        );
    }
}
