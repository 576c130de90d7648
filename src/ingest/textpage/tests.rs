use super::*;
use proptest::prelude::*;

const SEED_000: &str = include_str!("../../../assets/seeds/000_06087d0ea42c5eca.txt");
const SEED_003: &str = include_str!("../../../assets/seeds/003_b1dac1e0115a2450.txt");
const EN_NEWS: &str = include_str!("../../../tests/fixtures/textpage/en_news.txt");
const FR_ARTICLE: &str = include_str!("../../../tests/fixtures/textpage/fr_article.txt");
const DE_TITLE_FIRST: &str = include_str!("../../../tests/fixtures/textpage/de_title_first.txt");
const ZH_PAGE: &str = include_str!("../../../tests/fixtures/textpage/zh_page.txt");

fn parse(text: &str) -> Article {
    parse_text_page(text).expect("page parses")
}

fn all_text(a: &Article) -> String {
    let mut parts = vec![a.title.clone()];
    parts.extend(a.standfirst.clone());
    parts.extend(a.byline.clone());
    parts.extend(a.body.iter().cloned());
    for r in &a.related {
        parts.push(r.title.clone());
        parts.extend(r.blurb.clone());
        parts.extend(r.category.clone());
        parts.extend(r.byline.clone());
    }
    parts.join("\n")
}

fn utc(y: i64, m: u32, d: u32) -> Option<i64> {
    dates::to_unix(y, m, d)
}

#[test]
fn seed_000_title_after_body() {
    let a = parse(SEED_000);
    assert_eq!(
        a.title,
        "Ecco perché la Cina delocalizza le Big Tech (c'entra la tecnologia Usa)"
    );
    assert!(
        a.standfirst
            .as_deref()
            .is_some_and(|s| s.starts_with("Alibaba e Bytedance stanno addestrando"))
    );
    assert_eq!(a.lang.as_deref(), Some("it"));
    assert_eq!(a.byline, None);
    assert_eq!(a.body.len(), 5);
    assert!(a.body[0].starts_with("Delocalizzare, non per tagliare i costi"));
    assert!(a.body[4].ends_with("conquista dei consumatori."));
    assert!(a.id.is_empty() && a.url.is_none() && a.links.is_empty());
}

#[test]
fn seed_000_related() {
    let a = parse(SEED_000);
    assert_eq!(a.related.len(), 9);
    let first = &a.related[0];
    assert!(
        first
            .title
            .starts_with("L’errore ci fa evolvere, l’illusione no.")
    );
    assert_eq!(first.byline.as_deref(), Some("Valentina Mantua"));
    assert!(
        first
            .blurb
            .as_deref()
            .is_some_and(|b| b.starts_with("La verità, anche quando è scomoda"))
    );
    assert_eq!(
        a.related[1].title,
        "Amici mai. La Cina strozza ancora la Russia col silicio"
    );
    assert!(
        a.related[8]
            .title
            .starts_with("Un passo (concreto) per la riforma dei trattati.")
    );
    assert!(a.related.iter().all(|r| r.blurb.is_some()));
    assert!(!a.body.iter().any(|p| p.contains("Valentina Mantua")));
}

#[test]
fn seed_000_no_boilerplate() {
    let a = parse(SEED_000);
    let text = all_text(&a);
    for junk in ["Skip to main content", "×", "Iscriviti alla newsletter"] {
        assert!(!text.contains(junk), "{junk} leaked");
    }
}

#[test]
fn seed_003_header_fields() {
    let a = parse(SEED_003);
    assert_eq!(a.source.as_deref(), Some("InfoAut"));
    assert_eq!(a.title, "Sputnik Moment?");
    assert!(
        a.standfirst
            .as_deref()
            .is_some_and(|s| s.starts_with("La notizia del lancio del prodotto cinese"))
    );
    assert_eq!(a.byline.as_deref(), Some("da Radio Blackout"));
    assert_eq!(a.category.as_deref(), Some("Conflitti Globali"));
    assert_eq!(a.lang.as_deref(), Some("it"));
    assert_eq!(a.published, None);
}

