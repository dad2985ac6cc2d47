//! The campaign's current settings: a fold of its `CampaignSettingsChanged` events, field by
//! field, last writer wins (`merge::Record`). Only the campaign's writer device counts: the
//! server writes these events for a signed-in coordinator, and a tablet cannot push events under
//! another device's id, so a tablet cannot change a kiosk's PIN by sending such an event itself.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::clock::Hlc;
use crate::event::{Actor, EventBody, EventEnvelope};
use crate::ids::{CampaignId, DeviceId};
use crate::kiosk::{
    Entry, EntryText, KioskLanguage, KioskSettings, KnowledgeBase, PinRecord, Topic,
};
use crate::merge::Record;
use crate::presentation::Presentation;
use crate::territory::ResidenceId;

use super::edit::SettingEdit;

/// Three years after the last contact, as the sign-up notice says (CNIL's usual period for
/// prospects).
pub const DEFAULT_RETENTION_MONTHS: u16 = 36;

/// What the coordinator changed of one knowledge-base entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnowledgeEdit {
    pub topic: Option<Topic>,
    /// Question and answer per language.
    pub texts: BTreeMap<KioskLanguage, (String, String)>,
    pub hidden: bool,
}

/// A campaign's settings as the devices and the coordinator's screen use them. Anything never
/// set is `None`, empty or the default, and the screens fall back to the shipped content. The
/// coordinator's editor reads it as JSON from the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSettings {
    pub name: Option<String>,
    pub territory: String,
    /// `None`: the presentation's shipped placeholder name.
    pub app_name: Option<String>,
    /// Set by the coordinator; a résidence without one uses the link imported with the territory.
    pub join_links: BTreeMap<ResidenceId, String>,
    pub kiosk: KioskSettings,
    /// `None` until the coordinator sets one: the kiosk then keeps the PIN set on it, if any.
    pub kiosk_pin: Option<PinRecord>,
    pub knowledge: BTreeMap<String, KnowledgeEdit>,
    pub retention_months: u16,
    /// How many changes of the knowledge base were seen (each event once), added to the shipped
    /// revision so a kiosk's answers say which content they came from.
    pub knowledge_changes: u32,
    /// When the last change was made and by whom.
    pub last_change: Option<(Hlc, Actor)>,
}

impl Default for CampaignSettings {
    fn default() -> CampaignSettings {
        CampaignSettings {
            name: None,
            territory: String::new(),
            app_name: None,
            join_links: BTreeMap::new(),
            kiosk: KioskSettings::default(),
            kiosk_pin: None,
            knowledge: BTreeMap::new(),
            retention_months: DEFAULT_RETENTION_MONTHS,
            knowledge_changes: 0,
            last_change: None,
        }
    }
}

/// Days kept after the last contact, for the server's retention job: a year is 365 days, so the
/// default three years are the 1,095 days the campaigns table starts with.
pub fn retention_days(months: u16) -> u32 {
    u32::from(months) * 365 / 12
}

/// The device id under which the server writes a campaign's settings: fixed for the campaign,
/// the same on every server and device, so each can recognise the real writer. Its UUID version
/// is 8 ("custom"): devices make version 4 ids, so none is ever this one.
pub fn settings_writer(campaign: &CampaignId) -> DeviceId {
    // FNV-1a, twice with different offsets: a stable spread of the id, not a secret.
    let fnv = |offset: u64| {
        format!("palier/campaign-settings/{campaign}")
            .bytes()
            .fold(offset, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            })
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&fnv(0xcbf2_9ce4_8422_2325).to_be_bytes());
    bytes[8..].copy_from_slice(&fnv(0x6c62_272e_07bb_0142).to_be_bytes());
    DeviceId::derived(bytes)
}

/// The settings of `campaign` from a log (a device's, the coordinator's import); other campaigns'
/// events, other kinds and changes not written by the campaign's writer are skipped. Any order
/// of the same events gives the same settings.
pub fn campaign_settings<'a>(
    campaign: &CampaignId,
    events: impl IntoIterator<Item = &'a EventEnvelope>,
) -> CampaignSettings {
    let writer = settings_writer(campaign);
    let mut record = Record::default();
    let mut knowledge_events = BTreeSet::new();
    let mut last: Option<(Hlc, Actor)> = None;
    for event in events {
        let EventBody::CampaignSettingsChanged(change) = &event.body else {
            continue;
        };
        let by_coordinator = matches!(event.actor, Actor::Coordinator { .. });
        if event.campaign != *campaign || event.device != writer || !by_coordinator {
            continue;
        }
        for (key, value) in &change.fields {
            record.apply(key, value.clone(), event.hlc.clone());
            if key.starts_with("knowledge/") {
                knowledge_events.insert(event.hlc.clone());
            }
        }
        if last.as_ref().is_none_or(|(at, _)| event.hlc > *at) {
            last = Some((event.hlc.clone(), event.actor.clone()));
        }
    }
    let mut settings = CampaignSettings {
        knowledge_changes: u32::try_from(knowledge_events.len()).unwrap_or(u32::MAX),
        last_change: last,
        ..CampaignSettings::default()
    };
    for (key, write) in &record.fields {
        // A value that does not read or breaks a rule (a corrupted store, a newer field) is
        // skipped: the rest of the settings still apply.
        let Some(edit) = SettingEdit::from_field(key, &write.value) else {
            continue;
        };
        if edit.check().is_ok() {
            settings.take(edit);
        }
    }
    settings
}

