//! Palier's decisions, in plain Rust: events and their envelope, clocks, merge rules, the browser
//! storage schema and the interface texts. No IO here: time and randomness come in as arguments,
//! so the same code runs in the browser, in the server and in `cargo test`.

pub mod accounts;
pub mod at_rest;
pub mod calendar;
pub mod campaign;
pub mod campaign_territory;
pub mod canvass;
pub mod clock;
pub mod consent;
pub mod contact;
pub mod coordination;
pub mod demo;
pub mod demo_territory;
pub mod device_storage;
pub mod door_hanger;
pub mod enrollment;
pub mod event;
pub mod export;
pub mod field_note;
pub mod i18n;
pub mod ids;
pub mod import;
pub mod in_sentence;
pub mod indicators;
pub mod kiosk;
pub mod letters;
pub mod log_read;
pub mod merge;
pub mod offline_ready;
pub mod partners;
pub mod presentation;
pub mod privacy;
pub mod qr;
pub mod rate_limit;
pub mod sealed;
pub mod signup;
pub mod sizes;
pub mod storage_schema;
pub mod sync;
pub mod territory;
pub mod volunteer;
