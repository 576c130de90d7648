use super::*;

fn article(title: &str, body: &str) -> Article {
    Article {
        id: "a".into(),
        title: title.into(),
        body: vec![body.into()],
        ..Article::default()
    }
}

fn rules(queries: &[&str]) -> IgnoreRules {
    let mut rules = IgnoreRules::none();
    for q in queries {
        rules
            .add(Rule {
                query: (*q).into(),
                name: None,
            })
            .unwrap_or_else(|e| panic!("{q}: {e}"));
    }
    rules
}

/// The query of the first rule `a` matches.
fn first(rules: &IgnoreRules, a: &Article, tags: &[String]) -> Option<String> {
    let mut m = rules.matcher();
    rules.first_match(&mut m, a, tags).map(|r| r.query.clone())
}

fn matches(query: &str, a: &Article) -> bool {
    first(&rules(&[query]), a, &[]).is_some()
}

#[test]
fn words_are_folded_and_match_the_words_they_begin_and_other_forms() {
    let a = article(
        "L'oroscopo della settimana",
        "Perché i Governi cadono sempre.",
    );
    assert!(matches("OROSCOPO", &a));
    assert!(matches("perche", &a));
    assert!(matches("PERCHÉ", &a));
    // A word of a rule begins words (as the word typed last in search).
    assert!(matches("orosc", &a));
    assert!(matches("governi", &a));
    // Italian and English forms: "governo" finds "governi".
    assert!(matches("governo", &a));
    assert!(!matches("rosco", &a), "inside a word is no match");
    // Every word of a rule must be there.
    assert!(matches("oroscopo settimana", &a));
    assert!(!matches("oroscopo calcio", &a));
    let en = article("Elections in the north", "Voters went to the polls.");
    assert!(matches("election", &en));
    assert!(matches("poll", &en));
    // A short word is matched whole.
    assert!(!matches("no", &en));
    assert!(matches("in", &en));
}

