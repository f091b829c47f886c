//! Building blocks shared by every page.

pub mod form;
pub mod layout;
pub mod staircase_explorer;
