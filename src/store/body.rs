//! How an article's body (a JSON array of paragraphs) is kept in the
//! `body` column: as zstd-compressed bytes (a BLOB) when that saves space,
//! as plain JSON text otherwise. Stores written before compression hold
//! text only; both read the same, so nothing needs migrating.
//!
//! Bodies are most of a store's bytes, and SQLite writes each byte twice
//! (WAL, then the checkpoint): compressing them roughly halves both the
//! file and the writing an import does.

use std::cell::RefCell;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// A compressed body that does not decompress to UTF-8 text.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("compressed body: {0}")]
    Zstd(#[from] std::io::Error),
    #[error("compressed body: {0}")]
    NotUtf8(#[from] std::string::FromUtf8Error),
}

/// zstd's fastest level: about 2x on news text, at hundreds of MB/s.
const LEVEL: i32 = 1;

/// Tuned for bodies of a few kilobytes: a hash table of 4,096 entries (reset
/// for every body) and matches of at least 7 bytes. Measured on the
/// benchmark corpus: a quarter less CPU than plain level 1, for a ratio of
/// 2.12 instead of 2.20. Decompression needs no settings.
fn compressor() -> Option<zstd::bulk::Compressor<'static>> {
    use zstd::zstd_safe::CParameter;
    let mut c = zstd::bulk::Compressor::new(LEVEL).ok()?;
    c.set_parameter(CParameter::HashLog(12)).ok()?;
    c.set_parameter(CParameter::MinMatch(7)).ok()?;
    Some(c)
}

/// Bodies shorter than this stay text: too small to gain.
const MIN_COMPRESSED: usize = 256;

/// A body as written to the `body` column.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredBody {
    Text(String),
    Zstd(Vec<u8>),
}

impl StoredBody {
    /// Compresses `json` when that makes it at least a tenth smaller.
    pub fn new(json: String) -> StoredBody {
        if json.len() < MIN_COMPRESSED {
            return StoredBody::Text(json);
        }
        thread_local! {
            static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> =
                const { RefCell::new(None) };
        }
        let packed = COMPRESSOR.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = compressor();
            }
            c.as_mut()?.compress(json.as_bytes()).ok()
        });
        match packed {
            Some(bytes) if worth_it(bytes.len(), json.len()) => StoredBody::Zstd(bytes),
            _ => StoredBody::Text(json),
        }
    }

    /// The body's JSON text (decompressed when it is stored compressed).
    pub fn json(&self) -> Result<String, BodyError> {
        match self {
            StoredBody::Text(text) => Ok(text.clone()),
            StoredBody::Zstd(bytes) => unpack(bytes),
        }
    }
}

/// The JSON text of a compressed body. A decompression context is kept
/// per thread: making one for each body (about 160 KB of tables) took a
/// thirteenth of an index build.
fn unpack(bytes: &[u8]) -> Result<String, BodyError> {
    thread_local! {
        static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
            const { RefCell::new(None) };
    }
    // Bodies are written with their size in the frame header.
    let size = zstd::zstd_safe::get_frame_content_size(bytes)
        .ok()
        .flatten()
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n <= MAX_BODY);
    let raw = match size {
        Some(size) => DECOMPRESSOR.with(|slot| {
            let mut slot = slot.borrow_mut();
            let d = match &mut *slot {
                Some(d) => d,
                None => slot.insert(zstd::bulk::Decompressor::new()?),
            };
            d.decompress(bytes, size)
        })?,
        None => decode_bounded(bytes)?,
    };
    Ok(String::from_utf8(raw)?)
}

/// The largest body read (a corrupt header must not make a huge
/// allocation, nor a small hostile frame a huge output): 64 MiB.
const MAX_BODY: usize = 64 << 20;

/// A frame that does not say its size, decoded up to `MAX_BODY` bytes
/// (zstd expands a few kilobytes to gigabytes of one repeated byte).
fn decode_bounded(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut raw = Vec::new();
    zstd::stream::Decoder::new(bytes)?
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut raw)?;
    if raw.len() > MAX_BODY {
        return Err(std::io::Error::other("larger than 64 MiB"));
    }
    Ok(raw)
}

/// Compression must save a tenth: reading a blob costs a decompression.
fn worth_it(packed: usize, plain: usize) -> bool {
    packed * 10 <= plain * 9
}