#[test]
fn seed_003_body() {
    let a = parse(SEED_003);
    assert_eq!(a.body.len(), 5);
    assert!(a.body[0].starts_with("L’aspetto finanziario"));
    assert!(a.body[4].ends_with("della start up cinese Deep Seek."));
    let body = a.body.join("\n");
    for junk in [
        "Ti è piaciuto questo articolo?",
        "pubblicato il",
        "Tag correlati",
        "cinadeep seek",
        "Immagine di copertina",
    ] {
        assert!(!body.contains(junk), "{junk} in body");
    }
    assert!(!body.contains("  "), "whitespace not normalised");
}

#[test]
fn seed_003_related() {
    let a = parse(SEED_003);
    assert_eq!(a.related.len(), 19);
    let first = &a.related[0];
    assert_eq!(first.category.as_deref(), Some("Conflitti Globali"));
    assert_eq!(
        first.title,
        "La «Generazione Palestina» tra razza, classe e protagonismo conflittuale"
    );
    assert!(
        first
            .blurb
            .as_deref()
            .is_some_and(|b| b.starts_with("Come queste piazze"))
    );
    let by_title = |t: &str| a.related.iter().find(|r| r.title == t);
    assert_eq!(
        by_title("Nuova strategia Usa e chi non vuol capire").and_then(|r| r.category.as_deref()),
        Some("Approfondimenti")
    );
    assert_eq!(
        by_title("Se la Cina ha vinto").and_then(|r| r.category.as_deref()),
        Some("Culture")
    );
    assert!(!all_text(&a).contains("Immagine di copertina per il post"));
}

#[test]
fn english_page_with_nav_and_related() {
    let a = parse(EN_NEWS);
    assert_eq!(
        a.title,
        "City council approves plan to restore the old river wetlands"
    );
    assert_eq!(a.source.as_deref(), Some("The Harbour Herald"));
    assert_eq!(
        a.byline.as_deref(),
        Some("Margaret Okafor, Environment Correspondent")
    );
    assert_eq!(a.published, utc(2024, 3, 14));
    assert_eq!(
        a.standfirst.as_deref(),
        Some("The project will turn twelve hectares of drained farmland back into marsh by 2027.")
    );
    assert_eq!(a.category.as_deref(), Some("Science"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert!(a.body[0].starts_with("The city council voted on Tuesday"));
    assert!(a.body.iter().any(|p| p == "Restoring the river wetlands"));
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.ends_with("follow the wetlands restoration."))
    );
    assert!(!a.body.iter().any(|p| p.contains("Tags") || p == "Share"));
    let titles: Vec<&str> = a.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Farmers ask for clearer rules on flood compensation",
            "Why the river keeps flooding the lower town",
            "Storm season: how to prepare your home"
        ]
    );
}

