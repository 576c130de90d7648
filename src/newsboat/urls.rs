//! newsboat's `urls` file: one feed a line, its address then its tags
//! (`"~Title"` names the feed, `"!"` hides it), `#` comments, and the
//! lines that are not feeds: `"query:NAME:EXPR"` (a query feed) and
//! `exec:` / `filter:` addresses (a command's output).

/// A feed of the urls file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlsFeed {
    pub url: String,
    /// From a `"~Title"` tag.
    pub title: Option<String>,
    pub tags: Vec<String>,
}

/// A query feed: `"query:NAME:EXPR"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryFeed {
    pub name: String,
    pub expr: String,
}

/// A line left out, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedLine {
    pub line: usize,
    pub url: String,
    pub why: &'static str,
}

/// Everything the urls file says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Urls {
    pub feeds: Vec<UrlsFeed>,
    pub queries: Vec<QueryFeed>,
    pub skipped: Vec<SkippedLine>,
}

/// Reads the text of a urls file.
pub fn parse(text: &str) -> Urls {
    let mut urls = Urls::default();
    for (n, line) in text.lines().enumerate() {
        let tokens = tokens(line);
        let Some((first, rest)) = tokens.split_first() else {
            continue;
        };
        if let Some(query) = first.strip_prefix("query:") {
            match query.split_once(':') {
                Some((name, expr)) if !name.trim().is_empty() => {
                    urls.queries.push(QueryFeed {
                        name: name.trim().to_string(),
                        expr: expr.trim().to_string(),
                    });
                }
                _ => urls.skipped.push(SkippedLine {
                    line: n + 1,
                    url: first.clone(),
                    why: "a query feed without a name",
                }),
            }
            continue;
        }
        let why = if first.starts_with("exec:") {
            Some("exec: runs a command, which Edicola does not do")
        } else if first.starts_with("filter:") {
            Some("filter: runs a command, which Edicola does not do")
        } else if !(first.starts_with("http://") || first.starts_with("https://")) {
            Some("not a web address")
        } else {
            None
        };
        if let Some(why) = why {
            urls.skipped.push(SkippedLine {
                line: n + 1,
                url: first.clone(),
                why,
            });
            continue;
        }
        let mut feed = UrlsFeed {
            url: first.clone(),
            title: None,
            tags: Vec::new(),
        };
        for tag in rest {
            match tag.strip_prefix('~') {
                Some(title) if !title.trim().is_empty() => feed.title = Some(title.trim().into()),
                Some(_) => {}
                // "!" hides a feed in newsboat's list: not a tag.
                None if tag == "!" || tag.trim().is_empty() => {}
                None => {
                    if !feed.tags.contains(tag) {
                        feed.tags.push(tag.trim().to_string());
                    }
                }
            }
        }
        match urls.feeds.iter_mut().find(|f| f.url == feed.url) {
            Some(same) => {
                same.title = same.title.take().or(feed.title);
                for t in feed.tags {
                    if !same.tags.contains(&t) {
                        same.tags.push(t);
                    }
                }
            }
            None => urls.feeds.push(feed),
        }
    }
    urls
}

/// A line's words: apart by spaces, `"…"` quoting a word with spaces
/// (`\"` and `\\` inside), up to a `#` outside quotes.
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        match chars.peek() {
            None | Some('#') => break,
            Some('"') => {
                chars.next();
                let mut word = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        c => word.push(c),
                    }
                }
                out.push(word);
            }
            Some(_) => {
                let mut word = String::new();
                while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                    word.push(c);
                }
                out.push(word);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_titles_tags_queries_and_commands() {
        let text = "# my feeds\n\
            https://a.example/rss tech \"~A Title\" \"long tag\" !\n\
            \n\
            \"query:Unread news:unread = \\\"yes\\\" and tags # \\\"news\\\"\"\n\
            exec:~/bin/feed.sh\n\
            \"filter:~/x.sh:https://b.example/rss\" tech\n\
            https://c.example/atom   # a comment\n";
        let urls = parse(text);
        assert_eq!(
            urls.feeds,
            [
                UrlsFeed {
                    url: "https://a.example/rss".into(),
                    title: Some("A Title".into()),
                    tags: vec!["tech".into(), "long tag".into()],
                },
                UrlsFeed {
                    url: "https://c.example/atom".into(),
                    title: None,
                    tags: Vec::new(),
                },
            ]
        );
        assert_eq!(
            urls.queries,
            [QueryFeed {
                name: "Unread news".into(),
                expr: "unread = \"yes\" and tags # \"news\"".into(),
            }]
        );
        let skipped: Vec<usize> = urls.skipped.iter().map(|s| s.line).collect();
        assert_eq!(skipped, [5, 6]);
    }
}
