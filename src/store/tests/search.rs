//! Full-text search, similar articles and title matching.

use super::*;

fn text_article(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: vec![body.into()],
        ..Article::default()
    }
}

#[test]
fn similar_articles_come_from_the_index() {
    let mut store = Store::open_in_memory().expect("store");
    let mut items = vec![
        text_article(
            "a",
            "Chip Nvidia in Cina",
            "La Cina addestra modelli con i chip Nvidia in Malesia.",
        ),
        text_article(
            "b",
            "Nvidia e i chip",
            "I chip di Nvidia arrivano in Cina e in Malesia.",
        ),
        text_article(
            "c",
            "Calcio, il derby",
            "La partita di calcio si gioca domenica allo stadio.",
        ),
        text_article(
            "d",
            "Meteo",
            "Pioggia e vento su tutta la Cina settentrionale.",
        ),
    ];
    for n in 0..12 {
        items.push(text_article(
            &format!("f{n}"),
            &format!("Filler {n}"),
            "Parole diverse riempiono il giornale ogni giorno.",
        ));
    }
    store.upsert(&items, Origin::User).expect("upsert");
    let similar = store.similar("a", 5, 0.0).expect("similar");
    assert_eq!(similar[0].id, "b", "{similar:?}");
    assert!(
        similar[0].shared.contains(&"nvidia".to_string()),
        "{similar:?}"
    );
    assert!(similar.iter().all(|s| s.id != "c" && s.id != "a"));
    assert!(similar.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(store.similar("nope", 5, 0.0).expect("unknown").is_empty());
    // Removing an article removes it from the index too.
    store.remove("b").expect("remove");
    assert!(
        store
            .similar("a", 5, 0.0)
            .expect("similar")
            .iter()
            .all(|s| s.id != "b")
    );
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
            ],
            Origin::User,
        )
        .expect("upsert");
    let found = |t: &str| store.find_by_title(t).expect("find");
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
