//! Pieces shared by several screens.

pub mod device_lock;
pub mod dwelling_file;
pub mod export_panel;
pub mod face;
pub mod field_journal;
pub mod focus;
pub mod follow_ups;
pub mod header;
pub mod insecure_banner;
pub mod storage_panel;
pub mod sync_status;
pub mod to_confirm;
pub mod update_banner;
