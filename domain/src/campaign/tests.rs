//! The campaign settings: fold, convergence whatever the order, and every rule of a change.

use proptest::prelude::*;

use super::*;
use crate::event::{Actor, EventBody, EventEnvelope, EventError, Recorder};
use crate::i18n::Locale;
use crate::ids::{CampaignId, DeviceId};
use crate::kiosk::{KioskLanguage, LandlordContacts, PIN_ITERATIONS, PinProblem, PinRecord, Topic};
use crate::territory::ResidenceId;

const NOW: u64 = 1_800_000_000_000;

fn campaign() -> CampaignId {
    CampaignId::parse("tilleuls-2026").unwrap()
}

fn diallo() -> Actor {
    Actor::Coordinator {
        name: "Mme Diallo".into(),
    }
}

fn link(residence: &str, url: &str) -> SettingEdit {
    SettingEdit::JoinLink {
        residence: ResidenceId(residence.into()),
        link: Some(url.into()),
    }
}

fn pin() -> PinRecord {
    PinRecord {
        salt: "ab".repeat(16),
        iterations: PIN_ITERATIONS,
        hash: "cd".repeat(32),
    }
}

/// A sample body for the event module's tests.
pub(crate) fn event_sample() -> EventBody {
    EventBody::CampaignSettingsChanged(SettingsChange::from_edits(&[
        SettingEdit::AppName {
            value: "Voisins".into(),
        },
        link("tilleuls", "https://voisins.example/rejoindre/tilleuls"),
        SettingEdit::KioskPin { pin: pin() },
    ]))
}

/// The server's way of writing: the campaign's writer device, a coordinator as actor.
fn written(recorder: &mut Recorder, at: u64, edits: &[SettingEdit]) -> EventEnvelope {
    recorder.record(
        at,
        [1; 10],
        diallo(),
        campaign(),
        EventBody::CampaignSettingsChanged(SettingsChange::from_edits(edits)),
    )
}

fn writer() -> Recorder {
    Recorder::new(settings_writer(&campaign()))
}

#[test]
fn nothing_set_reads_as_the_defaults() {
    let settings = campaign_settings(&campaign(), []);
    assert_eq!(settings, CampaignSettings::default());
    assert_eq!(settings.retention_months, 36);
    assert_eq!(
        settings.retention_days(),
        1095,
        "the campaigns table's default"
    );
    assert_eq!(settings.kiosk.idle_ms(), 60_000);
}

#[test]
fn the_later_change_of_a_field_wins_and_other_fields_are_kept() {
    let mut rec = writer();
    let first = written(
        &mut rec,
        NOW,
        &[
            link("tilleuls", "https://a.example/t"),
            SettingEdit::KioskIdle { seconds: 90 },
        ],
    );
    let second = written(
        &mut rec,
        NOW + 10,
        &[
            link("tilleuls", "https://b.example/t"),
            link("lilas", "https://b.example/l"),
            SettingEdit::RetentionMonths { months: 24 },
        ],
    );
    let settings = campaign_settings(&campaign(), [&second, &first]);
    let tilleuls = ResidenceId("tilleuls".into());
    assert_eq!(
        settings.join_link(&tilleuls, Some("https://imported.example")),
        Some("https://b.example/t")
    );
    assert_eq!(
        settings.join_link(
            &ResidenceId("clos".into()),
            Some("https://imported.example")
        ),
        Some("https://imported.example"),
        "a résidence without a link of its own keeps the imported one"
    );
    assert_eq!(settings.kiosk.idle_s, 90);
    assert_eq!(settings.retention_months, 24);
    assert_eq!(settings.last_change, Some((second.hlc.clone(), diallo())));
    // Removing a link brings the imported one back.
    let third = written(
        &mut rec,
        NOW + 20,
        &[SettingEdit::JoinLink {
            residence: tilleuls.clone(),
            link: None,
        }],
    );
    let settings = campaign_settings(&campaign(), [&first, &third, &second]);
    assert_eq!(settings.join_link(&tilleuls, None), None);
}

