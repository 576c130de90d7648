//! Rules that cannot be used, and the rules file's problems.

use std::path::Path;

use super::*;

#[test]
fn rules_that_cannot_be_used_are_refused() {
    let mut r = IgnoreRules::none();
    for (query, wanted) in [
        ("foo:bar", "unknown filter"),
        ("is:unread oroscopo", "is:bookmarked"),
        ("-calcio", "every article"),
        ("\"unclosed", "unclosed quote"),
        ("  ", "every article"),
        ("source:\"!!\"", "every article"),
    ] {
        let e = r
            .add(Rule {
                query: query.into(),
                name: None,
            })
            .err()
            .unwrap_or_else(|| panic!("{query} accepted"));
        assert!(e.to_string().contains(wanted), "{query}: {e}");
    }
    assert!(r.is_empty());
}

#[test]
fn the_file_names_its_problems_by_line_and_column_and_keeps_the_good_rules() {
    let path = Path::new("/cfg/ignore.toml");
    let text = "# mine\n[[rule]]\nquery = 'source:\"Daily Mail\"'\n\n[[rule]]\nquery = \"foo:bar\"\n\
                [[rule]]\nname = \"no horoscopes\"\nquery = 'title:horoscope'\n[[rule]]\nqeury = 'x'\n";
    let (rules, problems) = IgnoreRules::parse(path, text);
    assert_eq!(rules.rules().len(), 2);
    assert_eq!(rules.rules()[1].name.as_deref(), Some("no horoscopes"));
    assert_eq!(rules.rules()[1].label(), "no horoscopes (title:horoscope)");
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].starts_with("/cfg/ignore.toml:6:9: rule skipped: unknown filter"),
        "{shown:?}"
    );
    assert!(
        shown[1].starts_with("/cfg/ignore.toml:11:") && shown[1].contains("qeury"),
        "{shown:?}"
    );
    let (rules, problems) = IgnoreRules::parse(path, "[[rule]\nquery = 'x'\n");
    assert!(rules.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().starts_with("/cfg/ignore.toml:1:"),
        "{}",
        problems[0]
    );
    // Inline tables work too; a missing file holds no rules.
    let (rules, problems) = IgnoreRules::parse(path, "rule = [{ query = 'calcio' }]\n");
    assert_eq!((rules.rules().len(), problems.len()), (1, 0));
    let (rules, problems) = IgnoreRules::load(Path::new("/nonexistent/ignore.toml"));
    assert!(rules.is_empty() && problems.is_empty());
}

#[test]
fn a_file_that_is_not_text_or_too_large_is_one_problem_naming_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ignore.toml");
    std::fs::write(&path, b"rule = [{ query = '\xff' }]\n").expect("write");
    let (rules, problems) = IgnoreRules::load(&path);
    assert!(rules.is_empty());
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown, [format!("{}: not UTF-8 text", path.display())]);
    std::fs::write(&path, vec![b'#'; (MAX_FILE_BYTES + 1) as usize]).expect("write");
    let (_, problems) = IgnoreRules::load(&path);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [format!(
            "{}: larger than 1024 KiB: not read",
            path.display()
        )]
    );
}
