//! `[theme]` values: the base theme's name, the elements a user can style,
//! and colours and modifiers as written in the file.

use ratatui::style::{Color, Modifier, Style};

/// The base theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// For a dark terminal background.
    #[default]
    Dark,
    /// For a light terminal background.
    Light,
}

impl ThemeName {
    pub fn parse(name: &str) -> Option<ThemeName> {
        match name {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            _ => None,
        }
    }
}

/// A thing on screen whose style the file can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Element {
    Border,
    Focus,
    Title,
    Selection,
    SelectionUnfocused,
    Unread,
    Read,
    Dim,
    Bookmark,
    Section,
    ArticleTitle,
    Meta,
    Standfirst,
    Body,
    Heading,
    Quote,
    Code,
    Link,
    StoredLink,
    SearchMatch,
    Status,
    StatusError,
    Key,
}

impl Element {
    /// The element's name in the file.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Every element's name, in the file's order.
    pub fn names() -> Vec<&'static str> {
        use strum::IntoEnumIterator as _;
        Element::iter().map(Element::name).collect()
    }

    pub fn from_name(name: &str) -> Option<Element> {
        use strum::IntoEnumIterator as _;
        Element::iter().find(|e| e.name() == name)
    }
}

/// Changes to one element's style: what is set replaces the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StyleSpec {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    /// The modifiers, all of them (none when empty).
    pub modifiers: Option<Modifier>,
}

impl StyleSpec {
    /// `base` with these changes; without colours under `no_color`.
    pub fn apply(self, base: Style, no_color: bool) -> Style {
        let mut style = base;
        if !no_color {
            if let Some(fg) = self.fg {
                style.fg = Some(fg);
            }
            if let Some(bg) = self.bg {
                style.bg = Some(bg);
            }
        }
        if let Some(modifiers) = self.modifiers {
            style.add_modifier = modifiers;
            style.sub_modifier = Modifier::empty();
        }
        style
    }
}

/// The colour names the file accepts (with `_`, `-` or nothing between
/// words, and `grey` for `gray`).
const COLORS: [(&str, Color); 17] = [
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

/// A colour or modifier the theme cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StyleError {
    #[error("“{0}” is not a colour: write #rrggbb with six hex digits")]
    BadHex(String),
    #[error("{0} is not a colour: palette numbers go from 0 to 255")]
    PaletteIndex(i64),
    #[error(
        "“{0}” is not a colour: use a name (red, light_blue, dark_gray…), \
         #rrggbb or a number from 0 to 255"
    )]
    UnknownColour(String),
    #[error("“{0}” is not a modifier: use {names}", names = modifier_names())]
    UnknownModifier(String),
}

/// A colour by name, `#rrggbb` or a palette index (as a string).
pub fn parse_color(text: &str) -> Result<Color, StyleError> {
    let t = text.trim().to_ascii_lowercase();
    if let Some(hex) = t.strip_prefix('#') {
        let valid = hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit());
        let Some(rgb) = valid.then(|| u32::from_str_radix(hex, 16).ok()).flatten() else {
            return Err(StyleError::BadHex(text.to_string()));
        };
        return Ok(Color::from_u32(rgb));
    }
    if let Ok(n) = t.parse::<u16>() {
        return palette(i64::from(n)).ok_or(StyleError::PaletteIndex(i64::from(n)));
    }
    let squashed: String = t
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .collect();
    let squashed = squashed.replace("grey", "gray");
    COLORS
        .iter()
        .find(|(name, _)| *name == squashed)
        .map(|(_, c)| *c)
        .ok_or_else(|| StyleError::UnknownColour(text.to_string()))
}

/// A palette index as a colour.
pub fn palette(n: i64) -> Option<Color> {
    u8::try_from(n).ok().map(Color::Indexed)
}

const MODIFIERS: [(&str, Modifier); 6] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

fn modifier_names() -> String {
    let names: Vec<&str> = MODIFIERS.iter().map(|(n, _)| *n).collect();
    names.join(", ")
}

/// Modifiers as words separated by spaces or commas ("" for none).
pub fn parse_modifiers(text: &str) -> Result<Modifier, StyleError> {
    let mut all = Modifier::empty();
    for word in text.split([' ', ',', '+']).filter(|w| !w.is_empty()) {
        let word = word.to_ascii_lowercase().replace('-', "_");
        let word = match word.as_str() {
            "underline" => "underlined",
            "reverse" => "reversed",
            "strikethrough" => "crossed_out",
            w => w,
        };
        let Some((_, m)) = MODIFIERS.iter().find(|(name, _)| *name == word) else {
            return Err(StyleError::UnknownModifier(word.to_string()));
        };
        all |= *m;
    }
    Ok(all)
}
