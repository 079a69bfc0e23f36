use super::*;

fn plain() -> Modifiers {
    Modifiers::default()
}

fn with(f: impl FnOnce(&mut Modifiers)) -> Modifiers {
    let mut m = Modifiers::default();
    f(&mut m);
    m
}

#[test]
fn tab_indents_shift_tab_dedents_and_escape_then_tab_leaves() {
    let mut state = KeyState::default();
    assert_eq!(
        key_command("Tab", plain(), &mut state),
        KeyCommand::Edit(KeyEdit::Indent)
    );
    let shift = with(|m| m.shift = true);
    assert_eq!(
        key_command("Tab", shift, &mut state),
        KeyCommand::Edit(KeyEdit::Dedent)
    );
    assert_eq!(
        key_command("Escape", plain(), &mut state),
        KeyCommand::Default
    );
    // Shift pressed on its way to Shift+Tab keeps the release.
    assert_eq!(key_command("Shift", shift, &mut state), KeyCommand::Default);
    assert_eq!(key_command("Tab", shift, &mut state), KeyCommand::Default);
    // Only the one Tab after Escape leaves; the next indents again.
    assert_eq!(
        key_command("Tab", plain(), &mut state),
        KeyCommand::Edit(KeyEdit::Indent)
    );
}

#[test]
fn ctrl_m_makes_tab_move_focus_until_the_state_says_otherwise() {
    let mut state = KeyState::default();
    let ctrl = with(|m| m.ctrl = true);
    assert_eq!(
        key_command("m", ctrl, &mut state),
        KeyCommand::ToggleTabFocus
    );
    state.tab_moves_focus = true;
    assert_eq!(key_command("Tab", plain(), &mut state), KeyCommand::Default);
    // Cmd+M is the Mac's "minimize": left to the system.
    assert_eq!(
        key_command("m", with(|m| m.meta = true), &mut state),
        KeyCommand::Default
    );
}

#[test]
fn undo_redo_and_format_shortcuts() {
    let mut state = KeyState::default();
    let ctrl = with(|m| m.ctrl = true);
    let meta_shift = with(|m| {
        m.meta = true;
        m.shift = true;
    });
    assert_eq!(key_command("z", ctrl, &mut state), KeyCommand::Step(false));
    assert_eq!(
        key_command("Z", meta_shift, &mut state),
        KeyCommand::Step(true)
    );
    assert_eq!(key_command("y", ctrl, &mut state), KeyCommand::Step(true));
    let alt_shift = with(|m| {
        m.alt = true;
        m.shift = true;
    });
    assert_eq!(key_command("F", alt_shift, &mut state), KeyCommand::Format);
    assert_eq!(key_command("f", ctrl, &mut state), KeyCommand::Default);
}

#[test]
fn enter_keeps_indentation_except_while_composing_or_with_modifiers() {
    let mut state = KeyState::default();
    assert_eq!(
        key_command("Enter", plain(), &mut state),
        KeyCommand::Edit(KeyEdit::Newline)
    );
    let composing = with(|m| m.composing = true);
    assert_eq!(
        key_command("Enter", composing, &mut state),
        KeyCommand::Default
    );
    let shift = with(|m| m.shift = true);
    assert_eq!(key_command("Enter", shift, &mut state), KeyCommand::Default);
}

#[test]
fn printable_characters_may_close_brackets_named_keys_do_nothing() {
    let mut state = KeyState::default();
    assert_eq!(
        key_command("}", plain(), &mut state),
        KeyCommand::Character('}')
    );
    assert_eq!(
        key_command("é", plain(), &mut state),
        KeyCommand::Character('é')
    );
    assert_eq!(
        key_command("ArrowLeft", plain(), &mut state),
        KeyCommand::Default
    );
    assert_eq!(
        key_command("]", with(|m| m.alt = true), &mut state),
        KeyCommand::Default
    );
}
