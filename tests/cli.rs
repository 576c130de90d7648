//! The binary as a black box: commands, exit codes and messages on valid and
//! invalid input.

mod common;

use assert_cmd::Command;
use common::edicola;
use predicates::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn json_out(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

#[test]
fn fresh_store_lists_the_two_samples() {
    let dir = tempfile::tempdir().expect("tmp");
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    let items = list.as_array().expect("array");
    assert_eq!(items.len(), 2);
    assert!(
        items
            .iter()
            .all(|a| a["id"].is_string() && a["title"].is_string())
    );
    assert!(dir.path().join("edicola.db").exists());
}

#[test]
fn a_folder_import_lists_the_files_it_left_out() {
    let dir = tempfile::tempdir().expect("tmp");
    let folder = dir.path().join("pages");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::copy(fixture("infoaut.txt"), folder.join("page.txt")).expect("copy");
    std::fs::write(
        folder.join("README.md"),
        "# Pages I saved\n\nSaved with a script.\n",
    )
    .expect("write");
    // Left out once read: JSON that is not a JSON Feed.
    std::fs::write(folder.join("page-metadata.json"), r#"{"title": "Sputnik"}"#).expect("write");
    edicola(dir.path())
        .arg("import")
        .arg(&folder)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "README.md: skipped: a README, licence or project file",
        ))
        .stderr(predicate::str::contains(
            "page-metadata.json: skipped: JSON data, not a JSON Feed",
        ))
        .stderr(predicate::str::contains("1 added"))
        .stderr(predicate::str::contains("0 failed"))
        .stderr(predicate::str::contains("2 files in folders left out"));
    // Named on their own, they are errors.
    for (name, why) in [
        ("README.md", "README.md: not an article"),
        ("page-metadata.json", "not a JSON Feed"),
    ] {
        edicola(dir.path())
            .arg("import")
            .arg(folder.join(name))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(why));
    }
}

#[test]
fn a_file_that_failed_is_read_and_reported_again() {
    let dir = tempfile::tempdir().expect("tmp");
    let broken = dir.path().join("broken.xml");
    std::fs::write(&broken, "<rss version=\"2.0\"><channel><item><title>A").expect("write");
    for _ in 0..2 {
        edicola(dir.path())
            .arg("import")
            .arg(&broken)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("broken.xml"))
            .stderr(predicate::str::contains("1 failed"))
            .stderr(predicate::str::contains("not read again").not());
    }
}

