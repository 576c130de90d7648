//! Tests of the terminal set-up helpers.

use super::safe_url;

#[test]
fn only_plain_web_addresses_go_into_a_hyperlink() {
    assert_eq!(
        safe_url("https://example.org/a?b=1"),
        Some("https://example.org/a?b=1")
    );
    for bad in [
        "javascript:alert(1)",
        "https://example.org/\u{1b}]52;c;eA==\u{7}",
        "https://example.org/a b",
        "https://example.org/\u{e8}",
        "file:///etc/passwd",
    ] {
        assert_eq!(safe_url(bad), None, "{bad:?}");
    }
    assert_eq!(
        safe_url(&format!("https://e.org/{}", "a".repeat(3000))),
        None
    );
}
