//! Which files are not articles, by name: a folder of saved pages often
//! holds a README, a licence, the script that saved them or a table of
//! them, and reading those as text copies of pages would store them as
//! articles. A folder's import leaves them out, saying why; a file named
//! on its own is still read, and refused only if nothing but the lenient
//! text-copy reader would take it.

use std::path::Path;

/// Why the file at `path` is taken not to be an article, if it is.
pub fn not_an_article(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    // A project's file has its name and at most one extension: a saved
    // page named after its site ("security.example.com.post.txt") is not
    // the project's SECURITY file.
    let (stem, extensions) = name.split_once('.').unwrap_or((&name, ""));
    if PROJECT_FILES.contains(&stem) && !extensions.contains('.') {
        return Some("a README, licence or project file");
    }
    let extension = match name.rsplit_once('.') {
        Some((before, ext)) if !before.is_empty() => ext,
        _ => return None,
    };
    KINDS
        .iter()
        .find(|(extensions, _)| extensions.contains(&extension))
        .map(|(_, why)| *why)
        .or_else(|| (!ARTICLES.contains(&extension)).then_some(UNKNOWN))
}

/// Names (before their first dot) of the files that come with a project.
const PROJECT_FILES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "unlicense",
    "copying",
    "copyright",
    "notice",
    "authors",
    "contributors",
    "contributing",
    "changelog",
    "code_of_conduct",
    "security",
    "makefile",
    "dockerfile",
    "cmakelists",
    "gemfile",
    "rakefile",
    "procfile",
    "requirements",
];

/// Extensions of what the importers read: feeds, pages (also as saved
/// from servers' script names), OPML, text copies.
const ARTICLES: &[&str] = &[
    "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cgi", "xml", "rss", "atom",
    "rdf", "feed", "json", "opml", "txt", "text",
];

/// The extensions known not to be articles, with the reason given.
const KINDS: &[(&[&str], &str)] = &[
    (&["csv", "tsv", "tab"], "a table (CSV or TSV)"),
    (
        &[
            "md", "markdown", "rst", "adoc", "asciidoc", "org", "tex", "pod",
        ],
        "documentation (Markdown and the like)",
    ),
    (
        &[
            "rs", "py", "pyi", "js", "mjs", "cjs", "ts", "tsx", "jsx", "c", "h", "cc", "cpp",
            "hpp", "java", "kt", "go", "rb", "pl", "pm", "sh", "bash", "zsh", "fish", "ps1", "bat",
            "cmd", "swift", "scala", "cs", "lua", "r", "sql", "css", "scss", "less", "vue",
            "svelte", "el", "vim", "hs", "ml", "ex", "exs", "erl", "dart", "zig", "nim",
        ],
        "source code",
    ),
    (
        &[
            "toml",
            "yaml",
            "yml",
            "ini",
            "cfg",
            "conf",
            "lock",
            "jsonl",
            "ndjson",
            "log",
            "env",
            "properties",
            "plist",
        ],
        "configuration or data",
    ),
    (
        &[
            "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif", "pdf",
            "epub", "zip", "gz", "tgz", "tar", "bz2", "xz", "zst", "7z", "rar", "mp3", "mp4",
            "m4a", "ogg", "wav", "flac", "mov", "avi", "mkv", "webm", "woff", "woff2", "ttf",
            "otf", "exe", "dll", "so", "dylib", "o", "a", "class", "jar", "wasm", "db", "sqlite",
            "doc", "docx", "odt", "xls", "xlsx", "ppt", "pptx",
        ],
        "not text (an image, archive, document or program)",
    ),
];

const UNKNOWN: &str = "not a feed, web page, OPML or text copy, by its extension";

#[cfg(test)]
mod tests {
    use super::*;

    fn why(name: &str) -> Option<&'static str> {
        not_an_article(Path::new("folder").join(name).as_path())
    }

    #[test]
    fn project_files_tables_code_and_binaries_are_named() {
        for name in ["README.md", "LICENSE", "licence.txt", "COPYING", "Makefile"] {
            assert_eq!(
                why(name),
                Some("a README, licence or project file"),
                "{name}"
            );
        }
        assert_eq!(why("INDEX.tsv"), Some("a table (CSV or TSV)"));
        assert_eq!(
            why("notes.md"),
            Some("documentation (Markdown and the like)")
        );
        assert_eq!(why("save_pages.py"), Some("source code"));
        assert_eq!(why("Cargo.toml"), Some("configuration or data"));
        assert!(why("photo.JPG").is_some_and(|w| w.starts_with("not text")));
        assert_eq!(why("data.xyz"), Some(UNKNOWN));
    }

    #[test]
    fn articles_and_names_without_extension_are_read() {
        for name in [
            "changelog.blog.zwischenbilanz.txt",
            "security.googleblog.com.protection.html",
            "000_06087d0ea42c5eca.txt",
            "story.html",
            "Index.PHP",
            "feed.xml",
            "feed.json",
            "subs.opml",
            "copy of a page",
            ".hidden",
            "news.txt",
        ] {
            assert_eq!(why(name), None, "{name}");
        }
    }
}
