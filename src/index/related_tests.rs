//! "Similar in your store" on small stores: the ranking rules, and
//! near-duplicate folding (no wrong folds).

use super::key::idf;
use super::*;
use crate::model::Article;
use crate::store::Origin;

/// The same wire story as printed by three outlets, and two other stories
/// on the same subject (they share its distinctive terms, not its text).
const WIRE: [&str; 3] = [
    "The European Central Bank raised its deposit rate by a quarter point on Thursday, the third increase this year.",
    "Frankfurt policymakers pointed to stubborn inflation in services and to wages rising faster than productivity across the euro area.",
    "Christine Lagarde told reporters that further increases could not be ruled out if energy prices kept climbing through the winter, while bond yields in Italy and Spain rose after the announcement.",
];

fn stored(id: &str, source: &str, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        source: Some(source.into()),
        body: paragraphs.iter().map(|p| (*p).to_string()).collect(),
        ..Article::default()
    }
}

fn store_with_copies() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let mut items = vec![
        stored("wire", "Wire", "ECB raises rates again", &WIRE),
        // Another headline and lead paragraph, the rest as sent.
        stored(
            "paper-a",
            "Paper A",
            "ECB lifts rates for a third time this year",
            &[
                "Borrowing in the euro area got dearer again as the central bank moved on rates.",
                WIRE[1],
                WIRE[2],
            ],
        ),
        // The wire text under the paper's boilerplate.
        stored(
            "paper-b",
            "Paper B",
            "ECB raises rates again",
            &[
                WIRE[0],
                WIRE[1],
                WIRE[2],
                "Sign up for our morning newsletter to get the day's top stories in your inbox.",
            ],
        ),
        stored(
            "analysis",
            "Paper A",
            "What higher ECB rates mean for Italian bonds",
            &[
                "Italian bond yields climbed as investors weighed what another central bank rate increase means for the euro area's most indebted governments.",
                "Traders said Lagarde gave no sign of a pause, and that Spain looked safer than Italy because its deficit is shrinking.",
            ],
        ),
        stored(
            "mortgages",
            "Paper B",
            "Mortgage rates follow the ECB higher",
            &[
                "Banks in Spain and Italy raised mortgage rates within hours of the central bank decision on Thursday, as Lagarde warned inflation in services was stubborn.",
                "Households on variable loans face higher payments through the winter, brokers said, while energy prices keep climbing.",
            ],
        ),
    ];
    for n in 0..12 {
        items.push(stored(
            &format!("filler{n}"),
            "Other",
            &format!("Filler {n}"),
            &["Local football results and the weather for the weekend."],
        ));
    }
    store.upsert(&items, Origin::User).expect("upsert");
    store
}

#[test]
fn copies_of_one_story_are_one_entry_with_also_in() {
    let store = store_with_copies();
    let similar = related(&store, "analysis", 5).expect("similar");
    let wire_copies: Vec<&Similar> = similar
        .iter()
        .filter(|s| ["wire", "paper-a", "paper-b"].contains(&s.id.as_str()))
        .collect();
    assert_eq!(wire_copies.len(), 1, "one entry for the story: {similar:?}");
    let entry = wire_copies[0];
    let mut folded: Vec<&str> = entry.also_in.iter().map(|a| a.id.as_str()).collect();
    folded.push(entry.id.as_str());
    folded.sort_unstable();
    assert_eq!(folded, ["paper-a", "paper-b", "wire"]);
    assert!(entry.also_in.iter().all(|a| a.source.is_some()));
    assert!(!entry.same_story);
    // A different story on the same subject stays its own entry.
    let other = similar
        .iter()
        .find(|s| s.id == "mortgages")
        .expect("the mortgages story is similar");
    assert!(other.also_in.is_empty() && !other.same_story);
}

#[test]
fn copies_of_the_open_article_come_first_as_the_same_story() {
    let store = store_with_copies();
    let similar = related(&store, "wire", 5).expect("similar");
    assert!(similar[0].same_story, "{similar:?}");
    let mut copies: Vec<&str> = similar[0].also_in.iter().map(|a| a.id.as_str()).collect();
    copies.push(similar[0].id.as_str());
    copies.sort_unstable();
    assert_eq!(copies, ["paper-a", "paper-b"]);
    assert_eq!(similar.iter().filter(|s| s.same_story).count(), 1);
    assert!(similar.iter().skip(1).all(|s| s.also_in.is_empty()));
    assert!(similar.iter().any(|s| s.id == "analysis"));
}

fn text_article(id: &str, title: &str, body: &str, lang: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: vec![body.into()],
        lang: Some(lang.into()),
        ..Article::default()
    }
}

