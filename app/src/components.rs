//! Pieces shared by several screens.

pub mod header;
pub mod storage_panel;
pub mod update_banner;