#[test]
fn phrases_need_their_words_in_order() {
    let a = article(
        "Title",
        "La Banca Centrale europea alza i tassi; la banca italiana no.",
    );
    assert!(matches(r#""banca centrale""#, &a));
    assert!(matches(r#""Bànca  Centràle Europea""#, &a));
    assert!(!matches(r#""centrale banca""#, &a));
    assert!(!matches(r#""banca europea""#, &a));
    // Overlapping starts still find the phrase (shift-and keeps them all).
    let b = article("Title", "new new york");
    assert!(matches(r#""new york""#, &b));
    assert!(matches(r#""new new york""#, &b));
    // A phrase does not run from one paragraph into the next.
    let mut c = article("Title", "ends with banca");
    c.body.push("centrale starts".into());
    assert!(!matches(r#""banca centrale""#, &c));
}

#[test]
fn exclusions_veto_a_rule() {
    let a = article("Oroscopo e calcio", "Testo.");
    assert!(matches("oroscopo", &a));
    assert!(!matches("oroscopo -calcio", &a));
    assert!(matches("oroscopo -tennis", &a));
}

#[test]
fn fields_title_source_tag_author() {
    let mut a = article("Horoscopes for Monday", "Stars say the market will rise.");
    a.standfirst = Some("A weekly column".into());
    a.source = Some("Daily Mâil Online".into());
    a.byline = Some("Mystic Meg".into());
    assert!(matches("title:horoscope", &a));
    assert!(!matches("title:stars", &a), "title: is the title only");
    assert!(matches("stars", &a));
    assert!(matches("weekly", &a), "the standfirst is searched");
    assert!(matches(r#"title:"for monday""#, &a));
    assert!(matches(r#"source:"daily mail""#, &a));
    assert!(matches("source:mail", &a));
    assert!(matches("source:daily_mail", &a));
    assert!(!matches("source:ail", &a));
    assert!(!matches("source:mail title:weather", &a));
    assert!(matches("author:meg", &a));
    assert!(matches(r#"author:"mystic meg" stars"#, &a));
    assert!(!matches("author:smith", &a));
    let tagged = rules(&["tag:gossip"]);
    assert_eq!(first(&tagged, &a, &[]), None);
    let tags = vec!["News".to_string(), "Gossip & Showbiz".to_string()];
    assert_eq!(first(&tagged, &a, &tags).as_deref(), Some("tag:gossip"));
    a.source = None;
    assert!(!matches("source:mail", &a));
}

#[test]
fn unspaced_scripts_match_runs_of_characters() {
    let a = article("东京大学发布新报告", "ข่าวเศรษฐกิจ วันนี้");
    assert!(matches("东京", &a));
    assert!(matches("大学发布", &a));
    assert!(matches("京", &a));
    assert!(!matches("大阪", &a));
    assert!(matches("title:发布", &a));
    // Thai: marks dropped as the index drops them.
    assert!(matches("เศรษฐกิจ", &a));
    // Halfwidth katakana is the full form.
    let k = article("ガス料金", "");
    assert!(matches("ｶﾞｽ", &k));
}

#[test]
fn the_first_matching_rule_is_reported() {
    let r = rules(&["calcio", "oroscopo", "title:oroscopo"]);
    let a = article("Oroscopo", "");
    assert_eq!(first(&r, &a, &[]).as_deref(), Some("oroscopo"));
    assert_eq!(first(&r, &article("Meteo", "Sole."), &[]), None);
    assert_eq!(first(&IgnoreRules::none(), &a, &[]), None);
}

#[test]
fn matching_leaves_no_state_between_articles() {
    let r = rules(&[r#""banca centrale""#, "title:meteo"]);
    let mut m = r.matcher();
    let a = article("x", "la banca");
    let b = article("x", "centrale");
    assert!(r.first_match(&mut m, &a, &[]).is_none());
    assert!(r.first_match(&mut m, &b, &[]).is_none());
    assert!(r.first_match(&mut m, &article("Meteo", ""), &[]).is_some());
    assert!(r.first_match(&mut m, &article("x", "meteo"), &[]).is_none());
}

/// The first rule `a` matches, with and without the first pass that drops
/// the rules it cannot match.
fn both_ways(rules: &IgnoreRules, a: &Article, tags: &[String]) -> (Option<usize>, Option<usize>) {
    let index =
        |r: Option<&Rule>| r.and_then(|r| rules.rules().iter().position(|x| std::ptr::eq(x, r)));
    let mut fast = rules.matcher();
    let mut full = rules.matcher();
    full.unfiltered = true;
    (
        index(rules.first_match(&mut fast, a, tags)),
        index(rules.first_match(&mut full, a, tags)),
    )
}

#[test]
fn the_first_pass_keeps_what_folding_stemming_and_fields_match() {
    let r = rules(&[
        "oroscopo",
        "governo",
        "perche",
        "celebrità",
        "title:meteo",
        r#""isola dei famosi""#,
        "di",
        "source:spam -intervista",
        "author:rossi",
        "città",
        "ﬁne",
        "σκάκι",
    ]);
    let cases = [
        ("L’OROSCOPO di oggi", "", Some(0)),
        ("x", "I GOVERNI cadono", Some(1)),
        ("x", "PERCHÉ no", Some(2)),
        ("x", "Perche\u{301} no", Some(2)),
        ("x", "la CELEBRITA del momento", Some(3)),
        ("x", "meteo", None),
        ("METEO—domani", "", Some(4)),
        ("x", "All’Isola dei Famosi, ieri", Some(5)),
        ("x", "isola famosi dei", None),
        ("x", "DI nuovo", Some(6)),
        ("x", "dì nuovo", Some(6)),
        ("x", "«di»", Some(6)),
        ("x", "dire", None),
        ("x", "in CITTÀ", Some(9)),
        ("x", "citta\u{300}", Some(9)),
        ("x", "la ﬁne", Some(10)),
        ("x", "la FINE", None),
        ("x", "ΣΚΆΚΙ", Some(11)),
    ];
    for (title, body, wanted) in cases {
        let a = article(title, body);
        assert_eq!(both_ways(&r, &a, &[]), (wanted, wanted), "{title} / {body}");
    }
    // Rules with only a name, or a name and exclusions.
    let mut a = article("x", "testo");
    a.source = Some("Spam Daily".into());
    assert_eq!(both_ways(&r, &a, &[]), (Some(7), Some(7)));
    a.body = vec!["una INTERVISTA".into()];
    assert_eq!(both_ways(&r, &a, &[]), (None, None));
    a.byline = Some("Mario Rossi".into());
    assert_eq!(both_ways(&r, &a, &[]), (Some(8), Some(8)));
}

/// Words to build texts and rules of: forms that fold, stem and begin
/// one another, in upper and lower case, with and without accents.
const VOCABULARY: &[&str] = &[
    "oroscopo",
    "OROSCOPI",
    "Oroscopò",
    "governo",
    "governi",
    "GOVERNÒ",
    "di",
    "DI",
    "dì",
    "del",
    "della",
    "dell",
    "dei",
    "chi",
    "chiesa",
    "perché",
    "perche",
    "PERCHE\u{301}",
    "tv",
    "TV",
    "città",
    "citta",
    "election",
    "elections",
    "ELECTION",
    "happy",
    "happiness",
    "dying",
    "die",
    "cry",
    "cries",
    "l’isola",
    "isola",
    "famosi",
    "FAMOSÌ",
    "ﬁne",
    "fine",
    "σκάκι",
    "ΣΚΆΚΙ",
    "东京",
    "大学",
    "x",
    "a",
    "ab",
    "abc",
    "l",
    "calcio",
    "calciomercato",
    "2024",
];

const QUERIES: &[&str] = &[
    "oroscopo",
    "governo",
    "di",
    "del",
    "chi",
    "perche",
    "tv",
    "città",
    "election",
    "happy",
    "die",
    "cries",
    "isola",
    "fine",
    "σκάκι",
    "东京",
    "abc",
    "calcio",
    "title:calcio",
    "title:\"isola famosi\"",
    "\"isola famosi\"",
    "\"di del\"",
    "oroscopo -governo",
    "tv -di",
    "source:a -calcio",
    "author:b",
    "happy dying",
    "a",
    "ab",
];

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(400))]
    #[test]
    fn the_first_pass_never_changes_the_rule_found(
        queries in proptest::collection::vec(proptest::sample::select(QUERIES), 1..6),
        words in proptest::collection::vec(
            (proptest::sample::select(VOCABULARY), proptest::sample::select(&[" ", ", ", "’", "-", "\u{a0}", "", "—", "é"][..])),
            0..30,
        ),
        split in 0usize..30,
        source in proptest::option::of(proptest::sample::select(&["a", "b c", "Z"][..])),
    ) {
        let r = rules(&queries);
        let text: Vec<String> = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
        let at = split.min(text.len());
        let mut a = article(&text[..at].concat(), &text[at..].concat());
        a.source = source.map(str::to_string);
        a.byline = source.map(str::to_string);
        let (fast, full) = both_ways(&r, &a, &[]);
        proptest::prop_assert_eq!(fast, full, "{:?} in {:?}", queries, a);
    }
}
