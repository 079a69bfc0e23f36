use super::*;

fn at(text: &str) -> Snapshot {
    Snapshot::with_caret(text, text.encode_utf16().count())
}

fn text(history: &History) -> &str {
    &history.current().unwrap().text
}

/// Types `word` one character per 100 ms, starting at `t`.
fn type_word(history: &mut History, base: &str, word: &str, t: f64) -> String {
    let mut typed = base.to_owned();
    for (i, c) in word.chars().enumerate() {
        typed.push(c);
        history.record(at(&typed), EditKind::Typing, t + 100.0 * i as f64);
    }
    typed
}

#[test]
fn a_typing_run_is_one_undo_step() {
    let mut history = History::new(at("{}"));
    type_word(&mut history, "{}", "abc", 0.0);
    assert_eq!(text(&history), "{}abc");
    assert_eq!(history.undo().unwrap().text, "{}");
    assert!(!history.can_undo());
    assert_eq!(history.redo().unwrap().text, "{}abc");
}

#[test]
fn a_pause_starts_a_new_step() {
    let mut history = History::new(at(""));
    let typed = type_word(&mut history, "", "ab", 0.0);
    type_word(&mut history, &typed, "cd", 5_000.0);
    assert_eq!(history.undo().unwrap().text, "ab");
    assert_eq!(history.undo().unwrap().text, "");
}

#[test]
fn switching_between_typing_and_deleting_starts_a_new_step() {
    let mut history = History::new(at(""));
    type_word(&mut history, "", "abc", 0.0);
    history.record(at("ab"), EditKind::Deleting, 400.0);
    history.record(at("a"), EditKind::Deleting, 500.0);
    assert_eq!(history.undo().unwrap().text, "abc");
    assert_eq!(history.undo().unwrap().text, "");
}

#[test]
fn format_and_tab_are_steps_of_their_own_and_end_the_run() {
    let mut history = History::new(at("{"));
    let typed = type_word(&mut history, "{", "}", 0.0);
    history.record(at("{}\n"), EditKind::Other, 50.0); // Format
    history.record(at("{}\n  "), EditKind::Other, 60.0); // Tab
    type_word(&mut history, "{}\n  ", "x", 70.0);
    assert_eq!(history.undo().unwrap().text, "{}\n  ");
    assert_eq!(history.undo().unwrap().text, "{}\n");
    assert_eq!(history.undo().unwrap().text, typed);
    assert_eq!(history.undo().unwrap().text, "{");
}

#[test]
fn typing_after_undo_drops_the_redo_steps() {
    let mut history = History::new(at(""));
    history.record(at("a"), EditKind::Other, 0.0);
    history.record(at("ab"), EditKind::Other, 1.0);
    history.undo();
    history.record(at("ax"), EditKind::Typing, 2.0);
    assert!(!history.can_redo());
    assert_eq!(history.undo().unwrap().text, "a");
}

#[test]
fn typing_right_after_undo_does_not_overwrite_the_step_undone_to() {
    let mut history = History::new(at(""));
    type_word(&mut history, "", "ab", 0.0);
    history.undo();
    history.record(at("x"), EditKind::Typing, 250.0);
    assert_eq!(history.undo().unwrap().text, "");
}

#[test]
fn undo_restores_the_selection_of_the_step() {
    let mut history = History::new(Snapshot::with_caret("abc", 1));
    history.record(Snapshot::with_caret("aXbc", 2), EditKind::Other, 0.0);
    let back = history.undo().unwrap();
    assert_eq!((back.start, back.end), (1, 1));
}

#[test]
fn selection_only_changes_are_not_steps() {
    let mut history = History::new(at("abc"));
    history.record(Snapshot::with_caret("abc", 0), EditKind::Other, 0.0);
    assert!(!history.can_undo());
    assert_eq!(history.current().unwrap().start, 0);
}

#[test]
fn sync_records_outside_changes_once() {
    let mut history = History::new(at("a"));
    history.sync("a");
    assert!(!history.can_undo());
    history.sync("new example");
    history.sync("new example");
    assert_eq!(text(&history), "new example");
    assert_eq!(history.undo().unwrap().text, "a");
    assert!(!history.can_undo());
}

#[test]
fn undo_and_redo_at_the_ends_do_nothing() {
    let mut history = History::new(at("a"));
    assert!(history.undo().is_none());
    assert!(history.redo().is_none());
    assert_eq!(text(&history), "a");
}

#[test]
fn history_is_bounded_by_steps_and_bytes() {
    let mut history = History::new(at(""));
    for i in 0..(MAX_STEPS + 50) {
        history.record(at(&i.to_string()), EditKind::Other, i as f64);
    }
    let mut undos = 0;
    while history.undo().is_some() {
        undos += 1;
    }
    assert_eq!(undos, MAX_STEPS - 1);

    let big = "x".repeat(MAX_BYTES / 4);
    let mut history = History::new(at(""));
    for i in 0..10 {
        history.record(at(&format!("{big}{i}")), EditKind::Other, i as f64);
    }
    let mut undos = 0;
    while history.undo().is_some() {
        undos += 1;
    }
    assert!(undos <= 4, "{undos}");
    assert!(undos >= 2, "{undos}");
}

#[test]
fn input_types_map_to_kinds() {
    assert_eq!(EditKind::from_input_type("insertText"), EditKind::Typing);
    assert_eq!(
        EditKind::from_input_type("insertCompositionText"),
        EditKind::Typing
    );
    assert_eq!(
        EditKind::from_input_type("deleteContentBackward"),
        EditKind::Deleting
    );
    assert_eq!(
        EditKind::from_input_type("deleteWordForward"),
        EditKind::Deleting
    );
    assert_eq!(EditKind::from_input_type("deleteByCut"), EditKind::Other);
    assert_eq!(
        EditKind::from_input_type("insertFromPaste"),
        EditKind::Other
    );
    assert_eq!(
        EditKind::from_input_type("insertLineBreak"),
        EditKind::Other
    );
}

#[test]
fn a_render_with_the_parents_unchanged_text_keeps_the_users_newer_text() {
    let mut history = History::new(at("s3:GetObject"));
    // The user types X; the parent has not taken it yet, and a hover renders the editor.
    history.record(at("s3:GetXObject"), EditKind::Typing, 0.0);
    history.follow("s3:GetObject");
    assert_eq!(text(&history), "s3:GetXObject", "the keystroke stays");
    // The parent takes it: nothing to record.
    history.follow("s3:GetXObject");
    assert_eq!(
        history.undo().unwrap().text,
        "s3:GetObject",
        "one step, no stale one"
    );
    // A change from the parent (a new example) is followed, once.
    history.follow("{}");
    history.follow("{}");
    assert_eq!(text(&history), "{}");
    assert_eq!(history.undo().unwrap().text, "s3:GetObject");
}
