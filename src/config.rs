//! Where Edicola keeps its files, and the settings read once at start-up.

use std::path::PathBuf;

/// Directories resolved from flags, environment and the platform defaults.
#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Paths {
    /// Resolves the data and config directories: explicit values first (flags or
    /// `EDICOLA_DATA` / `EDICOLA_CONFIG`, already merged by clap), then the
    /// platform's standard locations.
    pub fn resolve(data: Option<PathBuf>, config: Option<PathBuf>) -> anyhow::Result<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "edicola");
        let data_dir = match data {
            Some(d) => d,
            None => dirs
                .as_ref()
                .map(|d| d.data_dir().to_path_buf())
                .ok_or_else(|| anyhow::anyhow!("cannot find a home directory: set EDICOLA_DATA"))?,
        };
        let config_dir = match config {
            Some(c) => c,
            None => dirs
                .as_ref()
                .map(|d| d.config_dir().to_path_buf())
                .ok_or_else(|| {
                    anyhow::anyhow!("cannot find a home directory: set EDICOLA_CONFIG")
                })?,
        };
        Ok(Paths {
            data_dir,
            config_dir,
        })
    }

    pub fn store_file(&self) -> PathBuf {
        self.data_dir.join("edicola.db")
    }

    pub fn subscriptions_file(&self) -> PathBuf {
        self.config_dir.join("subscriptions.toml")
    }

    pub fn searches_file(&self) -> PathBuf {
        self.config_dir.join("searches.toml")
    }

    /// Ignore rules (see `crate::ignore`).
    pub fn ignore_file(&self) -> PathBuf {
        self.config_dir.join(crate::ignore::FILE_NAME)
    }

    /// The settings (see `crate::settings`).
    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join(crate::settings::FILE_NAME)
    }

    pub fn keymap_file(&self) -> PathBuf {
        self.config_dir.join("keymap.toml")
    }
}

/// True when the `NO_COLOR` convention asks for no colours (set and not empty).
pub fn no_color_requested(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}
