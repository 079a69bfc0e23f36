//! The playground's links, in one place for the app and the `idpool link` command: the
//! share-link codec ([`codec`], moved here from the app so both encode and decode with the
//! same code), the fragment parameters a link may carry ([`fragment`]), the messages an embedded
//! widget and its host page exchange ([`message`]) and the snippets an
//! author pastes into a documentation page ([`snippet`]).

pub mod codec;
pub mod fragment;
pub mod message;
pub mod snippet;

pub use fragment::{EmbedPart, Fragment, Theme};
pub use message::{DecisionMessage, HostMessage, WidgetMessage};
pub use snippet::{embed_snippets, Snippets};
