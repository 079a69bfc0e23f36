//! The page's chrome around the scenario: which overlay is open and the notices shown.
//! A small pure reducer, tested natively, so the `App` component only wires it up.

use std::rc::Rc;

use yew::Reducible;

/// At most this many notices are kept: a new one pushes out the oldest, so a burst of
/// failures never buries the page under its own messages.
pub const NOTICE_LIMIT: usize = 4;

/// Which overlay is open (as JSON, it crosses to the dialogs' module: `overlay_module`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Overlay {
    /// None: the page itself.
    #[default]
    None,
    /// The keyboard help.
    Help,
    /// The import dialog.
    Import,
    /// "Export as code".
    ExportCode,
}

/// The overlay and the notices, oldest notice first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The open overlay.
    pub overlay: Overlay,
    /// The visible notices, oldest first.
    pub notices: Rc<Vec<String>>,
}

/// One change of the page's chrome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageAction {
    /// Show a notice (the oldest goes past [`NOTICE_LIMIT`]).
    Notify(String),
    /// Dismiss notice `index` (an index past the end, from a stale click, does nothing).
    Dismiss(usize),
    /// Dismiss every notice.
    DismissAll,
    /// Open an overlay (`Overlay::None` closes).
    Open(Overlay),
    /// Open the overlay, or close it when it is the one open (the `?` key and the help).
    Toggle(Overlay),
}

impl Page {
    /// The page as it starts, with the notices startup produced (the newest kept).
    pub fn with_notices(notices: Vec<String>) -> Self {
        let skip = notices.len().saturating_sub(NOTICE_LIMIT);
        Self {
            overlay: Overlay::None,
            notices: Rc::new(notices.into_iter().skip(skip).collect()),
        }
    }

    /// The page after `action`.
    pub fn apply(mut self, action: PageAction) -> Self {
        match action {
            PageAction::Notify(text) => {
                let list = Rc::make_mut(&mut self.notices);
                list.push(text);
                if list.len() > NOTICE_LIMIT {
                    list.remove(0);
                }
            }
            PageAction::Dismiss(index) => {
                if index < self.notices.len() {
                    Rc::make_mut(&mut self.notices).remove(index);
                }
            }
            PageAction::DismissAll => self.notices = Rc::default(),
            PageAction::Open(overlay) => self.overlay = overlay,
            PageAction::Toggle(overlay) => {
                self.overlay = if self.overlay == overlay {
                    Overlay::None
                } else {
                    overlay
                };
            }
        }
        self
    }
}

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notices(page: &Page) -> Vec<&str> {
        page.notices.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_fifth_notice_pushes_out_the_oldest() {
        let page = (1..=5).fold(Page::default(), |page, n| {
            page.apply(PageAction::Notify(format!("n{n}")))
        });
        assert_eq!(notices(&page), ["n2", "n3", "n4", "n5"]);
    }

    #[test]
    fn startup_notices_keep_the_newest_four() {
        let page = Page::with_notices((1..=6).map(|n| format!("s{n}")).collect());
        assert_eq!(notices(&page), ["s3", "s4", "s5", "s6"]);
        assert_eq!(page.overlay, Overlay::None);
    }

    #[test]
    fn dismiss_removes_one_and_a_stale_index_is_ignored() {
        let page = Page::with_notices(vec!["a".into(), "b".into(), "c".into()])
            .apply(PageAction::Dismiss(1))
            .apply(PageAction::Dismiss(7));
        assert_eq!(notices(&page), ["a", "c"]);
        assert!(Page::with_notices(vec!["a".into()])
            .apply(PageAction::DismissAll)
            .notices
            .is_empty());
    }

    #[test]
    fn toggle_opens_then_closes_and_open_switches() {
        let open = Page::default().apply(PageAction::Toggle(Overlay::Help));
        assert_eq!(open.overlay, Overlay::Help);
        let switched = open.clone().apply(PageAction::Open(Overlay::Import));
        assert_eq!(switched.overlay, Overlay::Import);
        // `?` while the import dialog is open shows the help instead of closing anything.
        assert_eq!(
            switched.apply(PageAction::Toggle(Overlay::Help)).overlay,
            Overlay::Help
        );
        assert_eq!(
            open.apply(PageAction::Toggle(Overlay::Help)).overlay,
            Overlay::None
        );
    }

    #[test]
    fn notices_are_shared_until_changed() {
        let page = Page::with_notices(vec!["a".into()]);
        let opened = page.clone().apply(PageAction::Open(Overlay::Help));
        // Opening an overlay does not copy the list: the notice bar's props stay equal.
        assert!(Rc::ptr_eq(&page.notices, &opened.notices));
    }
}
