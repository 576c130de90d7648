//! Reading files and folders of files to import.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::kinds::not_an_article;
use super::{Format, ImportError, ParseError, Parsed, Source, looks_binary_file, parse_bytes};

/// Files larger than this are refused unless the caller raises the cap:
/// a parsed file takes several times its size in memory.
pub const DEFAULT_MAX_SIZE: u64 = 64 << 20;

/// How much of a file is read first, to refuse a binary file unread.
const SNIFF_LEN: u64 = 8192;

/// Imports a file, or every file under a folder (recursively, in sorted
/// order, skipping hidden files and folders and the files that are not
/// articles, see `kinds`).
pub fn import_path(path: &Path, max_size: u64) -> Vec<(PathBuf, Result<Parsed, ImportError>)> {
    let Listing { files, errors, .. } = list_files(path);
    let mut results: Vec<_> = files
        .into_iter()
        .map(|file| {
            let parsed = import_one(&file, max_size);
            (file, parsed)
        })
        .collect();
    results.extend(errors.into_iter().map(|(p, e)| (p, Err(e))));
    results
}

/// Reads and parses one file of at most `max_size` bytes. A file whose
/// name says it is no article (`kinds`) is refused unless it reads as
/// something stricter than a text copy (a saved page named `.cfg`...).
pub fn import_one(path: &Path, max_size: u64) -> Result<Parsed, ImportError> {
    let bytes = read_capped(path, max_size)?;
    let source = Source::default();
    let parsed = parse_bytes(&bytes, &source).map_err(|problem| ImportError::Content {
        path: path.to_path_buf(),
        problem,
    })?;
    if parsed.format == Format::TextPage
        && let Some(why) = not_an_article(path)
    {
        return Err(ImportError::NotAnArticle {
            path: path.to_path_buf(),
            why,
        });
    }
    Ok(parsed)
}

/// The bytes of a file, refused without reading further when its size is
/// over `max_size` or its first bytes are binary.
fn read_capped(path: &Path, max_size: u64) -> Result<Vec<u8>, ImportError> {
    let read_error = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |size| ImportError::TooLarge {
        path: path.to_path_buf(),
        size,
        max: max_size,
    };
    let file = File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > max_size {
        return Err(too_large(Some(size)));
    }
    // The length is only a hint: pipes and devices have none, and a file
    // may grow while it is read.
    let mut reader = file.take(max_size.saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    (&mut reader)
        .take(SNIFF_LEN)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if looks_binary_file(&bytes) {
        return Err(ImportError::Content {
            path: path.to_path_buf(),
            problem: ParseError::Binary,
        });
    }
    reader.read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > max_size {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// The files a path names, to import.
#[derive(Debug, Default)]
pub struct Listing {
    /// The path itself, or every file under a folder (recursively, sorted).
    pub files: Vec<PathBuf>,
    /// Folders that could not be read.
    pub errors: Vec<(PathBuf, ImportError)>,
    /// Files in folders left out, with why: hidden ones are not listed.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// The files a path names: itself, or every file under a folder
/// (recursively, sorted, hidden ones and those that are not articles left
/// out).
pub fn list_files(path: &Path) -> Listing {
    let mut listing = Listing::default();
    if path.is_dir() {
        collect(path, &mut listing);
    } else {
        listing.files.push(path.to_path_buf());
    }
    listing
}

fn collect(path: &Path, listing: &mut Listing) {
    if !path.is_dir() {
        match not_an_article(path) {
            Some(why) => listing.skipped.push((path.to_path_buf(), why)),
            None => listing.files.push(path.to_path_buf()),
        }
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(source) => {
            let error = ImportError::Read {
                path: path.to_path_buf(),
                source,
            };
            listing.errors.push((path.to_path_buf(), error));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        // Linked folders are skipped: they could loop back.
        .filter(|p| !(p.is_symlink() && p.is_dir()))
        .collect();
    children.sort();
    for child in children {
        collect(&child, listing);
    }
}