#[test]
fn only_the_campaigns_writer_and_this_campaign_count() {
    let edits = [SettingEdit::KioskPin { pin: pin() }];
    let mut tablet = Recorder::new(DeviceId::from_random([9; 16]));
    let forged = written(&mut tablet, NOW, &edits);
    assert_eq!(campaign_settings(&campaign(), [&forged]).kiosk_pin, None);
    let other = CampaignId::parse("lilas").unwrap();
    let mut rec = Recorder::new(settings_writer(&other));
    let elsewhere = rec.record(
        NOW,
        [1; 10],
        diallo(),
        other.clone(),
        EventBody::CampaignSettingsChanged(SettingsChange::from_edits(&edits)),
    );
    assert_eq!(campaign_settings(&campaign(), [&elsewhere]).kiosk_pin, None);
    assert_eq!(
        campaign_settings(&other, [&elsewhere]).kiosk_pin,
        Some(pin())
    );
}

#[test]
fn the_writer_is_fixed_per_campaign_and_never_a_tablets_id() {
    let a = settings_writer(&campaign());
    assert_eq!(a, settings_writer(&campaign()));
    assert_ne!(a, settings_writer(&CampaignId::demo()));
    assert_eq!(&a.as_str()[14..15], "8", "UUID version 8: {a}");
    assert_eq!(DeviceId::parse(a.as_str()), Ok(a));
}

#[test]
fn only_a_coordinator_changes_settings() {
    let mut rec = writer();
    let mut event = written(&mut rec, NOW, &[SettingEdit::KioskIdle { seconds: 45 }]);
    assert_eq!(event.validate(), Ok(()));
    assert_eq!(campaign_settings(&campaign(), [&event]).kiosk.idle_s, 45);
    for actor in [
        Actor::Volunteer {
            name: "Inès".into(),
        },
        Actor::Kiosk,
        Actor::Device,
    ] {
        event.actor = actor;
        assert_eq!(campaign_settings(&campaign(), [&event]).kiosk.idle_s, 60);
    }
}

#[test]
fn a_bad_value_in_an_event_is_refused_where_it_enters() {
    let mut rec = writer();
    let mut change = SettingsChange::default();
    assert_eq!(
        written(&mut rec, NOW, &[]).validate(),
        Err(EventError::CampaignSettings(SettingProblem::NoEdits))
    );
    change
        .fields
        .insert("kiosk_idle_s".into(), serde_json::json!(5));
    let event = rec.record(
        NOW,
        [2; 10],
        diallo(),
        campaign(),
        EventBody::CampaignSettingsChanged(change.clone()),
    );
    assert_eq!(
        event.validate(),
        Err(EventError::CampaignSettings(
            SettingProblem::IdleOutOfRange { seconds: 5 }
        ))
    );
    // A newer server's field passes and is kept in the merge; this build just does not use it.
    change.fields.clear();
    change
        .fields
        .insert("kiosk_theme".into(), serde_json::json!("dark"));
    assert_eq!(
        change.edits(),
        Err(SettingProblem::UnknownField {
            key: "kiosk_theme".into()
        })
    );
    assert_eq!(change.check(), Ok(()));
}

