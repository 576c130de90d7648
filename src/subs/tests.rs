//! Tests of the subscriptions file: reading, editing, keeping comments.

use super::*;

#[test]
fn reads_settings_and_keeps_comments_when_adding() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("subscriptions.toml");
    std::fs::write(
        &path,
        "# my feeds\n[[feed]]\nurl = \"https://a.example/rss\" # the best\ntitle = \"A\"\ntags = [\"tech\"]\nkeep = 50\nmin_interval = \"30m\"\n",
    )
    .expect("write");
    let mut subs = SubsFile::load(&path).expect("load");
    assert_eq!(
        subs.feeds,
        [Feed {
            url: "https://a.example/rss".into(),
            title: Some("A".into()),
            tags: vec!["tech".into()],
            keep: Some(50),
            min_interval: Some(1800),
        }]
    );
    let b = Subscription {
        url: "https://b.example/feed".into(),
        tags: vec!["news".into()],
        ..Subscription::default()
    };
    assert!(subs.add(&b));
    assert!(!subs.add(&b), "no duplicates");
    subs.save().expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.starts_with("# my feeds\n") && text.contains("# the best"),
        "{text}"
    );
    let again = SubsFile::load(&path).expect("reload");
    assert_eq!(again.feeds.len(), 2);
    let mut again = again;
    assert!(again.remove("https://a.example/rss").is_some());
    again.set_url("https://b.example/feed", "https://b.example/rss");
    again.save().expect("save");
    let last = SubsFile::load(&path).expect("reload");
    assert_eq!(last.feeds.len(), 1);
    assert_eq!(last.feeds[0].url, "https://b.example/rss");
    assert_eq!(last.feeds[0].tags, ["news"]);
}

#[test]
fn a_redirect_onto_another_subscription_merges_the_two() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("subscriptions.toml");
    std::fs::write(
        &path,
        "[[feed]]\nurl = \"http://old/\"\ntags = [\"a\", \"b\"]\n\n[[feed]]\nurl = \"http://x/\"\n\n[[feed]]\nurl = \"http://new/\"\ntags = [\"b\"]\n",
    )
    .expect("write");
    let mut subs = SubsFile::load(&path).expect("load");
    subs.set_url("http://old/", "http://new/");
    subs.save().expect("save");
    let again = SubsFile::load(&path).expect("reload");
    let urls: Vec<&str> = again.feeds.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(urls, ["http://x/", "http://new/"]);
    assert_eq!(again.feeds[1].tags, ["b", "a"]);
    assert_eq!(again.feeds, subs.feeds);
}

#[test]
fn errors_name_the_file_and_the_problem() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("subscriptions.toml");
    std::fs::write(&path, "[[feed]]\nurl = \n").expect("write");
    let err = SubsFile::load(&path).expect_err("bad toml").to_string();
    assert!(
        err.contains("subscriptions.toml") && err.contains("line 2"),
        "{err}"
    );
    std::fs::write(&path, "[[feed]]\ntitle = \"x\"\n").expect("write");
    let err = SubsFile::load(&path).expect_err("no url").to_string();
    assert!(err.contains("url"), "{err}");
    std::fs::write(&path, "[[feed]]\nurl = \"u\"\nmin_interval = \"soon\"\n").expect("write");
    assert!(SubsFile::load(&path).is_err());
}

#[test]
fn intervals() {
    assert_eq!(parse_interval("90"), Some(90));
    assert_eq!(parse_interval("30m"), Some(1800));
    assert_eq!(parse_interval("2h"), Some(7200));
    assert_eq!(parse_interval("1d"), Some(86_400));
    assert_eq!(parse_interval("x"), None);
    assert_eq!(parse_interval("999999999999999999d"), None);
}
