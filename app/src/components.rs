//! Pieces shared by several screens.

pub mod field_journal;
pub mod follow_ups;
pub mod header;
pub mod storage_panel;
pub mod update_banner;