#[test]
fn the_wire_form_is_one_key_per_field() {
    let body = serde_json::to_value(event_sample()).unwrap();
    assert_eq!(body["type"], "CampaignSettingsChanged");
    assert_eq!(body["fields"]["app_name"], "Voisins");
    assert_eq!(
        body["fields"]["join_link/tilleuls"],
        "https://voisins.example/rejoindre/tilleuls"
    );
    assert_eq!(body["fields"]["kiosk_pin"]["iterations"], PIN_ITERATIONS);
    let edits = [
        SettingEdit::Name {
            value: " Tilleuls ".into(),
        },
        SettingEdit::Territory {
            value: "Quartier Nord".into(),
        },
        SettingEdit::KioskContacts {
            contacts: LandlordContacts {
                phone: "01 23 45 67 89".into(),
                ..LandlordContacts::default()
            },
        },
        SettingEdit::KnowledgeText {
            entry: "app_cost".into(),
            language: KioskLanguage::Ar,
            question: "كم الثمن؟".into(),
            answer: "مجاني.".into(),
        },
        SettingEdit::KnowledgeTopic {
            entry: "bike_room".into(),
            topic: Topic::LandlordServices,
        },
        SettingEdit::KnowledgeHidden {
            entry: "app_cost".into(),
            hidden: true,
        },
        SettingEdit::RetentionMonths { months: 12 },
    ];
    let change = SettingsChange::from_edits(&edits);
    let read = change.edits().unwrap();
    assert_eq!(read.len(), edits.len());
    assert!(read.contains(&SettingEdit::Name {
        value: "Tilleuls".into()
    }));
    for edit in &edits[1..] {
        assert!(read.contains(edit), "{edit:?}");
    }
    // The API's shape of an edit.
    let api: SettingEdit = serde_json::from_str(
        r#"{"field":"join_link","residence":"tilleuls","link":"https://x.example"}"#,
    )
    .unwrap();
    assert_eq!(api, link("tilleuls", "https://x.example"));
}

#[test]
fn every_rule_of_the_form_is_checked() {
    let refused = |edit: SettingEdit| edit.check().unwrap_err();
    assert_eq!(
        refused(SettingEdit::Name { value: " ".into() }),
        SettingProblem::NameEmpty
    );
    assert_eq!(
        refused(SettingEdit::Name {
            value: "n".repeat(MAX_NAME_CHARS + 1)
        }),
        SettingProblem::NameTooLong
    );
    assert_eq!(
        refused(SettingEdit::Territory {
            value: "t".repeat(MAX_TERRITORY_CHARS + 1)
        }),
        SettingProblem::TerritoryTooLong
    );
    for bad in [
        "http://voisins.example",
        "voisins.example",
        "https://",
        "https:// voisins.example",
        "https://voisins.example/a b",
        "javascript:alert(1)",
        "https://user@evil.example",
    ] {
        assert_eq!(
            refused(link("tilleuls", bad)),
            SettingProblem::JoinLinkNotHttps,
            "{bad}"
        );
    }
    assert_eq!(
        refused(link(
            "tilleuls",
            &format!("https://v.example/{}", "a".repeat(MAX_JOIN_LINK_CHARS))
        )),
        SettingProblem::JoinLinkTooLong
    );
    assert_eq!(
        refused(link(" ", "https://v.example")),
        SettingProblem::ResidenceEmpty
    );
    assert_eq!(link("tilleuls", "https://v.example/r?c=1").check(), Ok(()));
    for seconds in [19, 601, 0] {
        assert_eq!(
            refused(SettingEdit::KioskIdle { seconds }),
            SettingProblem::IdleOutOfRange { seconds }
        );
    }
    for seconds in [20, 600] {
        assert_eq!(SettingEdit::KioskIdle { seconds }.check(), Ok(()));
    }
    assert_eq!(
        refused(SettingEdit::KioskContacts {
            contacts: LandlordContacts {
                caretaker: "c".repeat(MAX_CONTACT_CHARS + 1),
                ..LandlordContacts::default()
            }
        }),
        SettingProblem::ContactTooLong
    );
    for bad in [
        PinRecord {
            salt: "zz".repeat(16),
            ..pin()
        },
        PinRecord {
            hash: "cd".repeat(31),
            ..pin()
        },
        PinRecord {
            iterations: 1_000,
            ..pin()
        },
    ] {
        assert_eq!(
            refused(SettingEdit::KioskPin { pin: bad }),
            SettingProblem::PinRecordMalformed
        );
    }
    let text = |entry: &str, question: &str, answer: &str| SettingEdit::KnowledgeText {
        entry: entry.into(),
        language: KioskLanguage::Fr,
        question: question.into(),
        answer: answer.into(),
    };
    assert_eq!(
        refused(text("Vélos", "Où ranger mon vélo ?", "Au local vélos.")),
        SettingProblem::EntryIdBad {
            entry: "Vélos".into()
        }
    );
    assert_eq!(
        refused(text("velo", " ", "Au local.")),
        SettingProblem::QuestionEmpty
    );
    assert_eq!(
        refused(text("velo", "Où ?", "\n")),
        SettingProblem::AnswerEmpty
    );
    assert_eq!(
        refused(text("velo", "Où ?", &"a".repeat(1201))),
        SettingProblem::AnswerTooLong { chars: 1201 }
    );
    assert_eq!(
        refused(text("velo", "Où ?", "Appelez {landlord_phon}.")),
        SettingProblem::UnknownPlaceholder {
            name: "landlord_phon".into()
        }
    );
    assert_eq!(
        text("velo", "Où ranger mon vélo ?", "Appelez {caretaker}.").check(),
        Ok(())
    );
    for months in [0, 121] {
        assert_eq!(
            refused(SettingEdit::RetentionMonths { months }),
            SettingProblem::RetentionOutOfRange {
                months: u32::from(months)
            }
        );
    }
    assert_eq!(check_pin_pair("480913", " 480913 "), Ok("480913".into()));
    assert_eq!(
        check_pin_pair("480913", "480914"),
        Err(SettingProblem::PinsDiffer)
    );
    assert_eq!(
        check_pin_pair("123456", "123456"),
        Err(SettingProblem::Pin(PinProblem::TooEasy))
    );
}

