//! Byte sizes as people write them: `200M`, `1G`, `64MB`, `512k`, `1.5G`.
//! Units are binary (1M = 1024 x 1024 bytes), as file managers show them.

/// Why a size could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SizeError {
    #[error("{0:?} is not a size: write a number with an optional K, M, G or T (e.g. 200M, 1G)")]
    Invalid(String),
    #[error("{0:?} is too large a size")]
    TooLarge(String),
}

const UNITS: [(&str, u32); 5] = [("", 0), ("K", 10), ("M", 20), ("G", 30), ("T", 40)];

/// Reads a size such as `200M`, `1G`, `1.5GB`, `64MiB` or `4096` (bytes).
pub fn parse_size(text: &str) -> Result<u64, SizeError> {
    let invalid = || SizeError::Invalid(text.to_string());
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(split);
    let unit = unit.trim().to_ascii_uppercase();
    let unit = unit
        .strip_suffix("IB")
        .or_else(|| unit.strip_suffix('B'))
        .unwrap_or(&unit);
    let shift = UNITS
        .iter()
        .find(|(name, _)| *name == unit)
        .map(|&(_, shift)| shift)
        .ok_or_else(invalid)?;
    let value: f64 = number.parse().map_err(|_| invalid())?;
    let bytes = (value * (1u64 << shift) as f64).ceil();
    // u64::MAX as f64 rounds up to 2^64, which does not fit.
    if bytes.is_nan() || bytes >= u64::MAX as f64 {
        return Err(SizeError::TooLarge(text.to_string()));
    }
    Ok(bytes as u64)
}

/// A size for people: `5.0 GB`, `64 MB`, `812 KB`, `20 bytes`.
pub fn human_size(bytes: u64) -> String {
    let (name, shift) = UNITS
        .iter()
        .rev()
        .find(|&&(_, shift)| bytes >> shift >= 1)
        .copied()
        .unwrap_or(("", 0));
    if shift == 0 {
        return format!("{bytes} bytes");
    }
    let value = bytes as f64 / (1u64 << shift) as f64;
    if bytes % (1u64 << shift) == 0 {
        format!("{value:.0} {name}B")
    } else {
        format!("{value:.1} {name}B")
    }
}

/// The smallest round cap (in whole M, or whole G above 1 GB) that admits
/// `bytes`, written as the size flag takes it.
pub fn cap_admitting(bytes: u64) -> String {
    let unit = if bytes > 1 << 30 { 30 } else { 20 };
    let name = if unit == 30 { "G" } else { "M" };
    format!("{}{name}", bytes.div_ceil(1 << unit).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_and_without_units() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("200M"), Ok(200 << 20));
        assert_eq!(parse_size("200mb"), Ok(200 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1.5G"), Ok(3 << 29));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size(" 2T "), Ok(2 << 40));
        for bad in ["", "M", "1X", "-1M", "1..2M", "abc"] {
            assert!(
                matches!(parse_size(bad), Err(SizeError::Invalid(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_size("99999999999T"),
            Err(SizeError::TooLarge(_))
        ));
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(20), "20 bytes");
        assert_eq!(human_size(64 << 20), "64 MB");
        assert_eq!(human_size(5 << 30), "5 GB");
        assert_eq!(human_size((5 << 30) + (1 << 29)), "5.5 GB");
        assert_eq!(cap_admitting(64 << 20), "64M");
        assert_eq!(cap_admitting((64 << 20) + 1), "65M");
        assert_eq!(cap_admitting((5 << 30) + 1), "6G");
        assert_eq!(cap_admitting(0), "1M");
    }
}