impl ToSql for StoredBody {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            StoredBody::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            StoredBody::Zstd(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

/// Reads the column as it is stored, to decompress later (an index build
/// does that on its tokenizing thread).
impl FromSql for StoredBody {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(t) => String::from_utf8(t.to_vec())
                .map(StoredBody::Text)
                .map_err(FromSqlError::other),
            ValueRef::Blob(b) => Ok(StoredBody::Zstd(b.to_vec())),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

/// Reads either form of the column as JSON text.
pub struct BodyJson(pub String);

impl FromSql for BodyJson {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match StoredBody::column_result(value)? {
            StoredBody::Text(text) => Ok(BodyJson(text)),
            StoredBody::Zstd(bytes) => unpack(&bytes)
                .map(BodyJson)
                .map_err(|e| FromSqlError::Other(e.into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_bodies_are_compressed_and_read_back() {
        let paragraphs: Vec<String> = (0..40)
            .map(|i| format!("Paragrafo {i}: perché la città è cresciuta così in fretta?"))
            .collect();
        let json = serde_json::to_string(&paragraphs).unwrap();
        let stored = StoredBody::new(json.clone());
        let StoredBody::Zstd(bytes) = &stored else {
            panic!("not compressed: {stored:?}");
        };
        assert!(
            bytes.len() < json.len() / 2,
            "{} of {}",
            bytes.len(),
            json.len()
        );
        assert_eq!(unpack(bytes).unwrap(), json);
    }

    #[test]
    fn frames_without_a_size_and_damaged_frames_are_read_safely() {
        let json = serde_json::to_string(&vec!["perché no? ".repeat(50); 3]).unwrap();
        // A streamed frame does not say its size in the header.
        let mut encoder = zstd::stream::Encoder::new(Vec::new(), 1).unwrap();
        std::io::Write::write_all(&mut encoder, json.as_bytes()).unwrap();
        let streamed = encoder.finish().unwrap();
        assert_eq!(
            zstd::zstd_safe::get_frame_content_size(&streamed).unwrap(),
            None
        );
        assert_eq!(unpack(&streamed).unwrap(), json);
        // Sized frames, many in a row on one thread, then damaged ones.
        let StoredBody::Zstd(sized) = StoredBody::new(json.clone()) else {
            panic!("not compressed");
        };
        for _ in 0..3 {
            assert_eq!(unpack(&sized).unwrap(), json);
        }
        assert!(unpack(&sized[..sized.len() / 2]).is_err());
        let mut flipped = sized.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0xFF;
        flipped[last / 2] ^= 0xFF;
        assert!(unpack(&flipped).map_or(true, |text| text != json));
        assert!(unpack(b"not zstd at all").is_err());
    }

    #[test]
    fn a_small_frame_of_a_huge_body_is_refused() {
        // 3.5 KB that a stream decoder would expand to 100 MiB of zeros.
        let bomb = include_bytes!("../../tests/fixtures/fuzz/body/streamed-frame-of-100-mib.zst");
        let error = unpack(bomb).expect_err("over MAX_BODY");
        assert!(error.to_string().contains("64 MiB"), "{error}");
    }

    proptest::proptest! {
        /// The body's JSON is byte for byte what `serde_json` writes (the
        /// content digest of stored articles depends on it).
        #[test]
        fn body_json_is_serde_json(items in proptest::collection::vec("(\\PC|[\\x00-\\x1f\"\\\\/\u{7f}])*", 0..4)) {
            proptest::prop_assert_eq!(
                crate::store::json_strings(&items),
                serde_json::to_string(&items).unwrap_or_default()
            );
        }
    }

    #[test]
    fn body_json_escapes_at_every_position_of_a_chunk() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "é", "\u{7f}"] {
            for at in 0..20 {
                let items = vec![format!("{}{special}{}", "a".repeat(at), "b c".repeat(7))];
                assert_eq!(
                    crate::store::json_strings(&items),
                    serde_json::to_string(&items).unwrap_or_default(),
                    "{items:?}"
                );
            }
        }
    }

    #[test]
    fn short_and_incompressible_bodies_stay_text() {
        let short = r#"["Breve."]"#.to_string();
        assert_eq!(StoredBody::new(short.clone()), StoredBody::Text(short));
        assert!(worth_it(500, 1000));
        assert!(worth_it(900, 1000));
        assert!(!worth_it(901, 1000));
    }

    #[test]
    fn both_forms_read_through_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (body)").unwrap();
        let long = serde_json::to_string(&vec!["parola ".repeat(100); 5]).unwrap();
        for body in [StoredBody::new("[]".into()), StoredBody::new(long.clone())] {
            conn.execute("INSERT INTO t VALUES (?1)", [&body]).unwrap();
        }
        let got: Vec<String> = conn
            .prepare("SELECT body FROM t")
            .unwrap()
            .query_map([], |r| r.get::<_, BodyJson>(0).map(|b| b.0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got, vec!["[]".to_string(), long]);
        // A damaged blob is an error, not a panic or an empty article.
        conn.execute("INSERT INTO t VALUES (x'28b52ffd00')", [])
            .unwrap();
        let bad = conn.query_row("SELECT body FROM t WHERE rowid = 3", [], |r| {
            r.get::<_, BodyJson>(0)
        });
        assert!(bad.is_err());
    }
}
