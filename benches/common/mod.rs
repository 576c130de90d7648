//! Shared by the benches: a deterministic generator of Italian-ish news
//! articles (Zipf word frequencies, topics so that "similar" has something
//! to find, related headlines and links like imported pages have) and
//! stores built from it once per bench run in a temporary directory.
//!
//! Sizes: 1,000 and 10,000 articles; `EDICOLA_BENCH_SIZES=1000,10000,100000`
//! chooses others (100,000 take about two minutes to build, per bench, unless
//! `EDICOLA_BENCH_DIR=DIR` keeps the stores there for the next runs).
#![allow(dead_code, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use edicola::ingest::with_id;
use edicola::model::{Article, Link, RelatedEntry};
use edicola::store::{Filter, Origin, Store};

/// Article counts to bench, from `EDICOLA_BENCH_SIZES` or the default.
pub fn sizes() -> Vec<usize> {
    match std::env::var("EDICOLA_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|n| {
                n.trim()
                    .replace('_', "")
                    .parse()
                    .expect("EDICOLA_BENCH_SIZES: comma-separated article counts")
            })
            .collect(),
        Err(_) => vec![1_000, 10_000],
    }
}

/// The query of the search bench: two words of middling frequency.
pub const QUERY: &str = "governo europa";

/// The most frequent words, most frequent first (ranks 1..): Italian function
/// words, then news vocabulary with accents. A long tail of made-up words
/// follows them (see `Words`).
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "di", "e", "il", "la", "che", "a", "in", "per", "un", "è", "del", "non", "una", "della", "con",
    "i", "le", "da", "si", "al", "dei", "più", "come", "anche", "nel", "ma", "sono", "delle",
    "alla", "ha", "nella", "gli", "dal", "tra", "lo", "perché", "se", "ci", "già", "può", "governo",
    "paese", "anni", "così", "stato", "prima", "dopo", "città", "mercato", "presidente", "ministro",
    "secondo", "oggi", "politica", "società", "europa", "guerra", "economia", "lavoro", "parte",
    "tempo", "accordo", "sicurezza", "energia", "crisi", "milioni", "mondo", "tecnologia",
    "regione", "però", "attività", "università", "ricerca", "scienza", "salute", "elezioni",
    "partito", "sindaco", "comune", "libertà", "verità", "qualità", "identità", "difesa", "cina",
    "russia", "stati", "uniti", "italia", "francia", "germania", "intelligenza", "artificiale",
    "dati", "chip", "industria", "imprese", "banca", "tassi", "inflazione", "prezzi", "bilancio",
    "riforma", "legge", "decreto", "tribunale", "giudice", "sentenza", "polizia", "indagine",
    "scuola", "studenti", "ospedale", "medici", "clima", "ambiente", "acqua", "siccità", "porto",
    "navi", "ferrovie", "treni", "autostrade", "turismo", "cultura", "museo", "cinema", "musica",
    "calcio", "squadra", "campionato", "diritti", "sindacati", "sciopero", "salari", "pensioni",
    "famiglie", "giovani", "donne", "immigrazione", "confini", "trattato", "vertice", "alleanza",
    "nato", "missili", "satelliti", "spazio", "ricostruzione", "investimenti", "esportazioni",
    "dazi", "sanzioni", "gas", "petrolio", "rinnovabili", "nucleare", "ucraina", "medio", "oriente",
    "africa", "america", "asia", "pechino", "washington", "bruxelles", "roma", "milano", "napoli",
];

/// Words by frequency rank: `COMMON`, then syllable-built words, with Zipf
/// weights (exponent 1.05) for sampling.
pub struct Words {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Words {
    pub fn new(size: usize) -> Words {
        const SYLLABLES: &[&str] = &[
            "ca", "ri", "to", "ne", "la", "mo", "ste", "pa", "gio", "ver", "chi", "lu", "dra",
            "sco", "ben", "tà", "zio", "per", "ma", "fe", "gli", "oro", "nu", "vi", "sa", "tre",
            "ci", "può",
        ];
        let mut words: Vec<String> = COMMON.iter().map(|w| w.to_string()).collect();
        let mut n = 0usize;
        while words.len() < size {
            let mut word = String::new();
            let mut k = n;
            for _ in 0..3 + n % 2 {
                word.push_str(SYLLABLES[k % SYLLABLES.len()]);
                k /= SYLLABLES.len();
                k += 7;
            }
            n += 1;
            words.push(word);
        }
        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|rank| {
                total += 1.0 / ((rank + 1) as f64).powf(1.05);
                total
            })
            .collect();
        Words { words, cumulative }
    }

