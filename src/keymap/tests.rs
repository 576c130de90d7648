use super::*;

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn builtin_keymap_parses_and_binds_vim_keys_and_arrows() {
    let map = Keymap::builtin().expect("built-in keymap");
    let down = key(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(map.lookup(Context::List, &down), Some(Action::MoveDown));
    let arrow = key(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(map.lookup(Context::Reader, &arrow), Some(Action::MoveDown));
    let big_g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(map.lookup(Context::List, &big_g), Some(Action::Bottom));
    let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(map.lookup(Context::List, &backtab), Some(Action::FocusPrev));
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(map.lookup(Context::Overlay, &q), Some(Action::Close));
    assert_eq!(map.lookup(Context::List, &q), Some(Action::Quit));
}

#[test]
fn user_file_patches_key_by_key_and_none_unbinds() {
    let mut map = Keymap::builtin().expect("built-in keymap");
    map.patch(
        Path::new("user.toml"),
        "[global]\nctrl-j = \"move_down\"\nq = \"none\"\n[reader]\nshift-tab = \"top\"\n",
    )
    .expect("valid user keymap");
    let ctrl_j = key(KeyCode::Char('j'), KeyModifiers::CONTROL);
    assert_eq!(map.lookup(Context::List, &ctrl_j), Some(Action::MoveDown));
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(map.lookup(Context::List, &q), None);
    let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(map.lookup(Context::Reader, &backtab), Some(Action::Top));
    assert_eq!(map.lookup(Context::List, &backtab), Some(Action::FocusPrev));
    let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(map.lookup(Context::List, &j), Some(Action::MoveDown));
}

#[test]
fn errors_name_the_file_and_position() {
    let mut map = Keymap::builtin().expect("built-in keymap");
    let err = map
        .patch(Path::new("/cfg/keymap.toml"), "[global]\nq = \"qiut\"\n")
        .expect_err("unknown action");
    let msg = err.to_string();
    assert_eq!(
        msg,
        "/cfg/keymap.toml:2:5: unknown action “qiut” (did you mean “quit”?)"
    );
    let err = map
        .patch(Path::new("k.toml"), "[global]\nhyperspace = \"quit\"\n")
        .expect_err("unknown key");
    assert_eq!(
        err.to_string(),
        "k.toml:2: [global] \"hyperspace\": unknown key name"
    );
    let err = map
        .patch(Path::new("k.toml"), "[globl]\nq = \"quit\"\n")
        .expect_err("unknown section");
    assert_eq!(
        err.to_string(),
        "k.toml:1:2: unknown section [globl] (did you mean [global]?)"
    );
    let err = map
        .patch(Path::new("k.toml"), "[global\n")
        .expect_err("bad toml");
    assert!(err.to_string().starts_with("k.toml:1:8: "), "{err}");
}

#[test]
fn help_rows_come_from_the_bindings() {
    let map = Keymap::builtin().expect("built-in keymap");
    let rows = map.help_rows();
    let down = rows
        .iter()
        .find(|(c, _, d)| *c == Context::Global && *d == "Move down")
        .expect("move down row");
    assert_eq!(down.1, "j ↓");
    assert_eq!(map.keys_for(Context::List, Action::Help), ["?"]);
}