impl CampaignSettings {
    fn take(&mut self, edit: SettingEdit) {
        match edit {
            SettingEdit::Name { value } => self.name = Some(value),
            SettingEdit::Territory { value } => self.territory = value,
            SettingEdit::AppName { value } => {
                self.app_name = Some(value).filter(|v| !v.trim().is_empty())
            }
            SettingEdit::JoinLink { residence, link } => match link {
                Some(link) => {
                    self.join_links.insert(residence, link);
                }
                None => {
                    self.join_links.remove(&residence);
                }
            },
            SettingEdit::KioskIdle { seconds } => self.kiosk.idle_s = seconds,
            SettingEdit::KioskContacts { contacts } => self.kiosk.contacts = contacts,
            SettingEdit::KioskPin { pin } => self.kiosk_pin = Some(pin),
            SettingEdit::KnowledgeText {
                entry,
                language,
                question,
                answer,
            } => {
                let edit = self.knowledge.entry(entry).or_default();
                edit.texts.insert(language, (question, answer));
            }
            SettingEdit::KnowledgeTopic { entry, topic } => {
                self.knowledge.entry(entry).or_default().topic = Some(topic)
            }
            SettingEdit::KnowledgeHidden { entry, hidden } => {
                self.knowledge.entry(entry).or_default().hidden = hidden
            }
            SettingEdit::RetentionMonths { months } => self.retention_months = months,
        }
    }

    /// The settings once `edits` are made (they are newer than anything folded so far): what
    /// the editor and the server check before a change is sent or stored.
    pub fn with_edits(&self, edits: &[SettingEdit]) -> CampaignSettings {
        let mut after = self.clone();
        let mut knowledge = false;
        for edit in edits {
            knowledge |= edit.key().starts_with("knowledge/");
            after.take(edit.clone());
        }
        if knowledge {
            after.knowledge_changes = after.knowledge_changes.saturating_add(1);
        }
        after
    }

    /// The résidence's join link: the coordinator's, else the one imported with the territory.
    pub fn join_link<'a>(
        &'a self,
        residence: &ResidenceId,
        imported: Option<&'a str>,
    ) -> Option<&'a str> {
        self.join_links
            .get(residence)
            .map(String::as_str)
            .or(imported)
            .filter(|l| !l.trim().is_empty())
    }

    /// The shipped presentation with the campaign's app name.
    pub fn presentation(&self, shipped: Presentation) -> Presentation {
        match &self.app_name {
            Some(name) => Presentation {
                app_name: name.clone(),
                ..shipped
            },
            None => shipped,
        }
    }

    /// The kiosk's knowledge base: the shipped one with the coordinator's texts, new entries
    /// and hidden ones taken off (from the suggestions too). A new entry without French text is
    /// not shown yet: every language falls back to French.
    pub fn knowledge_base(&self, shipped: &KnowledgeBase) -> KnowledgeBase {
        let mut base = shipped.clone();
        for (id, edit) in &self.knowledge {
            let text = |(question, answer): &(String, String)| EntryText {
                question: question.clone(),
                phrasings: Vec::new(),
                keywords: Vec::new(),
                answer: answer.clone(),
            };
            match base.entries.iter_mut().find(|e| e.id == *id) {
                Some(entry) => {
                    if let Some(topic) = edit.topic {
                        entry.topic = topic;
                    }
                    for (lang, qa) in &edit.texts {
                        match entry.texts.get_mut(lang) {
                            // The shipped phrasings and keywords still help the matching.
                            Some(t) => {
                                t.question = qa.0.clone();
                                t.answer = qa.1.clone();
                            }
                            None => {
                                entry.texts.insert(*lang, text(qa));
                            }
                        }
                    }
                }
                None if edit.texts.contains_key(&KioskLanguage::Fr) => base.entries.push(Entry {
                    id: id.clone(),
                    topic: edit.topic.unwrap_or(Topic::ThisCampaign),
                    texts: edit.texts.iter().map(|(l, qa)| (*l, text(qa))).collect(),
                }),
                None => {}
            }
        }
        let hidden: BTreeSet<&str> = self
            .knowledge
            .iter()
            .filter(|(_, e)| e.hidden)
            .map(|(id, _)| id.as_str())
            .collect();
        base.entries.retain(|e| !hidden.contains(e.id.as_str()));
        for ids in base.suggested.values_mut() {
            ids.retain(|id| !hidden.contains(id.as_str()));
        }
        base.revision = base.revision.saturating_add(self.knowledge_changes);
        base
    }

    /// Days kept after the last contact ([`retention_days`]).
    pub fn retention_days(&self) -> u32 {
        retention_days(self.retention_months)
    }
}
