use super::*;

fn lines(lines: usize) -> Size {
    Size {
        lines,
        characters: lines * 10,
    }
}

#[test]
fn one_very_long_line_is_large_too() {
    // The hostile link's policy written compactly: one line of 120,142 characters.
    let compact = format!("{{\"Resource\":[{}]}}", vec!["\"x\""; 30_000].join(","));
    let size = Size::of(&compact);
    assert_eq!(size.lines, 1);
    assert!(size.is_large());
    assert_eq!(LargeState::default().presentation(size), Presentation::View);
    let short = Size {
        lines: 1,
        characters: LARGE_FROM_CHARS,
    };
    assert!(!short.is_large());
}

#[test]
fn a_long_document_opens_in_the_view_until_edit_anyway() {
    let state = LargeState::default();
    assert_eq!(
        state.presentation(lines(LARGE_FROM_LINES)),
        Presentation::Edit
    );
    assert_eq!(
        state.presentation(lines(LARGE_FROM_LINES + 1)),
        Presentation::View
    );
    let chosen = state.after(LargeAction::EditAnyway);
    assert_eq!(chosen.presentation(lines(30_014)), Presentation::Edit);
    // Still long after an edit: the choice holds.
    assert_eq!(chosen.after(LargeAction::Resized(lines(30_015))), chosen);
}

#[test]
fn the_choice_lapses_under_the_threshold_and_for_another_document() {
    let chosen = LargeState::default().after(LargeAction::EditAnyway);
    let short = chosen.after(LargeAction::Resized(lines(12)));
    assert_eq!(short, LargeState::default());
    // A later long paste shows the notice again.
    assert_eq!(short.presentation(lines(5_000)), Presentation::View);
    assert_eq!(
        chosen.after(LargeAction::NewDocument),
        LargeState::default()
    );
}

#[test]
fn lines_are_counted_as_the_editor_numbers_them() {
    assert_eq!(line_count(""), 1);
    assert_eq!(line_count("{}"), 1);
    assert_eq!(line_count("{\n}\n"), 3);
    let hostile = format!("[\n{}\"x\"\n]", "\"x\",\n".repeat(29_999));
    assert_eq!(line_count(&hostile), 30_002);
    assert!(Size::of(&hostile).is_large());
}

#[test]
fn the_notice_names_the_size_and_the_iam_limit() {
    let notice = size_notice(Size {
        lines: 30_014,
        characters: 480_301,
    });
    assert!(
        notice.starts_with("This policy is 30014 lines (480301 characters)."),
        "{notice}"
    );
    assert!(
        notice.contains("10,240") && notice.contains("6,144"),
        "{notice}"
    );
    let one = size_notice(Size {
        lines: 1,
        characters: 120_142,
    });
    assert!(
        one.starts_with("This policy is 1 line (120142 characters)."),
        "{one}"
    );
    assert!(EDIT_ANYWAY_COST.contains("a second or more"));
}

#[test]
fn a_policy_at_iams_largest_size_formatted_one_string_per_line_still_opens_for_editing() {
    // 10,240 characters without white space (IAM does not count it) of the shortest
    // strings there are, `""`, each on its own line after Format.
    let copies = (IAM_LARGEST_POLICY - "{\"Resource\":[]}".len() + 1) / 3;
    let compact = format!("{{\"Resource\":[{}]}}", vec!["\"\""; copies].join(","));
    assert!(compact.len() <= IAM_LARGEST_POLICY, "{}", compact.len());
    let formatted =
        identity_pool::api::format_json(&compact, super::super::edit::INDENT).unwrap_or_default();
    let size = Size::of(&formatted);
    assert!(size.lines > 3_000 && !size.is_large(), "{size:?}");
}
