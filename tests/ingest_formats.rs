//! The importers over the fixture files in tests/fixtures/{feeds,html,opml}.

use std::path::PathBuf;

use edicola::ingest::{self, Format, Parsed, Source};
use edicola::model::{Article, Subscription};

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn parse(path: &str) -> Parsed {
    parse_from(path, None)
}

fn parse_from(path: &str, url: Option<&str>) -> Parsed {
    let bytes = std::fs::read(fixture(path)).expect("fixture");
    let source = Source {
        url,
        content_type: None,
    };
    ingest::parse_bytes(&bytes, &source).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn first(path: &str) -> Article {
    parse(path).articles.into_iter().next().expect("an article")
}

#[test]
fn rss20_items_field_by_field() {
    let parsed = parse("feeds/rss20-full.xml");
    assert_eq!(parsed.format, Format::Rss);
    let feed = parsed.feed.expect("feed meta");
    assert_eq!(feed.title.as_deref(), Some("Il Quotidiano di Prova"));
    assert_eq!(feed.site_url.as_deref(), Some("https://news.example.it/"));
    let [a, b, c] = parsed.articles.as_slice() else {
        panic!("three items expected");
    };
    assert_eq!(a.title, "Il sindaco & la giunta approvano il bilancio");
    assert_eq!(a.source.as_deref(), Some("Il Quotidiano di Prova"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.example.it/politica/bilancio?utm_source=rss#top")
    );
    assert_eq!(a.guid.as_deref(), Some("bilancio-2024"));
    assert_eq!(a.byline.as_deref(), Some("Maria Rossi"));
    assert_eq!(a.category.as_deref(), Some("Politica"));
    assert_eq!(a.lang.as_deref(), Some("it"));
    assert_eq!(a.published, Some(1_704_187_800));
    assert_eq!(
        a.standfirst.as_deref(),
        Some("Approvato il bilancio comunale.")
    );
    assert_eq!(
        a.body,
        [
            "Il consiglio ha approvato il bilancio ieri sera.",
            "Le cifre",
            "Scuole",
            "Strade",
            "Grafico della spesa",
        ]
    );
    // The structure: a link span, a heading, list items, the image (the
    // spacer without alternative text dropped).
    let types: Vec<String> = a
        .blocks
        .iter()
        .map(|b| serde_json::to_value(b).expect("json")["type"].to_string())
        .collect();
    assert_eq!(
        types,
        [
            "\"paragraph\"",
            "\"heading\"",
            "\"list_item\"",
            "\"list_item\"",
            "\"image\""
        ]
    );
    assert!(matches!(
        a.blocks[0].text_and_spans().map(|(_, s)| s[0]),
        Some(edicola::model::Span {
            start: 29,
            end: 37,
            link: Some(0),
            ..
        })
    ));
    assert_eq!(a.links[0].url, "https://news.example.it/bilancio.pdf");
    assert_eq!(a.links[1].url, "https://news.example.it/grafico.png");
    assert_eq!(a.links[2].text, "audio/mpeg enclosure");
    assert_eq!(a.id.len(), 16);

    assert_eq!(b.title, "Nessun titolo qui.");
    assert_eq!(b.guid, None);
    assert_eq!(b.published, None);
    assert_eq!(b.links[0].text, "Il video della seduta");
    assert_eq!(c.title, "Terza notizia senza data");
    assert!(c.body.is_empty());
    let ids: std::collections::HashSet<_> = parsed.articles.iter().map(|a| &a.id).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn feed_item_ids_prefer_guid_then_normalised_url() {
    let with_url = parse_from("feeds/rss20-full.xml", Some("https://news.example.it/rss"));
    let without = parse("feeds/rss20-full.xml");
    // The guid is keyed by the feed's address...
    assert_ne!(with_url.articles[0].id, without.articles[0].id);
    // ...the URL is not.
    assert_eq!(with_url.articles[2].id, without.articles[2].id);
    let by_url = Article {
        url: Some("https://NEWS.example.it/terza".into()),
        ..Article::default()
    };
    assert_eq!(without.articles[2].id, ingest::article_id(&by_url));
}

#[test]
fn atom_with_xml_base_markup_tables_pre_and_quotes() {
    let parsed = parse("feeds/atom10-xmlbase.xml");
    assert_eq!(parsed.format, Format::Atom);
    assert_eq!(
        parsed.feed.as_ref().and_then(|f| f.title.as_deref()),
        Some("A Small Blog")
    );
    let a = &parsed.articles[0];
    assert_eq!(a.title, "Tables & code");
    assert_eq!(
        a.url.as_deref(),
        Some("https://blog.example.com/posts/tables.html")
    );
    assert_eq!(a.byline.as_deref(), Some("Ann Writer"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert_eq!(a.standfirst.as_deref(), Some("A post about tables."));
    assert_eq!(
        a.body,
        [
            "See about.",
            "Name | Age\nBob | 7",
            "fn main() {\n    println!(\"hi\");\n}",
            "Quoted words.",
        ]
    );
    assert_eq!(a.links[0].url, "https://blog.example.com/about");
    let b = &parsed.articles[1];
    assert_eq!(b.body, ["Inline XHTML body."]);
    assert_eq!(b.published, None);
}

#[test]
fn other_feed_flavours() {
    let entry = parse("feeds/atom-entry.xml");
    assert_eq!((entry.format, entry.articles.len()), (Format::Atom, 1));
    assert_eq!(entry.articles[0].title, "A lone entry");

    let old = first("feeds/atom03.xml");
    assert_eq!(old.title, "Old entry");
    assert_eq!(old.body, ["Old content."]);
    assert_eq!(old.published, Some(1_072_951_200));

    let rss091 = parse("feeds/rss091.xml");
    assert_eq!(rss091.articles.len(), 2);
    let rdf = parse("feeds/rss10.rdf");
    assert_eq!(rdf.format, Format::Rss);
    assert_eq!(rdf.articles[1].title, "RDF two");
    assert_eq!(rdf.articles[0].published, Some(1_643_767_322));

    let loose = parse("feeds/rss-noversion-prefix.xml");
    assert_eq!(loose.articles[0].title, "Loose item");
    let cut = parse("feeds/truncated.xml");
    assert_eq!(cut.articles.len(), 1);
    assert_eq!(
        cut.articles[0].url.as_deref(),
        Some("https://cut.example/1?a=1&b=2")
    );
}

#[test]
fn json_feeds() {
    let parsed = parse("feeds/feed11.json");
    assert_eq!(parsed.format, Format::JsonFeed);
    let [a, b] = parsed.articles.as_slice() else {
        panic!("two items expected");
    };
    assert_eq!(a.title, "Zweiter Eintrag");
    assert_eq!(a.body, ["Hallo Welt"]);
    assert_eq!(a.standfirst.as_deref(), Some("Kurz"));
    assert_eq!(a.byline.as_deref(), Some("Eva"));
    assert_eq!(a.guid.as_deref(), Some("2"));
    assert_eq!(a.lang.as_deref(), Some("de"));
    assert!(
        a.links
            .iter()
            .any(|l| l.url == "https://json.example.org/ep2.mp3")
    );
    assert_eq!(b.title, "Ohne Titel.");
    assert_eq!(b.body, ["Ohne Titel. Nur Text hier.", "Zweiter Absatz."]);
    assert_eq!(first("feeds/feed10.json").title, "Only item");
}

#[test]
fn legacy_encodings_read_without_mojibake() {
    let cases = [
        ("feeds/iso-8859-1.xml", "Perché la città è più verde"),
        (
            "feeds/windows-1252.xml",
            "\u{201c}Smart\u{201d} quotes \u{2013} and € signs",
        ),
        ("feeds/shift_jis.xml", "東京で新しい駅が開業しました"),
        ("feeds/euc-jp.xml", "大阪の天気は晴れのち曇りです"),
        ("feeds/gbk-undeclared.xml", "城市交通规划发布"),
        ("feeds/euc-kr-undeclared.xml", "새로운 교통 계획 발표"),
        ("feeds/koi8-r.xml", "Москва готовится к зиме"),
        ("feeds/windows-1255.xml", "שלום עולם ומזג האוויר היום"),
        ("feeds/utf-16be-bom.xml", "Big endian with a BOM"),
    ];
    for (path, title) in cases {
        assert_eq!(first(path).title, title, "{path}");
    }
    assert!(
        first("feeds/tis-620-undeclared.xml")
            .title
            .starts_with("กรุงเทพมหานคร")
    );
    assert_eq!(
        first("feeds/utf-8-invalid.xml").title,
        "Caf\u{fffd} \u{fffd} ok"
    );
    assert_eq!(first("html/latin1-meta.html").title, "Été à Paris");
    let hebrew = first("html/hebrew-1255.html");
    assert_eq!(hebrew.title, "מזג האוויר");
    assert_eq!(hebrew.lang.as_deref(), Some("he"));
}

#[test]
fn empty_and_binary_files_are_refused() {
    let bytes = std::fs::read(fixture("feeds/empty.xml")).expect("fixture");
    let error = ingest::parse_bytes(&bytes, &Source::default()).expect_err("empty");
    assert_eq!(error, ingest::ParseError::Empty);
    assert_eq!(error.to_string(), "the file is empty");
    let binary = std::fs::read(fixture("binary.bin")).expect("fixture");
    let error = ingest::parse_bytes(&binary, &Source::default()).expect_err("binary");
    assert_eq!(error, ingest::ParseError::Binary);
    assert!(error.to_string().contains("binary"));
}

#[test]
fn html_article_page_field_by_field() {
    let parsed = parse("html/article-it.html");
    assert_eq!(parsed.format, Format::Html);
    assert_eq!(parsed.feed_links, ["https://cronaca.example.it/feed.xml"]);
    let a = &parsed.articles[0];
    assert_eq!(a.title, "Il ponte riapre dopo due anni");
    assert_eq!(a.source.as_deref(), Some("Cronaca Locale"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://cronaca.example.it/citta/ponte-riapre")
    );
    assert_eq!(a.byline.as_deref(), Some("Giulia Bianchi"));
    assert_eq!(a.published, Some(1_715_325_300));
    assert_eq!(a.lang.as_deref(), Some("it"));
    assert_eq!(a.category.as_deref(), Some("Città"));
    assert!(a.body[0].starts_with("Dopo due anni di lavori"));
    let at = |p: &str| {
        a.body
            .iter()
            .position(|b| b == p)
            .unwrap_or_else(|| panic!("{p}"))
    };
    assert!(at("Le tappe del cantiere") < at("Progetto approvato nel 2021"));
    use edicola::model::Block;
    assert!(matches!(
        &a.blocks[at("Le tappe del cantiere")],
        Block::Heading { .. }
    ));
    assert!(matches!(
        &a.blocks[at("Progetto approvato nel 2021")],
        Block::ListItem {
            ordered: true,
            number: Some(1),
            depth: 0,
            ..
        }
    ));
    assert!(matches!(
        &a.blocks[at("Demolizione della vecchia campata")],
        Block::ListItem {
            ordered: false,
            depth: 1,
            ..
        }
    ));
    assert!(matches!(
        &a.blocks[at("Finalmente possiamo attraversare il fiume senza fare il giro lungo.")],
        Block::Quote { depth: 1, .. }
    ));
    assert!(matches!(
        &a.blocks[at("Voce | Milioni\nStruttura | 12\nStrade | 3")],
        Block::Table { header: true, .. }
    ));
    assert!(matches!(
        &a.blocks[at("orari:\n  lun-ven 6-22\n  sab-dom 8-20")],
        Block::Code { .. }
    ));
    assert_eq!(
        a.blocks[at("Il ponte di sera.")],
        Block::Image {
            alt: "Il ponte illuminato di sera".into(),
            caption: Some("Il ponte di sera.".into()),
            link: Some(2),
        }
    );
    assert!(
        !a.body
            .iter()
            .any(|p| p.contains("tracking") || p.contains("Home"))
    );
    assert_eq!(a.links[0].text, "Il comunicato del Comune");
    assert_eq!(a.links[1].url, "https://cronaca.example.it/citta/lavori");
    let related: Vec<_> = a.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        related,
        [
            "La nuova rotatoria sarà pronta in estate",
            "Una maratona per festeggiare il ponte",
            "La storia del ponte in dieci foto",
        ]
    );
    assert_eq!(
        a.related[0].blurb.as_deref(),
        Some("Il cantiere partirà a giugno e durerà tre mesi secondo il Comune.")
    );
    assert_eq!(a.related[1].category.as_deref(), Some("Sport"));
    assert_eq!(
        a.related[2].url.as_deref(),
        Some("https://cronaca.example.it/citta/storia-del-ponte")
    );
}

#[test]
fn json_ld_metadata_and_fragments() {
    let a = first("html/jsonld.html");
    assert_eq!(a.title, "Ld headline wins");
    assert_eq!(a.byline.as_deref(), Some("Sam Lee"));
    assert_eq!(a.source.as_deref(), Some("LD Times"));
    assert_eq!(a.published, Some(1_625_738_400));
    let fragment = parse("html/fragment.html");
    assert_eq!(fragment.format, Format::Html);
    assert!(
        fragment.articles[0]
            .body
            .iter()
            .any(|p| p.starts_with("First paragraph"))
    );
}

#[test]
fn extract_article_and_discover_feeds_work_on_bytes() {
    let bytes = std::fs::read(fixture("html/article-it.html")).expect("fixture");
    let source = Source {
        url: Some("https://cronaca.example.it/citta/ponte-riapre?utm_source=x"),
        content_type: Some("text/html; charset=utf-8"),
    };
    let a = ingest::extract_article(&bytes, &source).expect("article");
    assert_eq!(a.title, "Il ponte riapre dopo due anni");
    assert_eq!(
        ingest::discover_feeds(&bytes, "https://other.example/"),
        ["https://other.example/feed.xml"]
    );
}

#[test]
fn opml_folders_become_tags_and_round_trip() {
    let parsed = parse("opml/nested2.opml");
    assert_eq!(parsed.format, Format::Opml);
    let subs = parsed.subscriptions;
    assert_eq!(
        subs,
        [
            Subscription {
                url: "https://top.example/feed".into(),
                title: Some("Top level".into()),
                site_url: Some("https://top.example/".into()),
                tags: vec![],
            },
            Subscription {
                url: "https://daily.example/rss".into(),
                title: Some("Daily & Co".into()),
                site_url: None,
                tags: vec!["News".into()],
            },
            Subscription {
                url: "https://giornale.example.it/feed".into(),
                title: Some("Il Giornale".into()),
                site_url: None,
                tags: vec!["News".into(), "Italia".into()],
            },
        ]
    );
    let exported = ingest::opml::export(&subs);
    assert_eq!(ingest::opml::parse(exported.as_bytes()), Ok(subs));

    let old = parse("opml/v1-category.opml").subscriptions;
    assert_eq!(old[0].title.as_deref(), Some("Café feeds"));
    assert_eq!(old[0].tags, ["Food", "Drinks"]);
    assert_eq!(old[1].title.as_deref(), Some("No text attr"));
}

#[test]
fn folders_import_recursively_in_order_without_hidden_files() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("b/.hidden")).expect("mkdir");
    std::fs::copy(fixture("feeds/rss091.xml"), dir.path().join("b/z.xml")).expect("copy");
    std::fs::copy(fixture("feeds/feed10.json"), dir.path().join("a.json")).expect("copy");
    std::fs::write(dir.path().join(".secret"), "x").expect("write");
    std::fs::write(dir.path().join("b/.hidden/x.xml"), "x").expect("write");
    std::fs::write(dir.path().join("b/empty.txt"), "").expect("write");
    let results = ingest::import_path(dir.path(), ingest::DEFAULT_MAX_SIZE);
    let names: Vec<_> = results
        .iter()
        .map(|(p, _)| {
            p.strip_prefix(dir.path())
                .expect("inside")
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["a.json", "b/empty.txt", "b/z.xml"]);
    let listing = ingest::list_files(dir.path());
    assert!(listing.skipped.is_empty(), "{:?}", listing.skipped);
    assert!(results[1].1.is_err());
    assert_eq!(
        results[2].1.as_ref().map(|p| p.articles.len()).ok(),
        Some(2)
    );
}

#[test]
fn a_folder_leaves_out_readmes_tables_and_code_and_says_why() {
    let dir = tempfile::tempdir().expect("tmp");
    let page = std::fs::read(fixture("infoaut.txt")).expect("fixture");
    for name in [
        "copy.txt",
        "README.md",
        "LICENSE",
        "INDEX.tsv",
        "save.py",
        "Cargo.toml",
    ] {
        std::fs::write(dir.path().join(name), &page).expect("write");
    }
    let listing = ingest::list_files(dir.path());
    assert_eq!(listing.files, [dir.path().join("copy.txt")]);
    let skipped: Vec<(String, &str)> = listing
        .skipped
        .iter()
        .map(|(p, why)| (p.file_name().expect("name").to_string_lossy().into(), *why))
        .collect();
    assert_eq!(
        skipped,
        [
            ("Cargo.toml".to_string(), "configuration or data"),
            ("INDEX.tsv".to_string(), "a table (CSV or TSV)"),
            ("LICENSE".to_string(), "a README, licence or project file"),
            ("README.md".to_string(), "a README, licence or project file"),
            ("save.py".to_string(), "source code"),
        ]
    );
    // Named on its own, such a file is still read: refused when only the
    // text-copy reader would take it, read when it is a feed.
    let readme = ingest::import_one(&dir.path().join("README.md"), ingest::DEFAULT_MAX_SIZE);
    let message = readme.expect_err("not an article").to_string();
    assert!(message.contains("README.md: not an article"), "{message}");
    let feed = dir.path().join("feed.cfg");
    std::fs::copy(fixture("feeds/rss091.xml"), &feed).expect("copy");
    let parsed = ingest::import_one(&feed, ingest::DEFAULT_MAX_SIZE).expect("a feed");
    assert_eq!(parsed.articles.len(), 2);
}

#[test]
fn a_pitch_before_the_closing_links_leaves_the_body() {
    let story = "<p>The council voted on Tuesday to keep the library open for ten more years, \
        after a long debate about its cost and the hours it keeps.</p>";
    let html = format!(
        "<html><head><title>Library stays open</title></head><body><article>\
         <h1>Library stays open</h1>{story}{story}{story}\
         <p>Do you like our town magazine? We chose to keep it free of a paywall.</p>\
         <ul><li><a href='/a'>Budget talks resume next week</a></li>\
         <li><a href='/b'>Mayor names a new librarian</a></li></ul>\
         </article></body></html>"
    );
    let source = Source {
        url: Some("https://news.example/library"),
        content_type: Some("text/html; charset=utf-8"),
    };
    let a = ingest::extract_article(html.as_bytes(), &source).expect("article");
    let body = a.body.join("\n");
    assert!(body.contains("The council voted"), "{body}");
    assert!(!body.contains("town magazine"), "{body}");
    assert!(!body.contains("Budget talks"), "{body}");
}