#[test]
fn every_problem_is_said_in_french_english_and_arabic() {
    let problems = [
        SettingProblem::NoEdits,
        SettingProblem::UnknownField { key: "x".into() },
        SettingProblem::NameEmpty,
        SettingProblem::NameTooLong,
        SettingProblem::TerritoryTooLong,
        SettingProblem::AppNameTooLong,
        SettingProblem::ResidenceEmpty,
        SettingProblem::JoinLinkNotHttps,
        SettingProblem::JoinLinkTooLong,
        SettingProblem::IdleOutOfRange { seconds: 5 },
        SettingProblem::ContactTooLong,
        SettingProblem::PinRecordMalformed,
        SettingProblem::EntryIdBad { entry: "É".into() },
        SettingProblem::QuestionEmpty,
        SettingProblem::AnswerEmpty,
        SettingProblem::AnswerTooLong { chars: 1300 },
        SettingProblem::UnknownPlaceholder {
            name: "landlord_phon".into(),
        },
        SettingProblem::RetentionOutOfRange { months: 200 },
        SettingProblem::Pin(PinProblem::TooShort),
        SettingProblem::PinsDiffer,
    ];
    for problem in &problems {
        let [fr, en, ar] = [Locale::Fr, Locale::En, Locale::Ar].map(|l| problem.message(l));
        assert!(
            !fr.is_empty() && fr != en && en != ar && fr != ar,
            "{problem:?}"
        );
        assert!(!fr.contains("{n}") && !ar.contains("{s}"), "{fr} / {ar}");
        assert!(!problem.code().is_empty());
    }
    assert!(
        SettingProblem::UnknownPlaceholder {
            name: "landlord_phon".into()
        }
        .message(Locale::Fr)
        .starts_with("{landlord_phon}")
    );
    assert!(
        SettingProblem::IdleOutOfRange { seconds: 5 }
            .message(Locale::Ar)
            .contains('5')
    );
    for locale in [Locale::Fr, Locale::En, Locale::Ar] {
        assert!(!CampaignText::Saved.text(locale).is_empty());
    }
}

