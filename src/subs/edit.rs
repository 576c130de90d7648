//! Changes to one subscription's own settings (title, tags) from the
//! reader's feeds pane.

use toml_edit::{Array, Item, value};

use super::SubsFile;

impl SubsFile {
    /// Sets (or, with None or an empty title, removes) a subscription's own
    /// title; false when not subscribed to `url`.
    pub fn set_title(&mut self, url: &str, title: Option<&str>) -> bool {
        let title = title.map(str::trim).filter(|t| !t.is_empty());
        let Some(index) = self.feeds.iter().position(|f| f.url == url) else {
            return false;
        };
        if let Some(t) = self.table_mut(index) {
            match title {
                Some(title) => t["title"] = value(title),
                None => {
                    t.remove("title");
                }
            }
        }
        self.feeds[index].title = title.map(str::to_string);
        true
    }

    /// Replaces a subscription's tags (blank ones dropped, each kept once);
    /// false when not subscribed to `url`.
    pub fn set_tags(&mut self, url: &str, tags: &[String]) -> bool {
        let Some(index) = self.feeds.iter().position(|f| f.url == url) else {
            return false;
        };
        let mut clean: Vec<String> = Vec::new();
        for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !clean.iter().any(|c| c == tag) {
                clean.push(tag.to_string());
            }
        }
        if let Some(t) = self.table_mut(index) {
            if clean.is_empty() {
                t.remove("tags");
            } else {
                let list: Array = clean.iter().map(String::as_str).collect();
                t["tags"] = value(list);
            }
        }
        self.feeds[index].tags = clean;
        true
    }

    fn table_mut(&mut self, index: usize) -> Option<&mut toml_edit::Table> {
        self.doc
            .get_mut("feed")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|l| l.get_mut(index))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn title_and_tags_change_in_place_keeping_comments() {
        let text = "# mine\n[[feed]]\nurl = \"https://a.example/rss\" # the A feed\n\n[[feed]]\nurl = \"https://b.example/rss\"\ntags = [\"x\"]\n";
        let mut subs = SubsFile::parse(Path::new("s.toml"), text).expect("parses");
        assert!(subs.set_title("https://a.example/rss", Some(" Alpha ")));
        assert!(subs.set_tags(
            "https://b.example/rss",
            &["news".into(), " ".into(), "news".into(), "it".into()]
        ));
        assert!(!subs.set_title("https://c.example/rss", Some("C")));
        let out = subs.to_toml();
        assert!(
            out.contains("# the A feed") && out.contains("# mine"),
            "{out}"
        );
        let back = SubsFile::parse(Path::new("s.toml"), &out).expect("parses");
        assert_eq!(back.feeds[0].title.as_deref(), Some("Alpha"));
        assert_eq!(back.feeds[1].tags, ["news", "it"]);
        subs.set_title("https://a.example/rss", None);
        subs.set_tags("https://b.example/rss", &[]);
        let back = SubsFile::parse(Path::new("s.toml"), &subs.to_toml()).expect("parses");
        assert_eq!(back.feeds[0].title, None);
        assert!(back.feeds[1].tags.is_empty());
    }
}