/// Stores `items` and asks for the list of article "open", which must
/// start with article "story".
fn related_led_by_story(store: &mut Store, items: &[Article]) -> Vec<Similar> {
    store.upsert(items, Origin::User).expect("upsert");
    let similar = related(store, "open", 5).expect("similar");
    assert_eq!(
        similar.first().map(|s| s.id.as_str()),
        Some("story"),
        "{similar:?}"
    );
    similar
}

fn fillers(items: &mut Vec<Article>, n: usize, lang: &str) {
    for k in 0..n {
        items.push(text_article(
            &format!("{lang}-filler{k}"),
            &format!("Notes {k}"),
            "Local football results and the weather for the weekend ahead.",
            lang,
        ));
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
            "it",
        ),
        text_article(
            "b",
            "Nvidia e i chip",
            "I chip di Nvidia arrivano in Cina e in Malesia.",
            "it",
        ),
        text_article(
            "c",
            "Calcio, il derby",
            "La partita di calcio si gioca domenica allo stadio.",
            "it",
        ),
    ];
    fillers(&mut items, 12, "it");
    store.upsert(&items, Origin::User).expect("upsert");
    let similar = related(&store, "a", 5).expect("similar");
    assert_eq!(similar[0].id, "b", "{similar:?}");
    assert!(
        similar[0].shared.contains(&"nvidia".to_string()),
        "{similar:?}"
    );
    assert!(similar[0].percent > 0 && similar[0].percent <= 100);
    assert!(similar.iter().all(|s| s.id != "c" && s.id != "a"));
    assert!(related(&store, "nope", 5).expect("unknown").is_empty());
    store.remove("b").expect("remove");
    let after = related(&store, "a", 5).expect("similar");
    assert!(after.iter().all(|s| s.id != "b"), "{after:?}");
}

#[test]
fn a_one_word_headline_overlap_does_not_rank() {
    let mut store = Store::open_in_memory().expect("store");
    let mut items = vec![
        text_article(
            "open",
            "Volcano erupts near Catania",
            "Etna sent lava and ash over Catania airport, which closed its runway while \
             volcanologists watched the eruption column rise above the crater.",
            "en",
        ),
        text_article(
            "story",
            "Catania airport shut by ash",
            "Flights were diverted after Etna covered the runway with ash; volcanologists \
             expect the eruption to calm within days.",
            "en",
        ),
    ];
    // Quips sharing one headline word with the open article, and nothing else.
    for k in 0..6 {
        items.push(text_article(
            &format!("quip{k}"),
            &format!("Volcano of emotions number {k}"),
            "A singer thanked the fans after a concert full of surprises and tears.",
            "en",
        ));
    }
    fillers(&mut items, 10, "en");
    let similar = related_led_by_story(&mut store, &items);
    assert!(
        similar.iter().all(|s| !s.id.starts_with("quip")),
        "one shared word is no reason: {similar:?}"
    );
}

#[test]
fn articles_in_the_open_language_come_first() {
    let mut store = Store::open_in_memory().expect("store");
    let story = "Heavy rain flooded Valencia overnight; firefighters rescued drivers \
                 trapped in cars and the regional government opened shelters.";
    let mut items = vec![
        text_article("open", "Floods in Valencia", story, "en"),
        // The same story in Spanish shares the names, and is less like it.
        text_article(
            "es",
            "Inundaciones en Valencia",
            "Lluvias torrenciales en Valencia: bomberos rescatan conductores atrapados.",
            "es",
        ),
        // The same story in English, told with fewer of its words.
        text_article(
            "en",
            "Valencia floods: shelters open",
            "Firefighters in Valencia rescued trapped drivers after overnight rain.",
            "en",
        ),
        // A copy in Spanish-tagged metadata with the English text: clearly
        // the same story, so it may be listed, after the English one.
        text_article("copy", "Floods in Valencia", story, "es"),
    ];
    fillers(&mut items, 10, "en");
    fillers(&mut items, 10, "es");
    store.upsert(&items, Origin::User).expect("upsert");
    let similar = related(&store, "open", 5).expect("similar");
    let ids: Vec<&str> = similar.iter().map(|s| s.id.as_str()).collect();
    let en = ids.iter().position(|i| *i == "en").expect("english entry");
    assert!(
        !ids.contains(&"es"),
        "a weak match in another language: {ids:?}"
    );
    if let Some(copy) = ids.iter().position(|i| *i == "copy") {
        assert!(similar[copy].same_story || copy > en, "{ids:?}");
    }
    assert!(
        similar
            .iter()
            .filter(|s| !s.same_story)
            .all(|s| s.same_lang || s.score >= 0.4)
    );
}

