//! Tests of the date reader.

use super::*;

fn ymd(y: i64, m: u32, d: u32) -> Option<i64> {
    to_unix(y, m, d)
}

#[test]
fn epoch_and_known_days() {
    assert_eq!(ymd(1970, 1, 1), Some(0));
    assert_eq!(ymd(2018, 4, 5), Some(1_522_886_400));
    assert_eq!(ymd(2000, 2, 29), Some(951_782_400));
    assert_eq!(ymd(2019, 2, 29), None);
}

#[test]
fn formats() {
    let d = ymd(2018, 4, 5);
    for s in [
        "April 5, 2018 | 6:00 PM",
        "5 aprile 2018",
        "2018-04-05",
        "05/04/2018",
        "05.04.2018",
        "Thursday, 5th of April 2018",
        "5 Donnerstag Apr 2018",
        "5. April 2018",
        "5 de abril de 2018",
        "le 5 avril 2018",
        "Apr. 5, 2018, 10:00 PM UTC",
        "by Jane Roe April 5, 2018",
        "2018年4月5日",
        "Published 04/05/2018 — wait",
    ] {
        let want = if s.starts_with("Published") {
            ymd(2018, 5, 4)
        } else {
            d
        };
        assert_eq!(find_date(s), want, "{s}");
    }
    assert_eq!(find_date("52m ago in Security"), None);
    assert_eq!(find_date("11.03.17 in Gadgetry"), None);
    assert_eq!(find_date("12/25/2015"), ymd(2015, 12, 25));
}

#[test]
fn a_year_glued_to_the_next_dates_day() {
    let d = ymd(2022, 12, 19);
    assert_eq!(
        find_date("Veröffentlicht am 19. Dezember 202219. Dezember 2022"),
        d
    );
    assert_eq!(find_date("miércoles, 19 de diciembre de 202207:59 hs"), d);
    assert_eq!(find_date("Order 202219 shipped"), None);
}

#[test]
fn day_stamps() {
    for s in ["Jun 17", "17 juin", "17. Juni", "Dec. 3"] {
        assert!(is_day_stamp(s), "{s}");
    }
    for s in [
        "Jun 17 The Headline",
        "June 2017",
        "17 Days",
        "Jun 47",
        "17",
    ] {
        assert!(!is_day_stamp(s), "{s}");
    }
}

#[test]
fn two_digit_year_only_before_a_time_or_padded_with_dots() {
    assert_eq!(
        find_date("First Posted: 08-13-10 05:18 PM | Updated: 08-14-10 12:41 AM"),
        ymd(2010, 8, 13)
    );
    assert_eq!(find_date("Score 08-13-10 tonight"), None);
    assert_eq!(find_date("Codes 08-13-10, 11-12-13"), None);
    assert_eq!(find_date("28.01.22 / 0 Kommentare"), ymd(2022, 1, 28));
    assert_eq!(find_date("Version 1.2.22"), None);
}
