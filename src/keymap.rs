//! The keymap as data: an embedded default TOML patched by the user's file.
//! Lookup is a pure function of (context, key).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

const DEFAULT: &str = include_str!("../assets/keymap.toml");

/// Where a binding applies. Pane contexts win over `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    List,
    Reader,
    Sidebar,
    Feeds,
    Overlay,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "Article list",
            Context::Reader => "Reading pane",
            Context::Sidebar => "Related sidebar",
            Context::Feeds => "Feeds pane",
            Context::Overlay => "Help and popups",
        }
    }
}

/// A mistake in a keymap file, on one line: file, line (and column), what.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}:{line}: [{context}] {key:?}: {problem}", path.display())]
    Key {
        path: PathBuf,
        line: usize,
        context: String,
        key: String,
        problem: UnknownKey,
    },
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl KeymapError {
    /// The message with `error:` after the place, as settings problems are
    /// shown.
    pub fn as_error(&self) -> String {
        match self {
            KeymapError::Parse {
                path,
                line,
                column,
                message,
            } => format!("{}:{line}:{column}: error: {message}", path.display()),
            KeymapError::Key {
                path,
                line,
                context,
                key,
                problem,
            } => format!(
                "{}:{line}: error: [{context}] {key:?}: {problem}",
                path.display()
            ),
            KeymapError::Read { path, source } => {
                format!("{}: error: cannot read: {source}", path.display())
            }
        }
    }
}

/// Keys bound to actions, per context.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<(Context, String), Action>,
}

type RawKeymap = BTreeMap<Context, BTreeMap<toml::Spanned<String>, Action>>;

impl Keymap {
    /// The built-in keys.
    pub fn builtin() -> Result<Keymap, KeymapError> {
        let mut map = Keymap {
            bindings: HashMap::new(),
        };
        map.patch(Path::new("<built-in keymap>"), DEFAULT)?;
        Ok(map)
    }

    /// The built-in keys patched by the user's file, if it exists.
    pub fn load(user_file: &Path) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::builtin()?;
        match crate::fsutil::read_optional(user_file) {
            Ok(Some(text)) => map.patch(user_file, &text)?,
            Ok(None) => {}
            Err(source) => {
                return Err(KeymapError::Read {
                    path: user_file.to_path_buf(),
                    source,
                });
            }
        }
        Ok(map)
    }

    /// The user's keys, or the built-in ones and the mistake that kept the
    /// user's file from being used (the reader starts either way).
    pub fn load_or_builtin(user_file: &Path) -> (Keymap, Option<KeymapError>) {
        match Keymap::load(user_file) {
            Ok(map) => (map, None),
            Err(e) => (
                Keymap::builtin().unwrap_or_else(|_| Keymap {
                    bindings: HashMap::new(),
                }),
                Some(e),
            ),
        }
    }

    /// Applies a TOML keymap over this one, binding by binding.
    pub fn patch(&mut self, path: &Path, text: &str) -> Result<(), KeymapError> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let raw: RawKeymap = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let before = &text[..offset.min(text.len())];
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            KeymapError::Parse {
                path: path.to_path_buf(),
                line: line_of(offset),
                column,
                message: parse_message(e.message()),
            }
        })?;
        for (context, keys) in raw {
            for (spec, action) in keys {
                let line = line_of(spec.span().start);
                let spec = spec.into_inner();
                let key = canonical_spec(&spec).map_err(|problem| KeymapError::Key {
                    path: path.to_path_buf(),
                    line,
                    context: format!("{context:?}").to_lowercase(),
                    key: spec.clone(),
                    problem,
                })?;
                self.bindings.insert((context, key), action);
            }
        }
        Ok(())
    }

    /// The action for a key in a context: the context's own binding first,
    /// then the global one (not for overlays' own keys, which are complete).
    pub fn lookup(&self, context: Context, key: &KeyEvent) -> Option<Action> {
        let name = key_name(key)?;
        let action = self
            .bindings
            .get(&(context, name.clone()))
            .or_else(|| self.bindings.get(&(Context::Global, name)))
            .copied()?;
        (action != Action::None).then_some(action)
    }

    /// The keys that trigger `action` in `context` (its own or global),
    /// in a stable order, for help and hints.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|((c, k), a)| {
                **a == action
                    && (*c == context
                        || (*c == Context::Global
                            && !self.bindings.contains_key(&(context, k.clone()))))
            })
            .map(|((_, k), _)| k.clone())
            .collect();
        keys.sort_by_key(|k| (k.chars().count() > 1, k.clone()));
        keys
    }

    /// Rows for the help overlay: (context, keys, description), grouped by
    /// context and sorted by action.
    pub fn help_rows(&self) -> Vec<(Context, String, &'static str)> {
        let mut by_action: BTreeMap<(Context, Action), Vec<String>> = BTreeMap::new();
        for ((context, key), action) in &self.bindings {
            if *action != Action::None {
                by_action
                    .entry((*context, *action))
                    .or_default()
                    .push(key.clone());
            }
        }
        by_action
            .into_iter()
            .map(|((context, action), mut keys)| {
                keys.sort_by_key(|k| (k.chars().count() > 1, k.clone()));
                let shown: Vec<String> = keys.iter().map(|k| pretty(k)).collect();
                (context, shown.join(" "), action.describe())
            })
            .collect()
    }
}

