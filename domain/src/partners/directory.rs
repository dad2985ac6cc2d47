//! The partner directory as a fold of `PartnerEdited` events. Each field of each partner keeps
//! its last write by HLC (`merge::Record`), so every device converges on the same directory
//! whatever order the edits arrive in; each partner also keeps who changed which fields when.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::ids::PartnerId;
use super::partner::{Partner, PartnerField, PartnerFields};
use super::search::fold;
use crate::clock::Hlc;
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::ids::EventId;
use crate::merge::Record;

/// One edit as the history shows it: "Inès a modifié les horaires et le téléphone, le 3/12".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: Hlc,
    pub by: Actor,
    pub event: EventId,
    pub fields: BTreeSet<PartnerField>,
    /// What the edit did to `archived`, so the history can say "archivée par Inès" or "remise
    /// dans l'annuaire par Karim" rather than just naming the field.
    pub archived: Option<bool>,
}

/// One partner's merged fields and the edits that made them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Entry {
    record: Record,
    /// By clock: an edit seen twice (two sync paths, a re-imported file) is kept once.
    changes: BTreeMap<Hlc, Change>,
}

/// Every partner known to this device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    entries: BTreeMap<PartnerId, Entry>,
}

impl Directory {
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a EventEnvelope>) -> Directory {
        let mut directory = Directory::default();
        for event in events {
            directory.apply(event);
        }
        directory
    }

    /// Takes in one event; other kinds are ignored. Any order gives the same directory.
    pub fn apply(&mut self, event: &EventEnvelope) {
        let EventBody::PartnerEdited(edit) = &event.body else {
            return;
        };
        let entry = self.entries.entry(edit.partner.clone()).or_default();
        // Through JSON, so that a field written by a newer version of the app (unknown here) is
        // still merged and kept, and reappears once this device is updated.
        let Ok(Value::Object(fields)) = serde_json::to_value(&edit.fields) else {
            return;
        };
        let mut changed = BTreeSet::new();
        for (name, value) in fields {
            changed.extend(PartnerField::from_wire_name(&name));
            entry.record.apply(&name, value, event.hlc.clone());
        }
        entry.changes.insert(
            event.hlc.clone(),
            Change {
                at: event.hlc.clone(),
                by: event.actor.clone(),
                event: event.id.clone(),
                fields: changed,
                archived: edit.fields.archived,
            },
        );
    }

    /// The partner's current details.
    pub fn partner(&self, id: &PartnerId) -> Option<Partner> {
        let entry = self.entries.get(id)?;
        let values = entry
            .record
            .fields
            .iter()
            .map(|(name, write)| (name.clone(), write.value.clone()))
            .collect();
        // Every value was checked when its event entered; one that still does not read (a
        // corrupted store) leaves the field empty rather than losing the whole partner.
        let empty = Partner::empty(id.clone());
        Some(
            match serde_json::from_value::<PartnerFields>(Value::Object(values)) {
                Ok(fields) => empty.with(fields),
                Err(_) => field_by_field(empty, &entry.record),
            },
        )
    }

    /// The directory as listed: partners not archived, by name (ignoring case and accents).
    pub fn partners(&self) -> Vec<Partner> {
        self.all_partners()
            .into_iter()
            .filter(|p| !p.archived)
            .collect()
    }

    /// Archived partners too, for the coordinators' screen and the history.
    pub fn all_partners(&self) -> Vec<Partner> {
        let mut all: Vec<Partner> = self
            .entries
            .keys()
            .filter_map(|id| self.partner(id))
            .collect();
        all.sort_by_cached_key(|p| (fold(&p.name), p.id.clone()));
        all
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Who changed what, newest first.
    pub fn changes(&self, id: &PartnerId) -> Vec<&Change> {
        self.entries
            .get(id)
            .map(|e| e.changes.values().rev().collect())
            .unwrap_or_default()
    }

    /// The edit that set the field's current value: "modifié par Inès le 3/12".
    pub fn last_change(&self, id: &PartnerId, field: PartnerField) -> Option<&Change> {
        let entry = self.entries.get(id)?;
        let at = &entry.record.fields.get(field.wire_name())?.at;
        entry.changes.get(at)
    }

    /// The first edit: who added the partner and when.
    pub fn created(&self, id: &PartnerId) -> Option<&Change> {
        self.entries.get(id)?.changes.values().next()
    }
}

/// The slow path of [`Directory::partner`]: each field read on its own, unreadable ones skipped.
fn field_by_field(mut partner: Partner, record: &Record) -> Partner {
    for (name, write) in &record.fields {
        let one = serde_json::json!({ name.as_str(): write.value });
        if let Ok(fields) = serde_json::from_value::<PartnerFields>(one) {
            partner = partner.with(fields);
        }
    }
    partner
}