    /// A word drawn with Zipf frequencies.
    pub fn sample(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let rank = self.cumulative.partition_point(|c| *c < x);
        &self.words[rank.min(self.words.len() - 1)]
    }

    pub fn get(&self, rank: usize) -> &str {
        &self.words[rank % self.words.len()]
    }
}

/// SplitMix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const TOPICS: usize = 200;
const TOPIC_WORDS: usize = 12;
const SOURCES: usize = 50;

/// Makes article number `i` of a corpus; each article depends only on its
/// number, so related headlines can name other articles' titles.
pub struct Generator {
    words: Words,
}

impl Default for Generator {
    fn default() -> Self {
        Generator {
            words: Words::new(20_000),
        }
    }
}

impl Generator {
    fn rng(i: usize, salt: u64) -> Rng {
        Rng::new((i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D) ^ salt)
    }

    fn topic(i: usize) -> usize {
        Self::rng(i, 1).below(TOPICS)
    }

    /// A word for an article of `topic`: one in eight is one of the topic's
    /// own words, the rest follow the general frequencies.
    fn word(&self, topic: usize, rng: &mut Rng) -> String {
        let pick = rng.next();
        if pick % 8 == 0 {
            let k = (pick >> 8) as usize % TOPIC_WORDS;
            self.words.get(150 + topic * 37 + k * 1_013).to_string()
        } else {
            self.words.sample(rng).to_string()
        }
    }

    fn sentence(&self, topic: usize, len: usize, rng: &mut Rng) -> String {
        let mut words: Vec<String> = (0..len).map(|_| self.word(topic, rng)).collect();
        if let Some(first) = words.first_mut() {
            *first = capitalize(first);
        }
        words.join(" ")
    }

    /// The title of article `i`.
    pub fn title(&self, i: usize) -> String {
        let mut rng = Self::rng(i, 2);
        let len = 5 + rng.below(6);
        self.sentence(Self::topic(i), len, &mut rng)
    }

    fn url(i: usize) -> String {
        format!("https://testata{}.example.it/articolo/{i}", i % SOURCES)
    }

