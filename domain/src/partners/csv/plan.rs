//! From the lines read to the edits to record. A line updates the partner with its id, or else
//! the one with the same name (ignoring case and accents), or else becomes a new partner; only
//! the values that differ are written, so re-importing an unchanged export records nothing and
//! a column someone did not touch never overwrites a colleague's more recent edit.

use std::collections::HashMap;

use super::import::ImportedLine;
use crate::partners::directory::Directory;
use crate::partners::ids::PartnerId;
use crate::partners::partner::{Partner, PartnerEdit};
use crate::partners::search::fold;

/// The edits an import records, and what they amount to for the confirmation message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub edits: Vec<PartnerEdit>,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// `new_id` gives the id of each partner the file adds (from the shell's RNG).
pub fn plan(
    lines: &[ImportedLine],
    directory: &Directory,
    mut new_id: impl FnMut() -> PartnerId,
) -> ImportPlan {
    let known = directory.all_partners();
    let by_name: HashMap<String, &Partner> = known.iter().map(|p| (fold(&p.name), p)).collect();
    let mut plan = ImportPlan::default();
    for line in lines {
        let existing = match &line.id {
            Some(id) => directory.partner(id),
            None => line
                .fields
                .name
                .as_deref()
                .and_then(|name| by_name.get(&fold(name)))
                .map(|p| (*p).clone()),
        };
        match existing {
            Some(before) => {
                let after = before.clone().with(line.fields.clone());
                let fields = before.changes_to(&after);
                if fields.is_empty() {
                    plan.unchanged += 1;
                } else {
                    plan.updated += 1;
                    plan.edits.push(PartnerEdit {
                        partner: before.id,
                        fields,
                    });
                }
            }
            None => {
                let id = line.id.clone().unwrap_or_else(&mut new_id);
                let partner = Partner::empty(id.clone()).with(line.fields.clone());
                plan.created += 1;
                plan.edits.push(PartnerEdit {
                    partner: id,
                    fields: partner.all_fields(),
                });
            }
        }
    }
    plan
}
