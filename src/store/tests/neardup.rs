//! Near-duplicate folding in "similar in your store".

use super::*;

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
    let similar = store.similar("analysis", 5, 0.0).expect("similar");
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
    let similar = store.similar("wire", 5, 0.0).expect("similar");
    assert!(similar[0].same_story, "{similar:?}");
    let mut copies: Vec<&str> = similar[0].also_in.iter().map(|a| a.id.as_str()).collect();
    copies.push(similar[0].id.as_str());
    copies.sort_unstable();
    assert_eq!(copies, ["paper-a", "paper-b"]);
    assert_eq!(similar.iter().filter(|s| s.same_story).count(), 1);
    assert!(similar.iter().skip(1).all(|s| s.also_in.is_empty()));
    assert!(similar.iter().any(|s| s.id == "analysis"));
}
