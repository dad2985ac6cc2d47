//! This device's storage as the person holding it meets it: what a refused write says (a full
//! device above all), when "Effacer cet appareil" may run, and the encrypted export file that
//! lets a device with unsent records be wiped without losing them.

pub mod protected_export;
pub mod wipe;
pub mod words;
pub mod write_failure;

pub use protected_export::{ProtectedExport, ProtectedExportProblem};
pub use wipe::{WipeDecision, may_wipe};
pub use words::Say;
pub use write_failure::{WriteFailure, write_failed};
