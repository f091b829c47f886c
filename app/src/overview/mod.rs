//! The overview: what waits for me, what comes next, and what changed in
//! my networks since my last visit. The landing page after signing in.

pub mod pages;
pub mod text;
