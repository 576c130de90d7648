//! The Miniflux client's cursor of changes.

use super::*;

fn client() -> Miniflux {
    // No request is made: the address is never reached.
    Miniflux::new(Client::default(), "http://127.0.0.1:9", "me", "secret")
}

#[test]
fn the_next_cursor_is_the_servers_clock_less_the_margin() {
    let m = client();
    assert_eq!(m.changes_cursor(), None, "no time known yet");
    m.newest_change.set(1_700_000_500);
    assert_eq!(m.changes_cursor().as_deref(), Some("t:1700000380"));
    // The Date header, where the server sent one, wins over the
    // changes seen (a change may be stamped after the sync began).
    m.started.set(Some(1_700_000_100));
    assert_eq!(m.changes_cursor().as_deref(), Some("t:1699999980"));
    // Never back before where the list started.
    assert_eq!(
        m.next_cursor(1_700_000_050).as_deref(),
        Some("t:1700000050")
    );
}

#[test]
fn a_cursor_that_is_not_a_time_reads_the_whole_state() {
    let mut m = client();
    for cursor in [None, Some("4711"), Some("t:0"), Some("t:soon")] {
        assert_eq!(m.changes(cursor, 0), Ok(None), "{cursor:?}");
    }
}
