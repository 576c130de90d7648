use super::*;

#[test]
fn parses_words_phrases_exclusions_and_filters() {
    let q = Query::parse(r#"perché Cina "big tech" -usa source:InfoAut is:unread tag:tech"#);
    assert_eq!(q.words, ["perché", "Cina"]);
    assert_eq!(q.phrases, ["big tech"]);
    assert_eq!(q.excluded, ["usa"]);
    assert_eq!(q.source.as_deref(), Some("InfoAut"));
    assert_eq!(q.tag.as_deref(), Some("tech"));
    assert!(q.unread && !q.bookmarked);
    assert_eq!(q.problem(), None);
    let expr = q.fts(false).unwrap_or_default();
    assert!(expr.starts_with(r#"(("perche" OR"#), "{expr}");
    assert!(expr.contains(r#"("cina" OR "cin")"#), "{expr}");
    assert!(expr.contains(r#""big tech""#), "{expr}");
    assert!(expr.ends_with(r#"NOT ("usa")"#), "{expr}");
}

#[test]
fn filter_values_may_be_quoted_and_names_are_case_insensitive() {
    let q = Query::parse(r#"Source:"BBC News" cina TAG:"Tech e scienza""#);
    assert_eq!(q.source.as_deref(), Some("BBC News"));
    assert_eq!(q.tag.as_deref(), Some("Tech e scienza"));
    assert_eq!(q.words, ["cina"]);
    assert_eq!(q.problem(), None);
    // A filter being typed narrows nothing and is no problem.
    let q = Query::parse(r#"cina source:"#);
    assert_eq!((q.source.as_deref(), q.problem()), (None, None));
}

#[test]
fn names_match_folded_by_a_prefix_of_a_word_and_whole_names_win() {
    for typed in ["bbc", "news", "bbc n", "Sport"] {
        assert_eq!(
            name_match(typed, "BBC News Sport"),
            Some(NameMatch::Start),
            "{typed}"
        );
    }
    for typed in ["BBC_News", "bbc-news", "BBC News", "bbc.news", "BBC_NEWS_"] {
        assert_eq!(
            name_match(typed, "BBC News"),
            Some(NameMatch::Whole),
            "{typed}"
        );
    }
    assert!(name_match("corriere", "Corrière della Sera").is_some());
    assert!(name_match("人民", "人民日报").is_some());
    for typed in ["bbcnews", "ews", "bbc world", "_"] {
        assert_eq!(name_match(typed, "BBC News"), None, "{typed}");
    }
    let names = || {
        vec![
            "BBC News".to_string(),
            "BBC News Mundo".into(),
            "Il Post".into(),
        ]
    };
    assert_eq!(
        matching_names("bbc", names()),
        ["BBC News", "BBC News Mundo"]
    );
    assert_eq!(matching_names("bbc_news", names()), ["BBC News"]);
    assert!(matching_names("zzz", names()).is_empty());
}

#[test]
fn unknown_filters_and_unclosed_quotes_are_reported_and_the_rest_searched() {
    let q = Query::parse("cina foo:bar");
    assert_eq!(
        q.problem().map(ToString::to_string).as_deref(),
        Some(
            r#"unknown filter "foo:" (filters: source:, tag:, title:, author:, is:bookmarked, is:unread)"#
        )
    );
    assert_eq!(q.words, ["cina"]);
    let q = Query::parse(r#"cina "big te"#);
    assert_eq!(q.problem(), Some(&Problem::UnclosedQuote));
    assert_eq!(q.phrases, ["big te"]);
    let q = Query::parse(r#"source:"BBC Ne"#);
    assert_eq!(q.problem(), Some(&Problem::UnclosedQuote));
    assert_eq!(q.source.as_deref(), Some("BBC Ne"));
    assert!(matches!(
        Query::parse("is:starred").problem(),
        Some(Problem::UnknownIs(_))
    ));
    // Addresses, times and a colon ending a word are words.
    for text in ["https://example.com/a", "alle 10:30", "nota: bene", "x:/y"] {
        let q = Query::parse(text);
        assert_eq!(q.problem(), None, "{text}");
        assert!(q.fts(false).is_some(), "{text}");
    }
}

#[test]
fn the_last_word_is_a_prefix_while_typing_and_quotes_are_harmless() {
    assert_eq!(
        Query::parse("deep see").fts(true).as_deref(),
        Some(r#""deep" AND "see"*"#)
    );
    assert_eq!(
        Query::parse("deep s").fts(true).as_deref(),
        Some(r#""deep""#)
    );
    assert_eq!(
        Query::parse(r#"a"b OR c"#).fts(false).as_deref(),
        Some(r#""a" AND "b" AND "or" AND "c""#)
    );
    assert_eq!(Query::parse("is:bookmarked").fts(true), None);
    assert_eq!(
        Query::parse("NEAR( x").fts(false).as_deref(),
        Some(r#""near""#)
    );
}

#[test]
fn a_typed_prefix_can_be_spelled_out_as_the_words_it_begins() {
    let q = Query::parse("deep see");
    assert_eq!(q.typed_word().as_deref(), Some("see"));
    let words = ["see".to_string(), "seed".to_string(), "seen".to_string()];
    assert_eq!(
        q.fts_expanded(&words).as_deref(),
        Some(r#""deep" AND ("see" OR "seed" OR "seen")"#)
    );
    // No words: the prefix stays.
    assert_eq!(q.fts_expanded(&[]), q.fts(true));
    // A stem the prefix does not cover is still asked for.
    let q = Query::parse("stati");
    assert_eq!(
        q.fts_expanded(&["stati".to_string()]).as_deref(),
        Some(r#"("stati" OR "stat")"#)
    );
    // No prefix: two letters, a phrase, or only filters.
    assert_eq!(Query::parse("deep s").typed_word(), None);
    assert_eq!(Query::parse(r#"see "a b""#).typed_word(), None);
    assert_eq!(Query::parse("is:unread").typed_word(), None);
}

#[test]
fn unspaced_scripts_search_by_character_pairs() {
    // Chinese: a two-character word is the pair itself; longer runs are
    // the phrase of their pairs; one character is a prefix.
    assert_eq!(Query::parse("北京").fts(true).as_deref(), Some(r#""北京""#));
    assert_eq!(
        Query::parse("人工智能").fts(false).as_deref(),
        Some(r#""人工 工智 智能""#)
    );
    assert_eq!(Query::parse("京").fts(false).as_deref(), Some(r#""京"*"#));
    // Japanese mixed with Latin, Thai with its tone mark, excluded runs.
    assert_eq!(
        Query::parse("iPhone発売 -中国").fts(false).as_deref(),
        Some(r#"(("iphone" OR "iphon") AND "発売") NOT ("中国")"#)
    );
    assert_eq!(
        Query::parse("ข้าว").fts(false).as_deref(),
        Some("\"ข\u{0E49} \u{0E49}า าว\"")
    );
    // A quoted phrase matches inside a longer run too.
    assert_eq!(
        Query::parse(r#""東京大学""#).fts(false).as_deref(),
        Some(r#""東京 京大 大学""#)
    );
}

#[test]
fn words_match_their_stems_and_stopwords_drop_out() {
    let expr = Query::parse("il governi").fts(false).unwrap_or_default();
    assert_eq!(expr, r#"("governi" OR "govern")"#);
    // Only stopwords: they are the query.
    assert_eq!(Query::parse("the").fts(false).as_deref(), Some(r#""the""#));
    // Long stopwords stay; a lone letter being typed goes.
    let expr = Query::parse("stati u").fts(true).unwrap_or_default();
    assert_eq!(expr, r#"("stati" OR "stat")"#);
}

#[test]
fn repeated_terms_count_once_and_long_queries_are_cut() {
    let q = Query::parse("deep deep \"a b\" \"a b\" -x -x deep");
    assert_eq!(
        (q.words.len(), q.phrases.len(), q.excluded.len()),
        (1, 1, 1)
    );
    assert!(!q.cut);
    let many: String = (0..100).map(|i| format!("w{i} ")).collect();
    let q = Query::parse(&many);
    assert_eq!(q.words.len(), MAX_TERMS);
    assert!(q.cut);
    let long = "è".repeat(MAX_QUERY_BYTES);
    let q = Query::parse(&long);
    assert!(q.cut && q.words[0].len() <= MAX_QUERY_BYTES);
    let glued = "-a".repeat(MAX_QUERY_BYTES / 2);
    let expr = Query::parse(&format!("x{glued}"))
        .fts(false)
        .unwrap_or_default();
    assert_eq!(expr, r#""x" AND "a""#, "one word, repeated");
}

#[test]
fn excluded_words_stay_flat_and_bounded_whatever_they_split_into() {
    let glued: String = (0..200).map(|i| format!("w{i}`")).collect();
    let expr = Query::parse(&format!("x -{glued}"))
        .fts(false)
        .unwrap_or_default();
    assert_eq!(expr.matches("NOT").count(), 1, "{expr}");
    assert_eq!(expr.matches(" OR ").count(), MAX_TERMS - 1, "{expr}");
    assert!(expr.starts_with(r#"("x") NOT ("w0" OR "w1" OR"#), "{expr}");
}

#[test]
fn title_and_author_filters() {
    let q = Query::parse(r#"cina title:"banca centrale" Author:Rossi title:tassi"#);
    assert_eq!(q.title, ["banca centrale", "tassi"]);
    assert_eq!(q.author.as_deref(), Some("Rossi"));
    assert_eq!(q.words, ["cina"]);
    assert_eq!(q.problem(), None);
    let expr = q.fts(false).unwrap_or_default();
    assert!(expr.contains(r#"title : ("banca centrale" OR"#), "{expr}");
    assert!(expr.contains("title : "), "{expr}");
    // title: alone is something to match; author: alone is a filter.
    assert!(Query::parse("title:tassi").fts(true).is_some());
    assert_eq!(Query::parse("author:rossi").fts(true), None);
    assert!(Query::parse("autor:x").problem().is_some());
}
