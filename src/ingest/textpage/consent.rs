//! Consent panels: the settings of a page's cookies and trackers, which
//! often describe each purpose without saying "cookie".

/// Wording of a consent panel's purposes and switches, lowercased, in the
/// languages served most.
const CONSENT_WORDS: &[&str] = &[
    "cookie",
    "storage or access",
    "speicherung oder der zugriff",
    "speicherung oder der zugang",
    "almacenamiento o acceso",
    "stockage ou l'accès",
    "stockage ou l’accès",
    "archiviazione tecnica o l'accesso",
    "archiviazione tecnica o l’accesso",
    "aktivieren/deaktivieren",
    "enable/disable",
    "activer/désactiver",
    "activar/desactivar",
    "attivare/disattivare",
];

/// A paragraph that speaks of the page's cookies or of consent to store
/// and read data on the reader's device.
pub(super) fn speaks_of_consent(text: &str) -> bool {
    let bytes = text.as_bytes();
    CONSENT_WORDS.iter().any(|w| {
        let w = w.as_bytes();
        bytes.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w))
    })
}
