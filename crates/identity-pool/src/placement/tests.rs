use super::*;

const POLICY: &str = "{\n  \"Statement\": [\n    {\"Effect\": \"Alow\"}\n  ]\n}";

fn document() -> (String, Placements) {
    let head = "{\n\"roles\": [\n{\"RoleName\": \"Guest\", \"Policies\": [{\"PolicyDocument\": ";
    let text = format!("{head}{POLICY}}}]}}]}}");
    let placements = Placements {
        list: vec![Placement {
            id: PolicyId::new("Guest", PolicySlot::Access("Read".into())),
            span: Span::new(head.len(), head.len() + POLICY.len()),
        }],
    };
    (text, placements)
}

#[test]
fn a_span_inside_a_policy_is_placed_in_that_policys_own_text() {
    let (text, placements) = document();
    let at = text.find("\"Alow\"").unwrap();
    let place = placements.place(&text, Span::new(at, at + 6)).unwrap();
    assert_eq!(place.id.to_string(), "Guest:Read");
    assert_eq!((place.start.line, place.start.column), (3, 16));
    assert_eq!(
        POLICY.get(place.span.start..place.span.end),
        Some("\"Alow\"")
    );
}

#[test]
fn a_span_outside_every_policy_has_no_place() {
    let (text, placements) = document();
    assert_eq!(placements.place(&text, Span::new(2, 7)), None);
}

#[test]
fn a_diagnostic_is_relocated_with_line_and_column_in_the_policy() {
    let (text, placements) = document();
    let at = text.find("\"Alow\"").unwrap();
    let mut d = Diagnostic::error(
        "iam::parse::invalid_effect",
        "unknown effect `Alow`",
        Some(Span::new(at, at + 6)),
    );
    d.locate(&text);
    assert_eq!(
        d.start.map(|p| p.line),
        Some(5),
        "in the document, two lines further down"
    );
    let (id, local) = placements.relocate(&text, &d).unwrap();
    assert_eq!(
        id,
        PolicyId::new("Guest", PolicySlot::Access("Read".into()))
    );
    assert_eq!(local.start.map(|p| (p.line, p.column)), Some((3, 16)));
}

#[test]
fn ids_print_as_the_editor_names_them() {
    assert_eq!(
        PolicyId::new("Guest", PolicySlot::Trust).to_string(),
        "Guest:trust"
    );
    assert_eq!(
        PolicyId::new("Guest", PolicySlot::Boundary).to_string(),
        "Guest:boundary"
    );
    assert_eq!(
        PolicyId::new("signIn", PolicySlot::Session).to_string(),
        "signIn:session"
    );
}
