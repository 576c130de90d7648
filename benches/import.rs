//! The parsing half of an import, per 200 articles of about 550 words: an
//! RSS 2.0 file like `../shared/bench/gen_corpus.py` writes (HTML bodies in
//! escaped `<description>`s) parsed to articles, the text key, and all of
//! `Prepared::new` (control characters checked, JSON columns, keys, content
//! hash, compressed body), and the control-character check alone.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use edicola::ingest::{Source, clean, parse_bytes};
use edicola::model::Article;
use edicola::store::Prepared;
use edicola::text::first_terms_hash;

const ITEMS: usize = 200;

/// Escapes text for XML.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An RSS 2.0 document of `articles`, bodies as escaped HTML paragraphs.
fn rss(articles: &[Article]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n\
         <title>Testata</title><link>http://feed.example/</link><language>it</language>\n",
    );
    for (i, a) in articles.iter().enumerate() {
        let url = a.url.as_deref().unwrap_or_default();
        let html: String = a.body.iter().map(|p| format!("<p>{p}</p>")).collect();
        out += &format!(
            "<item><title>{}</title><link>{url}</link><guid>{url}</guid>\
             <pubDate>Thu, 01 Jan 2026 00:{:02}:00 +0000</pubDate>\
             <category>topic</category><description>{}</description></item>\n",
            xml(&a.title),
            i % 60,
            xml(&html),
        );
    }
    out + "</channel></rss>\n"
}

fn import(c: &mut Criterion) {
    let generator = common::Generator::default();
    let articles: Vec<Article> = (0..ITEMS).map(|i| generator.article(i)).collect();
    let feed = rss(&articles);
    let source = Source {
        url: None,
        content_type: None,
    };
    let parsed = parse_bytes(feed.as_bytes(), &source).expect("the bench feed parses");
    assert_eq!(parsed.articles.len(), ITEMS);
    let mut group = c.benchmark_group("import_200");
    group.bench_function("parse_rss", |b| {
        b.iter(|| black_box(parse_bytes(black_box(feed.as_bytes()), &source)))
    });
    group.bench_function("text_key", |b| {
        b.iter(|| {
            for a in &parsed.articles {
                black_box(first_terms_hash(black_box(&a.body), 120));
            }
        })
    });
    // The control-character check `Prepared::new` starts with, alone: on
    // clean text a scan that copies nothing.
    group.bench_function("clean", |b| {
        b.iter_batched(
            || parsed.articles.clone(),
            |mut articles| {
                for a in &mut articles {
                    clean::article(black_box(a));
                }
                articles
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("prepare", |b| {
        b.iter_batched(
            || parsed.articles.clone(),
            |articles| {
                for a in articles {
                    black_box(Prepared::new(a));
                }
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
