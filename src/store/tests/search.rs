//! Full-text search and title matching.

use super::*;

pub(super) fn text_article(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: vec![body.into()],
        ..Article::default()
    }
}

#[test]
fn search_ranks_title_matches_first_and_folds_accents() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(
            &[
                text_article("a", "Perché la Cina", "Un testo qualsiasi."),
                text_article("b", "Altro", "Si parla della Cina e del perché dei chip."),
                text_article("c", "Calcio", "Nessuna relazione."),
            ],
            Origin::User,
        )
        .expect("upsert");
    store.set_read("b", true).expect("read");
    let search = |q: &str| {
        let f = Filter {
            query: Some(q.into()),
            ..Filter::default()
        };
        let ids: Vec<String> = store
            .page(&f, 0, 10)
            .expect("page")
            .into_iter()
            .map(|s| s.id)
            .collect();
        (store.count(&f).expect("count"), ids)
    };
    assert_eq!(
        search("perche cina"),
        (2, vec!["a".to_string(), "b".to_string()])
    );
    assert_eq!(
        search("cin"),
        (2, vec!["a".to_string(), "b".to_string()]),
        "prefix while typing"
    );
    assert_eq!(search("cina -chip"), (1, vec!["a".to_string()]));
    assert_eq!(search("\"dei chip\""), (1, vec!["b".to_string()]));
    assert_eq!(search("cina is:unread"), (1, vec!["a".to_string()]));
    assert_eq!(search("zzz").0, 0);
}

#[test]
fn related_headlines_match_stored_titles_fuzzily() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(
            &[
                text_article(
                    "a",
                    "Regno Unito: sciopero della fame dei detenuti per la Palestina al limite",
                    "x",
                ),
                text_article("b", "Calcio, il derby di domenica", "y"),
                text_article("ja", "東京都知事選挙、投票率が上昇 前回を上回る", "z"),
            ],
            Origin::User,
        )
        .expect("upsert");
    let found = |t: &str| store.find_by_title(t).expect("find");
    assert_eq!(
        found("【速報】東京都知事選挙 投票率が上昇 前回を上回る"),
        Some("ja".into()),
        "unspaced words are found by their character pairs"
    );
    assert_eq!(
        found("Regno Unito: sciopero della fame dei detenuti per la Palestina al limite"),
        Some("a".into())
    );
    assert_eq!(
        found("Sciopero della fame dei detenuti per la Palestina"),
        Some("a".into()),
        "shortened"
    );
    assert_eq!(
        found("REGNO UNITO — sciopero della fame dei detenuti per la Palestina al limite!"),
        Some("a".into())
    );
    assert_eq!(
        found("Sciopero dei medici in Palestina"),
        None,
        "few shared words"
    );
    assert_eq!(found("Derby"), None);
}

#[test]
fn search_pages_list_title_matches_first_and_every_match_once() {
    let mut store = Store::open_in_memory().expect("store");
    let mut items = Vec::new();
    for n in 0..40 {
        let (title, body) = if n % 5 == 0 {
            (
                format!("Porto di Genova {n}"),
                "Navi in arrivo.".to_string(),
            )
        } else if n % 2 == 0 {
            (
                format!("Notizia {n}"),
                format!("Il porto resta chiuso {n}."),
            )
        } else {
            (format!("Altro {n}"), "Nessuna relazione.".to_string())
        };
        items.push(text_article(&format!("a{n:02}"), &title, &body));
    }
    store.upsert(&items, Origin::User).expect("upsert");
    let f = Filter {
        query: Some("porto".into()),
        ..Filter::default()
    };
    let total = store.count(&f).expect("count");
    assert_eq!(total, 8 + 16);
    let mut paged = Vec::new();
    for offset in (0..total + 5).step_by(5) {
        paged.extend(
            store
                .page(&f, offset, 5)
                .expect("page")
                .into_iter()
                .map(|s| s.title),
        );
    }
    assert_eq!(paged.len(), total, "{paged:?}");
    let unique: std::collections::HashSet<&String> = paged.iter().collect();
    assert_eq!(unique.len(), total);
    assert!(
        paged[..8].iter().all(|t| t.starts_with("Porto")),
        "{paged:?}"
    );
    assert_eq!(store.page(&f, 0, 100).expect("all").len(), total);
}