#[test]
fn the_kiosk_gets_the_shipped_knowledge_with_the_coordinators_changes() {
    let shipped = crate::kiosk::default_knowledge();
    let first = shipped.entries[0].id.clone();
    let second = shipped.entries[1].id.clone();
    let mut rec = writer();
    let events = [
        written(
            &mut rec,
            NOW,
            &[SettingEdit::KnowledgeText {
                entry: first.clone(),
                language: KioskLanguage::Fr,
                question: shipped.entries[0].texts[&KioskLanguage::Fr]
                    .question
                    .clone(),
                answer: "C'est gratuit, pour toujours.".into(),
            }],
        ),
        written(
            &mut rec,
            NOW + 1,
            &[
                SettingEdit::KnowledgeText {
                    entry: "local-velos".into(),
                    language: KioskLanguage::Fr,
                    question: "Où ranger mon vélo ?".into(),
                    answer: "Au local vélos, badge auprès de {caretaker}.".into(),
                },
                SettingEdit::KnowledgeTopic {
                    entry: "local-velos".into(),
                    topic: Topic::LandlordServices,
                },
                SettingEdit::KnowledgeHidden {
                    entry: second.clone(),
                    hidden: true,
                },
                // Not shown: no French text.
                SettingEdit::KnowledgeText {
                    entry: "only-arabic".into(),
                    language: KioskLanguage::Ar,
                    question: "أين الدراجات؟".into(),
                    answer: "في القبو.".into(),
                },
            ],
        ),
    ];
    let settings = campaign_settings(&campaign(), &events);
    let base = settings.knowledge_base(&shipped);
    base.validate().unwrap();
    assert_eq!(base.revision, shipped.revision + 2);
    let edited = base.entries.iter().find(|e| e.id == first).unwrap();
    assert_eq!(
        edited.texts[&KioskLanguage::Fr].answer,
        "C'est gratuit, pour toujours."
    );
    assert_eq!(
        edited.texts[&KioskLanguage::Fr].phrasings,
        shipped.entries[0].texts[&KioskLanguage::Fr].phrasings,
        "the shipped phrasings still help the matching"
    );
    let added = base.entries.iter().find(|e| e.id == "local-velos").unwrap();
    assert_eq!(added.topic, Topic::LandlordServices);
    assert!(base.entries.iter().all(|e| e.id != second));
    assert!(base.entries.iter().all(|e| e.id != "only-arabic"));
    assert!(base.suggested.values().flatten().all(|id| *id != second));
    // Putting it back.
    let back = written(
        &mut rec,
        NOW + 2,
        &[SettingEdit::KnowledgeHidden {
            entry: second.clone(),
            hidden: false,
        }],
    );
    let all: Vec<&EventEnvelope> = events.iter().chain([&back]).collect();
    let settings = campaign_settings(&campaign(), all);
    assert!(
        settings
            .knowledge_base(&shipped)
            .entries
            .iter()
            .any(|e| e.id == second)
    );
}

#[test]
fn the_presentation_takes_the_campaigns_app_name() {
    let shipped = crate::presentation::default_presentation();
    let mut rec = writer();
    let named = written(
        &mut rec,
        NOW,
        &[SettingEdit::AppName {
            value: "Voisins Solidaires".into(),
        }],
    );
    let settings = campaign_settings(&campaign(), [&named]);
    assert_eq!(
        settings.presentation(shipped.clone()).app_name,
        "Voisins Solidaires"
    );
    let cleared = written(
        &mut rec,
        NOW + 1,
        &[SettingEdit::AppName { value: "".into() }],
    );
    let settings = campaign_settings(&campaign(), [&named, &cleared]);
    assert_eq!(
        settings.presentation(shipped.clone()).app_name,
        shipped.app_name
    );
}