    /// Article `i`: about 550 words in 5 to 8 paragraphs, a standfirst, and
    /// for one article in four the related headlines its page listed (other
    /// articles' titles, some shortened, and one not stored) and links.
    pub fn article(&self, i: usize) -> Article {
        let topic = Self::topic(i);
        let mut rng = Self::rng(i, 3);
        let words = 450 + rng.below(200);
        let paragraphs = 5 + rng.below(4);
        let body = (0..paragraphs)
            .map(|_| {
                let mut left = words / paragraphs;
                let mut sentences = Vec::new();
                while left > 0 {
                    let len = (8 + rng.below(18)).min(left);
                    left -= len;
                    sentences.push(self.sentence(topic, len, &mut rng) + ".");
                }
                sentences.join(" ")
            })
            .collect();
        let mut related = Vec::new();
        let mut links = Vec::new();
        if i % 4 == 0 && i >= 20 {
            for (n, other) in [i - 7, i - 13, i - 19].into_iter().enumerate() {
                let mut title = self.title(other);
                if n == 1 {
                    // Sites shorten headlines: the fuzzy match finds these.
                    title = title
                        .rsplit_once(' ')
                        .map_or(title.clone(), |(head, _)| head.into());
                }
                related.push(RelatedEntry {
                    title,
                    blurb: Some(self.sentence(topic, 14, &mut rng)),
                    category: Some(format!("Sezione {}", topic % 12)),
                    url: Some(Self::url(other)),
                    ..RelatedEntry::default()
                });
            }
            related.push(RelatedEntry {
                title: self.sentence(topic, 8, &mut rng),
                ..RelatedEntry::default()
            });
            links.push(Link {
                text: self.sentence(topic, 4, &mut rng),
                url: Self::url(i - 1),
            });
            links.push(Link {
                text: "Fonte".into(),
                url: format!("https://altrove.example.org/{i}"),
            });
        }
        with_id(Article {
            title: self.title(i),
            source: Some(format!("Testata {}", i % SOURCES)),
            url: Some(Self::url(i)),
            byline: Some(format!("di {}", capitalize(self.words.get(400 + i % 300)))),
            published: Some(1_700_000_000 + i as i64 * 900),
            standfirst: Some(self.sentence(topic, 25, &mut rng) + "."),
            category: Some(format!("Sezione {}", topic % 12)),
            lang: Some("it".into()),
            body,
            related,
            links,
            ..Article::default()
        })
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Bump when `Generator` or `build` changes, so that stores kept in
/// `EDICOLA_BENCH_DIR` are rebuilt.
const GENERATOR_VERSION: u32 = 2;

/// A store of `size` generated articles: in its own temporary directory,
/// removed when dropped; or, when `EDICOLA_BENCH_DIR` is set, kept there
/// and reused by later runs (building 100,000 articles takes minutes).
pub struct BenchStore {
    pub size: usize,
    dir: PathBuf,
    _temporary: Option<tempfile::TempDir>,
}

impl BenchStore {
    pub fn get(size: usize) -> BenchStore {
        let Some(root) = std::env::var_os("EDICOLA_BENCH_DIR").map(PathBuf::from) else {
            let temporary = tempfile::Builder::new()
                .prefix("edicola-bench-")
                .tempdir()
                .expect("a temporary directory");
            build(temporary.path(), size);
            return BenchStore {
                size,
                dir: temporary.path().to_path_buf(),
                _temporary: Some(temporary),
            };
        };
        let dir = root.join(format!("store-{size}-g{GENERATOR_VERSION}"));
        if !dir.join("edicola.db").exists() {
            std::fs::create_dir_all(&root).expect("EDICOLA_BENCH_DIR can be created");
            let building = tempfile::Builder::new()
                .prefix(".building-")
                .tempdir_in(&root)
                .expect("a directory in EDICOLA_BENCH_DIR");
            build(building.path(), size);
            std::fs::rename(building.keep(), &dir).expect("the built store moved in place");
        }
        BenchStore {
            size,
            dir,
            _temporary: None,
        }
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join("edicola.db")
    }

    pub fn open(&self) -> Store {
        Store::open(&self.file()).expect("open the bench store")
    }
}

/// Fills a new store in `dir` through the public upsert API, 1,000
/// articles per transaction, then builds the search index, as an import
/// would.
fn build(dir: &Path, size: usize) {
    let started = Instant::now();
    let generator = Generator::default();
    let mut store = Store::open(&dir.join("edicola.db")).expect("a new store");
    let mut start = 0;
    while start < size {
        let end = (start + 1_000).min(size);
        let batch: Vec<Article> = (start..end).map(|i| generator.article(i)).collect();
        store.upsert(&batch, Origin::User).expect("import");
        start = end;
    }
    let stored = store.count(&Filter::all()).expect("count");
    assert_eq!(stored, size, "every generated article is stored once");
    // As after an import: the search index (and its frequency snapshot)
    // built from the queue the batches left.
    store.index_all(|_, _| {}).expect("index");
    eprintln!(
        "bench store: {size} articles built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// One store per size in `sizes()`.
pub fn stores() -> Vec<BenchStore> {
    sizes().into_iter().map(BenchStore::get).collect()
}

/// A long Italian article (accents, about 1,100 words) and a CJK paragraph,
/// for the wrapping bench.
pub fn long_article() -> Article {
    let generator = Generator::default();
    let mut article = generator.article(4_000);
    let more = generator.article(4_001);
    article.body.extend(more.body);
    article.body.push(CJK.repeat(3));
    article
}

pub const CJK: &str = "東京の朝は雨でした。電車はとても混んでいて、人々は傘を持って静かに立っていました。\
駅の外では新しいビルの工事が続き、ニュースは経済と選挙について伝えています。\
中国と日本の企業は人工知能の研究に投資を増やし、大学との協力も広がっています。";
