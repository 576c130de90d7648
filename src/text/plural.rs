//! Counts as people write them: `1 article`, `2 articles`.

/// `n` followed by the singular or plural noun, whichever reads right.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular_and_zero_plural() {
        assert_eq!(super::count(1, "article", "articles"), "1 article");
        assert_eq!(super::count(0, "article", "articles"), "0 articles");
        assert_eq!(super::count(12, "feed", "feeds"), "12 feeds");
    }
}