#[test]
fn ordinary_words_of_a_minority_language_do_not_outweigh_names() {
    // A mostly English store: "nuovo" and "ricerca" are in fewer articles
    // overall than "Meloni" (in the English news too), but in every
    // Italian one. Without per-language frequencies they would look rarer
    // than the names, and the museum would be the best match.
    let mut store = Store::open_in_memory().expect("store");
    let mut items = vec![
        text_article(
            "open",
            "Nuovo governo Meloni, la ricerca di un accordo",
            "Meloni cerca un nuovo accordo con Tajani: la ricerca continua.",
            "it",
        ),
        text_article(
            "story",
            "Meloni e Tajani",
            "Meloni e Tajani si vedono oggi.",
            "it",
        ),
        text_article(
            "ordinary",
            "Un nuovo museo",
            "Nuovo museo della ricerca: un nuovo percorso per la ricerca.",
            "it",
        ),
    ];
    for k in 0..25 {
        items.push(text_article(
            &format!("it{k}"),
            &format!("Notizia {k}"),
            "Un nuovo studio e una nuova ricerca sul clima.",
            "it",
        ));
    }
    for k in 0..40 {
        items.push(text_article(
            &format!("names{k}"),
            &format!("Rome {k}"),
            "Meloni and Tajani met European leaders in Brussels.",
            "en",
        ));
    }
    fillers(&mut items, 300, "en");
    let similar = related_led_by_story(&mut store, &items);
    assert!(similar.iter().all(|s| s.id != "ordinary"), "{similar:?}");
}

#[test]
fn idf_drops_words_in_no_other_article_and_in_most() {
    assert_eq!(idf(1.0, 1000.0, None), None);
    assert_eq!(idf(600.0, 1000.0, None), None);
    let rare = idf(3.0, 1000.0, None).expect("rare");
    let floored = idf(3.0, 1000.0, Some(0.4)).expect("ordinary in its language");
    assert!(floored < rare / 3.0, "{floored} vs {rare}");
    assert_eq!(idf(3.0, 1000.0, Some(0.6)), None);
}

#[test]
fn same_language_ignores_regions_and_unknowns() {
    assert!(same_language(Some("en-GB"), Some("en")));
    assert!(same_language(None, Some("it")));
    assert!(!same_language(Some("it"), Some("es")));
}

#[test]
fn another_language_comes_between_close_and_weak_entries_of_the_open_one() {
    let entry = |id: &str, same_lang: bool, score: f64| Similar {
        id: id.into(),
        title: String::new(),
        source: None,
        score,
        percent: 0,
        lang: None,
        same_lang,
        shared: Vec::new(),
        also_in: Vec::new(),
        same_story: false,
    };
    let mut entries = vec![
        entry("weak", true, 0.12),
        entry("abroad", false, 0.6),
        entry("close", true, 0.45),
        entry("weaker", true, 0.08),
        entry("closer", true, 0.7),
    ];
    rank(&mut entries);
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["closer", "close", "abroad", "weak", "weaker"]);
}

#[test]
fn the_same_story_in_another_language_is_found_by_its_names() {
    let mut store = Store::open_in_memory().expect("store");
    let mut items = vec![
        text_article(
            "open",
            "Les sets de Playmobil Migros vendus 500 francs sur Ricardo",
            "Les collectionneurs s'arrachent les figurines offertes par Migros: sur Ricardo, \
             certains sets Playmobil de la collection partent déjà pour 500 francs, bien plus \
             que leur valeur en magasin. Des parents se plaignent de ne plus trouver les sachets \
             à la caisse et le distributeur rappelle que l'action dure jusqu'en octobre.",
            "fr",
        ),
        text_article(
            "story",
            "500 Franken für Migros-Playmobil: Sammelaktion eskaliert",
            "Die Sammelfiguren von Migros werden auf Ricardo teuer gehandelt: Für komplette \
             Playmobil-Sets verlangen Verkäufer bis zu 500 Franken. Eltern ärgern sich, weil die \
             Tüten an der Kasse knapp werden, und der Detailhändler verweist auf das Ende der \
             Aktion im Oktober.",
            "de",
        ),
    ];
    fillers(&mut items, 10, "fr");
    fillers(&mut items, 10, "de");
    store.upsert(&items, Origin::User).expect("upsert");
    let similar = related(&store, "open", 5).expect("similar");
    let story = similar.iter().find(|s| s.id == "story");
    assert!(story.is_some_and(|s| !s.same_lang), "{similar:?}");
}
