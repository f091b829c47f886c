//! Black-box tests through the router (and the binary, in `cli`), on
//! SQLite and, with TEST_DATABASE_URL, on PostgreSQL. One test binary:
//! each separate one linked the whole server again.

#[macro_use]
mod helpers;

mod accessibility;
mod accounts;
mod answers;
mod architecture;
mod assets;
mod attachments;
mod backup;
mod cli;
mod comments;
mod compression;
mod database;
mod dialogue_steps;
mod dialogues;
mod documents;
mod faults;
mod first_week;
mod health;
mod hostile;
mod mail;
mod market;
mod my_data;
mod needs;
mod network_access;
mod network_governance;
mod networks;
mod notifications;
mod organisations;
mod overview;
mod pages;
mod process;
mod reads;
mod search;
mod security;
mod security_review;
mod seed;
mod slots;
mod two_factor;