/// toml's message, with an unknown action's list of every action replaced
/// by the closest one.
fn parse_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim_end();
    let Some(rest) = first.strip_prefix("unknown variant `") else {
        return first.to_string();
    };
    let name = rest.split('`').next().unwrap_or(rest);
    if rest.contains("`global`") {
        let sections = ["global", "list", "reader", "sidebar", "feeds", "overlay"];
        let hint = crate::settings::did_you_mean(name, &sections)
            .map(|s| format!(" (did you mean [{s}]?)"))
            .unwrap_or_default();
        return format!("unknown section [{name}]{hint}");
    }
    let actions: Vec<&str> = Action::all().map(Action::name).collect();
    if !rest.contains("`quit`") {
        return first.to_string();
    }
    let hint = match crate::settings::did_you_mean(name, &actions) {
        Some(a) => format!("did you mean “{a}”?"),
        None => "in the reader, : then Tab lists the actions".into(),
    };
    format!("unknown action “{name}” ({hint})")
}

/// The canonical name of a key event, as written in keymap files.
pub fn key_name(key: &KeyEvent) -> Option<String> {
    let mut mods = key.modifiers;
    let base = match key.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => {
            mods.remove(KeyModifiers::SHIFT);
            if mods.contains(KeyModifiers::CONTROL) {
                c.to_lowercase().collect()
            } else {
                c.to_string()
            }
        }
        KeyCode::BackTab => {
            mods.remove(KeyModifiers::SHIFT);
            "backtab".to_string()
        }
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pageup".into(),
        KeyCode::PageDown => "pagedown".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::F(n) => format!("f{n}"),
        _ => return None,
    };
    let mut name = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        name.push_str("ctrl-");
    }
    if mods.contains(KeyModifiers::ALT) {
        name.push_str("alt-");
    }
    if mods.contains(KeyModifiers::SHIFT) {
        name.push_str("shift-");
    }
    name.push_str(&base);
    Some(name)
}

/// A key spec that names no key the reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown key name")]
pub struct UnknownKey;

/// Parses a key as written in a keymap file into its canonical name.
fn canonical_spec(spec: &str) -> Result<String, UnknownKey> {
    parse_key(spec).and_then(|k| key_name(&k).ok_or(UnknownKey))
}

/// Parses a key as written in a keymap file (`j`, `G`, `ctrl-z`, `pagedown`).
pub fn parse_key(spec: &str) -> Result<KeyEvent, UnknownKey> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = spec;
    loop {
        let lower = rest.to_lowercase();
        let (prefix, flag) = if lower.starts_with("ctrl-") {
            ("ctrl-", KeyModifiers::CONTROL)
        } else if lower.starts_with("alt-") {
            ("alt-", KeyModifiers::ALT)
        } else if lower.starts_with("shift-") {
            ("shift-", KeyModifiers::SHIFT)
        } else {
            break;
        };
        if rest.len() == prefix.len() {
            break;
        }
        mods |= flag;
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            if mods.contains(KeyModifiers::SHIFT) && c.is_lowercase() {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            } else {
                KeyCode::Char(c)
            }
        }
        _ => match rest.to_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => return Err(UnknownKey),
        },
    };
    Ok(KeyEvent::new(code, mods))
}

/// A key name as shown to people.
pub fn pretty(key: &str) -> String {
    match key {
        "up" => "↑".into(),
        "down" => "↓".into(),
        "left" => "←".into(),
        "right" => "→".into(),
        "enter" => "Enter".into(),
        "esc" => "Esc".into(),
        "tab" => "Tab".into(),
        "backtab" => "Shift-Tab".into(),
        "space" => "Space".into(),
        "pageup" => "PgUp".into(),
        "pagedown" => "PgDn".into(),
        "home" => "Home".into(),
        "end" => "End".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