#[test]
fn import_then_list_show_and_reimport_without_duplicates() {
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .args(["import"])
        .arg(fixture("infoaut.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains("1 added"));
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    let items = list.as_array().expect("array");
    assert_eq!(
        items.len(),
        1,
        "samples give way to the user's articles: {list}"
    );
    assert_eq!(items[0]["title"], "Sputnik Moment?");
    let id = items[0]["id"].as_str().expect("id").to_string();

    // An unchanged file is not read again; --force reads it, and the
    // article is recognised as the same one.
    edicola(dir.path())
        .args(["import"])
        .arg(fixture("infoaut.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 added, 0 updated, 0 unchanged, 0 failed",
        ))
        .stderr(predicate::str::contains("1 file not read again"));
    edicola(dir.path())
        .args(["import", "--force"])
        .arg(fixture("infoaut.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains("0 added, 0 updated, 1 unchanged"));

    let article = json_out(edicola(dir.path()).args(["show", &id[..6], "--json"]));
    assert_eq!(article["id"], id.as_str());
    assert_eq!(article["source"], "InfoAut");
    for field in ["url", "published", "standfirst", "body", "related", "links"] {
        assert!(article.get(field).is_some(), "missing {field}");
    }
    let related = article["related"].as_array().expect("related");
    assert!(!related.is_empty());
    assert!(
        related
            .iter()
            .all(|r| r.get("id").is_some() && r["title"].is_string())
    );

    edicola(dir.path())
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Sputnik Moment?\n"));
}

#[test]
fn bad_files_fail_one_by_one_and_good_ones_still_import() {
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .arg("import")
        .arg(fixture("empty.txt"))
        .arg(fixture("binary.bin"))
        .arg(fixture("formiche.txt"))
        .arg(fixture("menu-only.txt"))
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.txt: the file is empty"))
        .stderr(predicate::str::contains(
            "binary.bin: this is a binary file",
        ))
        .stderr(predicate::str::contains("menu-only.txt:"))
        .stderr(predicate::str::contains("missing.txt: cannot read"))
        .stderr(predicate::str::contains("1 added"));
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    assert_eq!(list.as_array().map(Vec::len), Some(1));
}

#[test]
fn bookmarks_are_set_listed_and_kept() {
    let dir = tempfile::tempdir().expect("tmp");
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    let id = list[1]["id"].as_str().expect("id").to_string();
    assert_eq!(
        json_out(edicola(dir.path()).args(["bookmarks", "--json"])),
        Value::Array(vec![])
    );
    edicola(dir.path())
        .args(["bookmark", &id])
        .assert()
        .success();
    let marks = json_out(edicola(dir.path()).args(["bookmarks", "--json"]));
    assert_eq!(marks[0]["id"], id.as_str());
    assert_eq!(marks[0]["bookmarked"], true);
    edicola(dir.path())
        .args(["bookmarks"])
        .assert()
        .success()
        .stdout(predicate::str::contains("★"));
    edicola(dir.path())
        .args(["bookmark", "--off", &id])
        .assert()
        .success();
    assert_eq!(
        json_out(edicola(dir.path()).args(["bookmarks", "--json"])),
        Value::Array(vec![])
    );
}

#[test]
fn unknown_ids_exit_1() {
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .args(["show", "ffffffffffff"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no article with id"));
}

#[test]
fn a_corrupt_store_exits_2_and_is_left_untouched() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("edicola.db");
    std::fs::write(&db, "not a database at all\n").expect("write");
    for args in [
        vec!["list"],
        vec!["show", "abc"],
        vec!["import", "x.txt"],
        vec![],
    ] {
        let mut cmd = edicola(dir.path());
        if args.first() == Some(&"import") {
            cmd.arg("import").arg(fixture("infoaut.txt"));
        } else {
            cmd.args(&args);
        }
        cmd.assert()
            .code(2)
            .stderr(predicate::str::contains("edicola.db"))
            .stderr(predicate::str::contains("not an Edicola store"));
    }
    assert_eq!(
        std::fs::read_to_string(&db).expect("read"),
        "not a database at all\n"
    );
}

#[test]
fn a_bad_keymap_exits_2_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(
        config.join("keymap.toml"),
        "[global]\nq = \"quit\"\nj = [\n",
    )
    .expect("write");
    edicola(dir.path())
        .args(["config", "--check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("keymap.toml:3:"));
    std::fs::write(config.join("keymap.toml"), "[global]\nq = \"explode\"\n").expect("write");
    edicola(dir.path())
        .args(["config", "--check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "keymap.toml:2:5: error: unknown action “explode”",
        ));
}

#[test]
fn config_default_parses_to_the_defaults_and_path_says_where_it_goes() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = edicola(dir.path())
        .args(["config", "--default"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let loaded = edicola::settings::parse(std::path::Path::new("default"), &text);
    assert_eq!(loaded.problems, []);
    assert_eq!(loaded.settings, edicola::settings::Settings::default());
    edicola(dir.path())
        .args(["config", "--path"])
        .assert()
        .success()
        .stdout(format!(
            "{}\n",
            dir.path().join("config/config.toml").display()
        ));
    // With the default file as the user's, the check passes.
    std::fs::create_dir_all(dir.path().join("config")).expect("mkdir");
    std::fs::write(dir.path().join("config/config.toml"), &text).expect("write");
    edicola(dir.path())
        .args(["config", "--check"])
        .assert()
        .success()
        .stdout("The settings and keymap are fine.\n");
    edicola(dir.path()).arg("config").assert().code(2);
}

#[test]
fn config_check_exits_2_on_an_error_and_0_on_a_warning() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("mkdir");
    let file = config.join("config.toml");
    std::fs::write(&file, "[layout]\nsidebar = true\nsidbar_width = \"20%\"\n").expect("write");
    edicola(dir.path())
        .args(["config", "--check"])
        .assert()
        .success()
        .stderr(format!(
            "edicola: {}:3: warning: unknown key “sidbar_width” in [layout] (did you mean \
             “sidebar_width”?)\nedicola: 1 warning (the rest of the settings hold)\n",
            file.display()
        ));
    std::fs::write(&file, "[theme.focus]\nfg = \"#12\"\n").expect("write");
    edicola(dir.path())
        .args(["config", "--check"])
        .assert()
        .code(2)
        .stderr(format!(
            "edicola: {}:2:6: error: “#12” is not a colour: write #rrggbb with six hex \
             digits\nedicola: 1 error: the reader would start on the defaults\n",
            file.display()
        ));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "[theme.focus]\nfg = \"#12\"\n",
        "the file is left as it was"
    );
}

#[test]
fn commands_stop_on_a_settings_error_and_warn_of_a_warning() {
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("mkdir");
    let file = config.join("config.toml");
    std::fs::write(&file, "refresh_interval = \"soon\"\n").expect("write");
    edicola(dir.path())
        .args(["list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{}:1:20: error: refresh_interval",
            file.display()
        )))
        .stderr(predicate::str::contains("edicola config --check"));
    std::fs::write(&file, "refresh_intervall = 5\n").expect("write");
    edicola(dir.path())
        .args(["list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("unknown key “refresh_intervall”"));
    std::fs::remove_file(&file).expect("rm");
    std::fs::write(config.join("keymap.toml"), "[global]\nq = \"qiut\"\n").expect("write");
    edicola(dir.path())
        .args(["list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown action “qiut”"));
}

#[test]
fn the_reader_needs_a_terminal() {
    let dir = tempfile::tempdir().expect("tmp");
    edicola(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a terminal"));
}

#[test]
fn every_command_has_help() {
    for cmd in [
        "import",
        "list",
        "show",
        "bookmarks",
        "bookmark",
        "read",
        "ignored",
        "unignore",
    ] {
        Command::cargo_bin("edicola")
            .expect("binary")
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage:"));
    }
    Command::cargo_bin("edicola")
        .expect("binary")
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("EDICOLA_DATA"));
}

#[test]
fn dry_run_prints_json_and_stores_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let parsed = json_out(
        edicola(dir.path())
            .args(["import", "--dry-run", "--json"])
            .arg(fixture("infoaut.txt")),
    );
    assert_eq!(parsed[0]["title"], "Sputnik Moment?");
    assert!(!dir.path().join("edicola.db").exists());
}

#[test]
fn an_unwritable_data_dir_still_lists_the_samples() {
    let dir = tempfile::tempdir().expect("tmp");
    let blocked = dir.path().join("file-not-dir");
    std::fs::write(&blocked, "x").expect("write");
    // The data "directory" is a regular file: nothing can be created in it.
    let list = json_out(edicola(&blocked.join("data")).args(["list", "--json"]));
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    edicola(&blocked.join("data"))
        .arg("import")
        .arg(fixture("infoaut.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("will not be saved"));
}

#[test]
fn search_from_the_shell_and_similar_in_show() {
    let dir = tempfile::tempdir().expect("tmp");
    let hits = json_out(edicola(dir.path()).args(["search", "--json", "perche", "cina"]));
    let titles: Vec<&str> = hits
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|h| h["title"].as_str())
        .collect();
    assert_eq!(
        titles.first().copied(),
        Some("Ecco perché la Cina delocalizza le Big Tech (c'entra la tecnologia Usa)")
    );
    let none = json_out(edicola(dir.path()).args(["search", "--json", "zzzqqq"]));
    assert_eq!(none, Value::Array(vec![]));
    let id = hits[0]["id"].as_str().expect("id").to_string();
    let shown = json_out(edicola(dir.path()).args(["show", "--json", &id]));
    let similar = shown["similar"].as_array().expect("similar list");
    assert!(
        similar
            .iter()
            .all(|s| s["id"].is_string() && s["title"].is_string() && s["score"].is_number())
    );
}

#[test]
fn show_json_folds_copies_of_a_story() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut files = Vec::new();
    let mut stories: Vec<(&str, &str, &str, &[&str])> = common::STORY_COPIES.to_vec();
    let filler: Vec<(String, String)> = (0..12)
        .map(|n| {
            (
                format!("Weekend results {n}"),
                format!("https://sport.example/{n}"),
            )
        })
        .collect();
    for (title, url) in &filler {
        stories.push((
            "Sport",
            url,
            title,
            &["Local football results and the weather for the weekend."],
        ));
    }
    for (n, (source, url, title, body)) in stories.iter().enumerate() {
        let description: String = body
            .iter()
            .map(|p| format!("&lt;p&gt;{p}&lt;/p&gt;"))
            .collect();
        let xml = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{source}</title>\
             <link>{url}</link><item><title>{title}</title><link>{url}</link><guid>{url}</guid>\
             <description>{description}</description></item></channel></rss>"
        );
        let path = dir.path().join(format!("feed{n}.xml"));
        std::fs::write(&path, xml).expect("write feed");
        files.push(path);
    }
    edicola(dir.path())
        .arg("import")
        .args(&files)
        .assert()
        .success();
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    let id_of = |source: &str| {
        list.as_array()
            .expect("array")
            .iter()
            .find(|a| a["source"] == source)
            .and_then(|a| a["id"].as_str())
            .map(str::to_string)
            .expect("imported")
    };
    let shown = json_out(edicola(dir.path()).args(["show", "--json", &id_of("Il Mercato")]));
    let similar = shown["similar"].as_array().expect("similar list");
    let copies = ["Wire", "Paper A", "東京経済新聞"];
    let folded: Vec<&Value> = similar
        .iter()
        .filter(|s| copies.contains(&s["source"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(
        folded.len(),
        1,
        "one entry for the three copies: {similar:#?}"
    );
    let mut sources: Vec<&str> = folded[0]["also_in"]
        .as_array()
        .expect("also_in")
        .iter()
        .map(|a| {
            assert!(a["id"].is_string() && a["title"].is_string());
            a["source"].as_str().expect("source")
        })
        .collect();
    sources.push(folded[0]["source"].as_str().expect("source"));
    sources.sort_unstable();
    assert_eq!(sources, ["Paper A", "Wire", "東京経済新聞"]);
    assert_eq!(folded[0]["same_story"], false);
    assert!(
        similar
            .iter()
            .any(|s| s["source"] == "Paper B" && s["also_in"] == Value::Array(vec![]))
    );
    // Seen from one copy, the others are the same story, listed first.
    let shown = json_out(edicola(dir.path()).args(["show", "--json", &id_of("Wire")]));
    let first = &shown["similar"][0];
    assert_eq!(first["same_story"], true, "{shown:#}");
    let mut same: Vec<&str> = first["also_in"]
        .as_array()
        .expect("also_in")
        .iter()
        .filter_map(|a| a["source"].as_str())
        .collect();
    same.push(first["source"].as_str().expect("source"));
    same.sort_unstable();
    assert_eq!(same, ["Paper A", "東京経済新聞"]);
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("tmp");
    let bin = assert_cmd::cargo::cargo_bin("edicola");
    // `edicola list | true`: the reader of the pipe is gone before the write.
    let mut child = std::process::Command::new(bin)
        .env("EDICOLA_DATA", dir.path())
        .env("EDICOLA_CONFIG", dir.path().join("config"))
        .args(["list", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A feed file of three items in `dir`.
fn three_item_feed(dir: &std::path::Path) -> std::path::PathBuf {
    let items: String = [
        ("Horoscope for Monday", "Stars and signs."),
        ("Parliament passes the budget", "A long debate ended."),
        ("Weather: rain again", "Umbrellas out."),
    ]
    .iter()
    .enumerate()
    .map(|(i, (t, d))| {
        format!(
            "<item><title>{t}</title><link>https://example.org/{i}</link>\
             <pubDate>Mon, 0{} Jun 2025 10:00:00 +0000</pubDate><description>{d}</description></item>",
            i + 1
        )
    })
    .collect();
    let path = dir.join("feed.xml");
    std::fs::write(
        &path,
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Daily Wire</title>{items}</channel></rss>"),
    )
    .expect("feed");
    path
}

#[test]
fn ignore_rules_keep_imported_articles_out_and_unignore_brings_one_back() {
    let dir = tempfile::tempdir().expect("tmp");
    let feed = three_item_feed(dir.path());
    std::fs::create_dir_all(dir.path().join("config")).expect("config");
    std::fs::write(
        dir.path().join("config/ignore.toml"),
        "[[rule]]\nquery = 'title:horoscope'\nname = \"no horoscopes\"\n\
         [[rule]]\nquery = 'umbrellas -sun'\n",
    )
    .expect("rules");
    edicola(dir.path())
        .arg("import")
        .arg(&feed)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 added"))
        .stderr(predicate::str::contains("2 new articles ignored"));
    let titles = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("array")
            .iter()
            .filter_map(|a| a["title"].as_str().map(String::from))
            .collect()
    };
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    assert_eq!(titles(&list), ["Parliament passes the budget"]);
    edicola(dir.path())
        .args(["search", "horoscope"])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let ignored = json_out(edicola(dir.path()).args(["ignored", "--json"]));
    assert_eq!(
        titles(&ignored),
        ["Weather: rain again", "Horoscope for Monday"]
    );
    assert_eq!(ignored[0]["rule"], "umbrellas -sun");
    assert_eq!(ignored[1]["rule"], "no horoscopes (title:horoscope)");
    // Piped, plain lines name the rule.
    edicola(dir.path())
        .arg("ignored")
        .assert()
        .success()
        .stdout(predicate::str::contains("rule: no horoscopes"));
    let id = ignored[1]["id"].as_str().expect("id").to_string();
    edicola(dir.path())
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("Stars and signs."));

    edicola(dir.path())
        .args(["unignore", &id[..10]])
        .assert()
        .success();
    edicola(dir.path())
        .args(["import", "--force"])
        .arg(&feed)
        .assert()
        .success();
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    assert_eq!(
        titles(&list),
        ["Parliament passes the budget", "Horoscope for Monday"]
    );
    let ignored = json_out(edicola(dir.path()).args(["ignored", "--json"]));
    assert_eq!(titles(&ignored), ["Weather: rain again"]);
    edicola(dir.path())
        .args(["search", "title:horoscope"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&id));
    edicola(dir.path())
        .args(["unignore", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no ignored article"));
}

#[test]
fn a_broken_ignore_file_exits_2_naming_file_and_line_and_stores_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let feed = three_item_feed(dir.path());
    std::fs::create_dir_all(dir.path().join("config")).expect("config");
    let rules = dir.path().join("config/ignore.toml");
    std::fs::write(
        &rules,
        "[[rule]]\nquery = 'horoscope'\n[[rule]]\nquery = 'colour:red'\n",
    )
    .expect("rules");
    edicola(dir.path())
        .arg("import")
        .arg(&feed)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ignore.toml:4:9"))
        .stderr(predicate::str::contains("unknown filter \"colour:\""));
    std::fs::write(&rules, "[[rule]\nquery = 'horoscope'\n").expect("rules");
    edicola(dir.path())
        .arg("import")
        .arg(&feed)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ignore.toml:1:"));
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    assert!(
        !list.to_string().contains("Parliament"),
        "nothing imported: {list}"
    );
    assert_eq!(
        std::fs::read_to_string(&rules).expect("rules"),
        "[[rule]\nquery = 'horoscope'\n",
        "the user's file is left as it was"
    );
}

#[test]
fn json_body_is_plain_and_blocks_carry_the_structure() {
    let dir = tempfile::tempdir().expect("tmp");
    let page = fixture("html/blocks.html");
    let dry = json_out(
        edicola(dir.path())
            .args(["import", "--dry-run", "--json"])
            .arg(&page),
    );
    edicola(dir.path())
        .arg("import")
        .arg(&page)
        .assert()
        .success();
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    let id = list[0]["id"].as_str().expect("id").to_string();
    let shown = json_out(edicola(dir.path()).args(["show", "--json", &id]));
    for article in [&dry[0], &shown] {
        let body: Vec<&str> = article["body"]
            .as_array()
            .expect("body")
            .iter()
            .map(|p| p.as_str().expect("string"))
            .collect();
        assert!(body[0].starts_with("An opening paragraph with a first link, some emphasis"));
        assert!(
            body.contains(&"How it works"),
            "no permalink mark: {body:?}"
        );
        assert!(body.contains(&"a nested point"), "no bullet: {body:?}");
        assert!(body.contains(&"The harbour, photographed at dawn."));
        assert!(!body.iter().any(|p| p.contains("[1]") || p.contains('•')));
        let blocks = article["blocks"].as_array().expect("blocks");
        let types: Vec<&str> = blocks
            .iter()
            .map(|b| b["type"].as_str().expect("type"))
            .collect();
        for t in [
            "paragraph",
            "heading",
            "list_item",
            "quote",
            "code",
            "table",
            "image",
            "rule",
        ] {
            assert!(types.contains(&t), "no {t} in {types:?}");
        }
        let link = &blocks[0]["spans"][0];
        assert_eq!(link["kind"], "link");
        let text: String = blocks[0]["text"].as_str().expect("text").chars().collect();
        let (start, end) = (
            link["start"].as_u64().expect("start"),
            link["end"].as_u64().expect("end"),
        );
        let linked: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(linked, "first link");
        let n = link["link"].as_u64().expect("index") as usize;
        assert_eq!(
            article["links"][n]["url"],
            "https://blog.example.org/links/first"
        );
        let code = blocks.iter().find(|b| b["type"] == "code").expect("code");
        assert!(
            code["text"]
                .as_str()
                .expect("text")
                .contains("{\n\tprintln!")
        );
        let nested = blocks
            .iter()
            .find(|b| b["text"] == "a nested point")
            .expect("nested item");
        assert_eq!(
            (nested["depth"].as_u64(), nested["ordered"].as_bool()),
            (Some(1), Some(false))
        );
    }
    // For people: bullets, numbers and link markers that match the links.
    edicola(dir.path())
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("first link [1], some"))
        .stdout(
            predicate::str::contains("1. First step")
                .and(predicate::str::contains("\n  ◦ a nested point\n")),
        )
        .stdout(predicate::str::contains("[image: The harbour at dawn] [3]"));
}

#[test]
fn show_json_lists_every_author_and_category() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("feed.xml");
    std::fs::write(
        &path,
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>S</title>\
         <item><title>Two of each</title><link>https://news.example/two</link>\
         <description>Text.</description><category>Politica</category><category>Esteri</category>\
         <dc:creator>Anna Rossi</dc:creator><dc:creator>Marco Bianchi</dc:creator></item>\
         <item><title>One of each</title><link>https://news.example/one</link>\
         <description>Text.</description><category>Sport</category></item>\
         </channel></rss>",
    )
    .expect("write feed");
    let dry = json_out(
        edicola(dir.path())
            .args(["import", "--dry-run", "--json"])
            .arg(&path),
    );
    assert_eq!(
        dry[0]["authors"],
        serde_json::json!(["Anna Rossi", "Marco Bianchi"])
    );
    edicola(dir.path())
        .arg("import")
        .arg(&path)
        .assert()
        .success();
    let list = json_out(edicola(dir.path()).args(["list", "--json"]));
    let id_of = |title: &str| {
        list.as_array()
            .expect("array")
            .iter()
            .find(|a| a["title"] == title)
            .and_then(|a| a["id"].as_str())
            .expect("stored")
            .to_string()
    };
    let two = json_out(edicola(dir.path()).args(["show", "--json", &id_of("Two of each")]));
    assert_eq!(two["byline"], "Anna Rossi, Marco Bianchi");
    assert_eq!(
        two["authors"],
        serde_json::json!(["Anna Rossi", "Marco Bianchi"])
    );
    assert_eq!(two["category"], "Politica");
    assert_eq!(two["categories"], serde_json::json!(["Politica", "Esteri"]));
    let one = json_out(edicola(dir.path()).args(["show", "--json", &id_of("One of each")]));
    assert_eq!(one["categories"], serde_json::json!(["Sport"]));
    assert_eq!(one["authors"], serde_json::json!([]));
}
