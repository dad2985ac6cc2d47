//! One screen per route. The four modes are separate routes so that a kiosk or a coordinator's
//! bookmark opens straight onto its own screen.

pub mod coordination;
pub mod device;
pub mod field;
pub mod home;
pub mod kiosk;
pub mod not_found;
pub mod on_demand;
pub mod partners;