#[test]
fn volunteers_are_listed_with_their_last_activity() {
    let mut a = Recorder::new(DeviceId::from_random([1; 16]));
    let mut b = Recorder::new(DeviceId::from_random([2; 16]));
    let note = |t: &str| EventBody::FieldNoteRecorded { text: t.into() };
    let ines = |n: &str| Actor::Volunteer { name: n.into() };
    let events = [
        a.record(NOW, [0; 10], ines("Inès"), campaign(), note("a")),
        b.record(NOW + 50, [0; 10], ines(" inès "), campaign(), note("b")),
        a.record(NOW + 20, [0; 10], ines("Karim"), campaign(), note("c")),
        a.record(NOW + 99, [0; 10], Actor::Kiosk, campaign(), note("d")),
        a.record(NOW + 99, [0; 10], diallo(), campaign(), note("e")),
    ];
    let list = volunteers(&events);
    assert_eq!(
        list,
        vec![
            VolunteerActivity {
                name: "inès".into(),
                last_ms: NOW + 50,
                events: 2,
                devices: 2,
            },
            VolunteerActivity {
                name: "Karim".into(),
                last_ms: NOW + 20,
                events: 1,
                devices: 1,
            },
        ]
    );
}

fn any_edit() -> impl Strategy<Value = SettingEdit> {
    prop_oneof![
        (0..3usize, 0..3usize).prop_map(|(r, u)| link(
            ["tilleuls", "lilas", "clos"][r],
            [
                "https://a.example",
                "https://b.example",
                "https://c.example"
            ][u]
        )),
        (20..600u32).prop_map(|seconds| SettingEdit::KioskIdle { seconds }),
        (1..120u16).prop_map(|months| SettingEdit::RetentionMonths { months }),
        any::<bool>().prop_map(|hidden| SettingEdit::KnowledgeHidden {
            entry: "app_cost".into(),
            hidden
        }),
        "[a-z]{1,8}".prop_map(|value| SettingEdit::AppName { value }),
    ]
}

proptest! {
    /// The server writes with one clock, but devices may receive the events in any order, and
    /// twice: every order gives the same settings.
    #[test]
    fn any_order_gives_the_same_settings(
        (changes, order) in prop::collection::vec(prop::collection::vec(any_edit(), 1..4), 1..12)
            .prop_flat_map(|c| {
                let n = c.len();
                (Just(c), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
            }),
        repeat in 0..3usize,
    ) {
        let mut rec = writer();
        let events: Vec<EventEnvelope> = changes
            .iter()
            .enumerate()
            .map(|(i, edits)| written(&mut rec, NOW + (i as u64 % 3), edits))
            .collect();
        let in_order = campaign_settings(&campaign(), &events);
        let mut shuffled: Vec<&EventEnvelope> = order.iter().map(|&i| &events[i]).collect();
        shuffled.extend(events.iter().take(repeat));
        prop_assert_eq!(campaign_settings(&campaign(), shuffled), in_order.clone());
        // And it is what the last edit of each field said.
        let mut last_idle = None;
        for edits in &changes {
            for edit in edits {
                if let SettingEdit::KioskIdle { seconds } = edit {
                    last_idle = Some(*seconds);
                }
            }
        }
        prop_assert_eq!(in_order.kiosk.idle_s, last_idle.unwrap_or(60));
    }
}

#[test]
fn edits_made_on_top_give_what_the_fold_will_give_once_stored() {
    let mut rec = writer();
    let first = written(&mut rec, NOW, &[SettingEdit::KioskIdle { seconds: 45 }]);
    let edits = [
        link("tilleuls", "https://v.example/t"),
        SettingEdit::KnowledgeHidden {
            entry: "app_cost".into(),
            hidden: true,
        },
    ];
    let second = written(&mut rec, NOW + 1, &edits);
    let before = campaign_settings(&campaign(), [&first]);
    let mut predicted = before.with_edits(&edits);
    let stored = campaign_settings(&campaign(), [&first, &second]);
    predicted.last_change = stored.last_change.clone();
    assert_eq!(predicted, stored);
}