#[test]
fn a_search_with_more_matches_than_it_ranks_pages_through_every_match_once() {
    let mut store = Store::open_in_memory().expect("store");
    const RANKED: usize = super::super::ranking::RANKED;
    let n = RANKED + 150;
    let items: Vec<Article> = (0..n)
        .map(|i| {
            let title = if i % 7 == 0 {
                "Porto aperto"
            } else {
                "Notizia"
            };
            text_article(
                &format!("a{i:05}"),
                title,
                &format!("Il porto {i} resta chiuso."),
            )
        })
        .collect();
    store.upsert(&items, Origin::User).expect("upsert");
    store.index_all(|_, _| {}).expect("index");
    let f = Filter {
        query: Some("porto".into()),
        ..Filter::default()
    };
    // More matches than ranked: the first rows come with a lower bound.
    let first = store.first_page(&f, 40).expect("first page");
    assert_eq!((first.total, first.complete), (RANKED, false));
    assert_eq!(store.count(&f).expect("count"), n);
    assert_eq!(first.rows, store.page(&f, 0, 40).expect("page"));
    assert!(first.rows.iter().all(|s| s.title.starts_with("Porto")));
    let mut seen = std::collections::HashSet::new();
    for offset in (0..n + 300).step_by(300) {
        for row in store.page(&f, offset, 300).expect("page") {
            assert!(seen.insert(row.id), "listed twice at offset {offset}");
        }
    }
    assert_eq!(seen.len(), n);
    // Fewer matches than ranked: counted in the same read.
    let few = Filter {
        query: Some("aperto".into()),
        ..Filter::default()
    };
    let first = store.first_page(&few, 10).expect("few");
    assert!(first.complete);
    assert_eq!(first.total, store.count(&few).expect("count"));
    assert_eq!(first.rows, store.page(&few, 0, 10).expect("page"));
}

fn ids_for(store: &Store, query: &str) -> Vec<String> {
    let f = Filter {
        query: Some(query.into()),
        ..Filter::default()
    };
    let mut ids: Vec<String> = store
        .page(&f, 0, 50)
        .expect("page")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(store.count(&f).expect("count"), ids.len(), "{query}");
    ids.sort();
    ids
}

#[test]
fn chinese_japanese_korean_and_thai_are_found_by_any_run_of_characters() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(
            &[
                text_article(
                    "zh",
                    "国务院发布新一代人工智能发展规划",
                    "新华社北京电 国务院近日印发《新一代人工智能发展规划》。",
                ),
                text_article(
                    "ja",
                    "東京都知事選挙の投票率が上昇",
                    "東京都選挙管理委員会によると、投票率は前回を上回った。",
                ),
                text_article("ko", "서울에서 열린 정상회의", "정상들이 서울에 모였다."),
                text_article(
                    "th",
                    "รัฐบาลไทยประกาศมาตรการใหม่",
                    "นายกรัฐมนตรีประกาศมาตรการช่วยเหลือเกษตรกรผู้ปลูกข้าว",
                ),
                text_article("it", "Il governo a Pechino", "Nessun ideogramma qui."),
            ],
            Origin::User,
        )
        .expect("upsert");
    let one = |id: &str| vec![id.to_string()];
    // Two-character words inside longer unspaced runs.
    assert_eq!(ids_for(&store, "智能"), one("zh"));
    assert_eq!(ids_for(&store, "北京"), one("zh"));
    assert_eq!(ids_for(&store, "人工智能 规划"), one("zh"));
    assert_eq!(ids_for(&store, "選挙"), one("ja"));
    assert_eq!(ids_for(&store, "投票率"), one("ja"));
    assert_eq!(ids_for(&store, "서울"), one("ko"));
    assert_eq!(ids_for(&store, "ไทย"), one("th"));
    assert_eq!(ids_for(&store, "มาตรการ"), one("th"));
    assert_eq!(ids_for(&store, "ข้าว"), one("th"));
    // One character: every run holding it, at its end too.
    assert_eq!(
        ids_for(&store, "京"),
        vec!["ja".to_string(), "zh".to_string()]
    );
    assert_eq!(ids_for(&store, "划"), one("zh"));
    // Runs must be whole and in order; phrases and exclusions work too.
    assert!(ids_for(&store, "智人").is_empty());
    assert!(ids_for(&store, "大学").is_empty());
    assert_eq!(ids_for(&store, "\"人工智能发展\""), one("zh"));
    assert_eq!(ids_for(&store, "京 -東京"), one("zh"));
    assert_eq!(ids_for(&store, "governo"), one("it"));
}