#[test]
fn french_page_blank_separated_with_inline_box() {
    let a = parse(FR_ARTICLE);
    assert_eq!(
        a.title,
        "La bibliothèque municipale ouvrira désormais le dimanche"
    );
    assert_eq!(a.byline.as_deref(), Some("Julien Marchand"));
    assert_eq!(a.published, utc(2024, 3, 12));
    assert_eq!(a.category.as_deref(), Some("Société"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
    assert!(
        a.body
            .iter()
            .any(|p| p.starts_with("La décision a été votée"))
    );
    assert!(
        a.body
            .last()
            .is_some_and(|p| p.contains("venir avec leurs enfants"))
    );
    assert!(!a.body.iter().any(|p| p.contains("Lire aussi")));
    assert_eq!(a.related.len(), 2);
    assert_eq!(
        a.related[0].title,
        "Le festival du livre jeunesse revient en mai"
    );
    assert!(
        a.related[1]
            .blurb
            .as_deref()
            .is_some_and(|b| b.starts_with("Des jeux de société"))
    );
}

#[test]
fn german_page_title_first_without_related() {
    let a = parse(DE_TITLE_FIRST);
    assert_eq!(
        a.title,
        "Neue Radwege für die Innenstadt: Stadtrat gibt grünes Licht"
    );
    assert_eq!(a.byline.as_deref(), Some("Anna Becker"));
    assert_eq!(a.published, utc(2024, 3, 5));
    assert_eq!(a.lang.as_deref(), Some("de"));
    assert_eq!(a.body.len(), 3);
    assert!(a.related.is_empty());
}

#[test]
fn chinese_page() {
    let a = parse(ZH_PAGE);
    assert_eq!(a.title, "城市公园将新增三条步道");
    assert_eq!(a.published, utc(2024, 3, 5));
    assert_eq!(a.lang.as_deref(), Some("zh"));
    assert_eq!(a.body.len(), 3);
    assert!(a.body[0].starts_with("市政府周二宣布"));
    assert_eq!(a.source, None);
    let titles: Vec<&str> = a.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["城市图书馆延长开放时间", "地铁三号线年底通车"]);
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "A title for the wrapped story here\n\nThe first paragraph was wrapped by an email client at\nseventy characters, so its lines must be joined back into\none paragraph before anything else happens to it.\n\nThe second paragraph is shorter but it is still a paragraph of text.\n";
    let a = parse(text);
    assert_eq!(a.title, "A title for the wrapped story here");
    assert!(
        a.body[0].starts_with(
            "The first paragraph was wrapped by an email client at seventy characters"
        )
    );
    assert!(a.body[0].ends_with("happens to it."));
}

#[test]
fn errors() {
    assert_eq!(parse_text_page(""), Err(TextPageError::Empty));
    assert_eq!(parse_text_page(" \n\t\n  "), Err(TextPageError::Empty));
    assert_eq!(parse_text_page("abc\0def\0"), Err(TextPageError::Binary));
    let controls: String = (0..200u8).map(|b| char::from(b % 31 + 1)).collect();
    assert_eq!(parse_text_page(&controls), Err(TextPageError::Binary));
    let menu = "Home\nNews\nSport\nWeather\nContact us\nAbout\nPrivacy policy\n";
    assert!(matches!(
        parse_text_page(menu),
        Err(TextPageError::NotAPage(_))
    ));
    assert!(
        TextPageError::NotAPage("x".into())
            .to_string()
            .contains('x')
    );
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,400}") {
        let _ = parse_text_page(&s);
    }

    #[test]
    fn never_panics_on_line_soup(lines in proptest::collection::vec(
        prop_oneof![
            Just(String::new()),
            Just("By Jane Roe".to_string()),
            Just("5 aprile 2018".to_string()),
            Just("Related".to_string()),
            Just("Articoli correlati".to_string()),
            "[A-Za-zàé ]{0,60}",
            "[A-Za-z ,]{80,300}\\.",
            "[一-龥，。]{0,80}",
        ],
        0..40,
    )) {
        let _ = parse_text_page(&lines.join("\n"));
    }
}

#[test]
fn a_bulleted_list_is_the_body_and_never_the_title() {
    let items = [
        "+ Added granite, andesite and diorite stone blocks",
        "+ Added a slime block that bounces",
        "+ Added an iron trapdoor for the cellar",
        "+ Added prismarine and sea lantern blocks",
        "+ Added banners with their own patterns",
        "+ Villagers will harvest crops and plant new ones",
        "+ Mossy cobblestone and mossy stone bricks are now craftable from vines and plain blocks",
    ];
    let text = format!(
        "Game News\nPowered by Blogs\nVersion 1.8 - The Big Update\n{}\nShare this\nOlder posts\n",
        items.join("\n")
    );
    let a = parse(&text);
    assert_eq!(a.title, "Version 1.8 - The Big Update");
    let body = a.body.join("\n");
    assert!(
        body.contains("granite") && body.contains("Villagers"),
        "{body}"
    );
}

#[test]
fn a_sections_heading_over_its_first_numbered_subheading_stays_in_the_body() {
    let para = |what: &str| {
        format!(
            "{what} need water every day in summer, and the soil around them should stay \
             moist but never wet, or the roots start to rot before the first flowers open.\n"
        )
    };
    let text = format!(
        "How to Care for Hydrangeas\n{}{}Potted Hydrangea Care\n1. Choose the Right Pot\n{}\
         2. Plant\n{}Share\n",
        para("Hydrangeas in the garden"),
        para("Young shrubs"),
        para("Hydrangeas in pots"),
        para("Planted hydrangeas"),
    );
    let body = parse_text_page(&text).expect("an article").body;
    assert!(
        body.iter().any(|p| p == "Potted Hydrangea Care"),
        "{body:?}"
    );
    assert!(
        body.iter().any(|p| p == "1. Choose the Right Pot"),
        "{body:?}"
    );
}
