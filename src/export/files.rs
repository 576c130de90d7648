//! Where exported articles go: a file name from the title, a folder for
//! downloads, and writes that never replace a file already there.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: already exists (--force replaces it)", .0.display())]
    Exists(PathBuf),
    #[error("{}: cannot write: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The folder `S` saves articles into: the user's download folder, else
/// the current one.
pub fn download_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| d.download_dir().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The longest file name made from a title, in bytes (most file systems
/// allow 255; the suffix and extension need room).
const MAX_NAME: usize = 100;

/// A file name from `title`: letters, digits and single dashes, lowercase;
/// never empty, never hidden, never a path.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut name = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if name.len() + c.len_utf8() > MAX_NAME {
                break;
            }
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "article" } else { name };
    format!("{name}.{extension}")
}

/// Writes `bytes` to a new file named `name` in `dir` (made when missing):
/// when the name is taken, `-2`, `-3`… go before the extension. Returns
/// the path written.
pub fn save_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, format!(".{ext}")),
        None => (name, String::new()),
    };
    std::fs::create_dir_all(dir).map_err(|source| WriteError::Io {
        path: dir.into(),
        source,
    })?;
    for n in 1..10_000 {
        let candidate = match n {
            1 => dir.join(name),
            n => dir.join(format!("{stem}-{n}{ext}")),
        };
        match write_new(&candidate, bytes, false) {
            Err(WriteError::Exists(_)) => continue,
            other => return other.map(|()| candidate),
        }
    }
    Err(WriteError::Exists(dir.join(name)))
}

/// Writes `bytes` to `path` atomically (a temp file beside it, synced, then
/// put in place): readers never see half a file. An existing file is
/// replaced only with `replace`; otherwise it is left as it was.
pub fn write_new(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.into(),
        source,
    };
    if replace {
        return crate::fsutil::write_atomic(path, bytes).map_err(io);
    }
    if path.symlink_metadata().is_ok() {
        return Err(WriteError::Exists(path.into()));
    }
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d,
        None => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        // A hard link is made only where no file is: another process that
        // wrote the same name since the check above keeps its file.
        std::fs::hard_link(&tmp, path)
    })();
    let _ = std::fs::remove_file(&tmp);
    match result {
        Ok(()) => {
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.into()))
        }
        Err(e) => Err(io(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_titles_and_are_never_paths() {
        assert_eq!(
            file_name("Perché il caffè costa di più?", "md"),
            "perché-il-caffè-costa-di-più.md"
        );
        assert_eq!(file_name("../../etc/passwd", "md"), "etc-passwd.md");
        assert_eq!(file_name("\u{1b}]52;;\u{7}", "md"), "52.md");
        assert_eq!(file_name("...", "md"), "article.md");
        assert!(file_name(&"x".repeat(500), "md").len() <= MAX_NAME + 3);
    }

    #[test]
    fn a_taken_name_gets_a_number_and_files_are_never_replaced() {
        let dir = tempfile::tempdir().expect("tmp");
        let first = save_new(dir.path(), "a.md", b"one").expect("first");
        let second = save_new(dir.path(), "a.md", b"two").expect("second");
        let third = save_new(dir.path(), "a.md", b"three").expect("third");
        assert_eq!(first, dir.path().join("a.md"));
        assert_eq!(second, dir.path().join("a-2.md"));
        assert_eq!(third, dir.path().join("a-3.md"));
        assert_eq!(std::fs::read_to_string(&first).expect("read"), "one");
        assert!(matches!(
            write_new(&first, b"x", false),
            Err(WriteError::Exists(_))
        ));
        write_new(&first, b"x", true).expect("replaced when asked");
        assert_eq!(std::fs::read_to_string(&first).expect("read"), "x");
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("ls").count(),
            3,
            "no temp files"
        );
    }
}
