//! The search index's words, shared by the rooms that write content and the
//! search room that reads it.

#[cfg(feature = "ssr")]
pub mod index;
#[cfg(feature = "ssr")]
pub mod words;

#[cfg(feature = "ssr")]
pub use index::{is_empty, rebuild, refresh, Item};