#[test]
fn vowel_and_tone_marks_tell_words_apart() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(
            &[
                // Thai: ข้าว (rice) and ขาว (white) differ by a tone mark.
                text_article("rice", "ราคาข้าวสูงขึ้น", "ชาวนาขายข้าวได้ราคาดี"),
                text_article("white", "บ้านสีขาว", "ทาสีขาวทั้งหลัง"),
                // Hindi: दिल्ली (Delhi) and दल (party) share consonants.
                text_article("delhi", "दिल्ली में बारिश", "दिल्ली में आज भारी बारिश हुई।"),
                text_article("party", "नया दल बना", "चुनाव से पहले एक नया दल बना।"),
            ],
            Origin::User,
        )
        .expect("upsert");
    let one = |id: &str| vec![id.to_string()];
    assert_eq!(ids_for(&store, "ข้าว"), one("rice"));
    assert_eq!(ids_for(&store, "ขาว"), one("white"));
    assert_eq!(ids_for(&store, "दिल्ली"), one("delhi"));
    assert_eq!(ids_for(&store, "दल"), one("party"));
    assert_eq!(ids_for(&store, "बारिश"), one("delhi"));
}

#[test]
fn source_and_tag_filters_fold_and_match_a_prefix_of_a_word() {
    let mut store = Store::open_in_memory().expect("store");
    let feeds = [
        ("https://bbc/news", "a", "BBC News"),
        ("https://bbc/sport", "b", "BBC Sport"),
        ("https://post", "c", "Il Post"),
        ("https://corriere", "d", "Corrière"),
    ];
    for (url, id, source) in feeds {
        let mut article = text_article(id, "La Cina", "Notizie dalla Cina.");
        article.source = Some(source.into());
        store.upsert_feed(url, &[article], None).expect("feed");
    }
    store
        .sync_tags(&[
            ("https://bbc/news".into(), vec!["Tech News".into()]),
            ("https://post".into(), vec!["italia".into()]),
        ])
        .expect("tags");
    let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for query in ["source:bbc_news", "source:\"BBC News\"", "source:BBC_News"] {
        assert_eq!(ids_for(&store, query), ids(&["a"]), "{query}");
    }
    assert_eq!(ids_for(&store, "source:bbc cina"), ids(&["a", "b"]));
    assert_eq!(ids_for(&store, "source:BBC"), ids(&["a", "b"]));
    assert_eq!(ids_for(&store, "source:post"), ids(&["c"]));
    assert_eq!(ids_for(&store, "source:corriere"), ids(&["d"]));
    assert!(ids_for(&store, "source:zzz").is_empty());
    assert_eq!(ids_for(&store, "tag:tech_news"), ids(&["a"]));
    assert_eq!(ids_for(&store, "tag:ITALIA cina"), ids(&["c"]));
    assert!(ids_for(&store, "tag:sport").is_empty());
}

#[test]
fn an_index_made_by_another_tokenizer_version_is_rebuilt() {
    let (_dir, path) = temp_store();
    {
        let mut store = Store::open(&path).expect("store");
        store
            .upsert(&[text_article("zh", "人工智能发展规划", "")], Origin::User)
            .expect("upsert");
        store.index_all(|_, _| {}).expect("index");
        store
            .conn
            .execute(
                "UPDATE meta SET value = '1' WHERE key = 'index_version'",
                [],
            )
            .expect("old version");
    }
    let mut store = Store::open(&path).expect("reopen");
    assert_eq!(store.index_state().expect("state").pending, 1);
    store.index_all(|_, _| {}).expect("index");
    assert_eq!(ids_for(&store, "智能"), ["zh".to_string()]);
}
