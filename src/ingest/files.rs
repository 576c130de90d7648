//! Reading files and folders of files to import.

use std::path::{Path, PathBuf};

use super::{ImportError, Parsed, Source, parse_bytes};

/// Imports a file, or every file under a folder (recursively, in sorted
/// order, skipping hidden files and folders).
pub fn import_path(path: &Path) -> Vec<(PathBuf, Result<Parsed, ImportError>)> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect(path, &mut files, &mut errors);
    let mut results: Vec<_> = files
        .into_iter()
        .map(|file| {
            let parsed = import_one(&file);
            (file, parsed)
        })
        .collect();
    results.extend(errors.into_iter().map(|(p, e)| (p, Err(e))));
    results
}

/// Reads and parses one file.
pub fn import_one(path: &Path) -> Result<Parsed, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let source = Source::default();
    parse_bytes(&bytes, &source).map_err(|problem| ImportError::Content {
        path: path.to_path_buf(),
        problem,
    })
}

/// The files a path names: itself, or every file under a folder
/// (recursively, sorted, hidden ones skipped); with the folders that could
/// not be read.
pub fn list_files(path: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, ImportError)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect(path, &mut files, &mut errors);
    (files, errors)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<(PathBuf, ImportError)>) {
    if !path.is_dir() {
        files.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(source) => {
            let error = ImportError::Read {
                path: path.to_path_buf(),
                source,
            };
            errors.push((path.to_path_buf(), error));
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
        collect(&child, files, errors);
    }
}
