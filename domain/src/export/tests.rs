//! The exports end to end on the estate of `indicators::fixture`, with residents and notes whose
//! text is as awkward as real life: accents, `;`, quotes, line breaks, formulas.

use super::access::access_request;
use super::register::ConsentRegister;
use super::*;
use crate::calendar::PartOfDay;
use crate::canvass::{DoorOutcome, Wellbeing};
use crate::consent::{ConsentAnswer, Purpose};
use crate::event::{EventBody, EventEnvelope};
use crate::i18n::Locale;
use crate::import::csv::{Separator, records};
use crate::import::{Encoding, decode};
use crate::indicators::fixture::{self, INES, KARIM, dec, estate, nov};
use crate::indicators::log::DistinctLog;
use crate::indicators::scope::{Filter, Places};
use crate::signup::ResidentId;
use crate::territory::DoorId;

const NOTE: &str =
    "Mme N'Diaye ; « très gentille », dit \"repasser\"\r\nsamedi — tél. 06 98 76 54 32";
const REASON: &str = "=HYPERLINK(\"http://x\";\"M. Lefèvre\")";

fn awa() -> ResidentId {
    ResidentId::from_random([0xa1; 16])
}

fn sign_up(door: Option<&str>, resident: ResidentId, first: &str, last: &str) -> EventBody {
    EventBody::ResidentSignedUp {
        door: door.map(|d| DoorId(d.into())),
        resident,
        first_name: first.into(),
        last_name: Some(last.into()),
        phone: Some("+33698765432".into()),
        email: Some(format!("{}@exemple.fr", first.to_lowercase())),
        language: "fr".into(),
        consents: vec![
            ConsentAnswer {
                purpose: Purpose::AppContact,
                granted: true,
            },
            ConsentAnswer {
                purpose: Purpose::ResidenceGroup,
                granted: false,
            },
            ConsentAnswer {
                purpose: Purpose::PartnerReferral,
                granted: true,
            },
        ],
        notice_version: "2026-01".into(),
        local_date: nov(23),
    }
}

fn visit_with_note(door: &str, outcome: DoorOutcome, note: Option<&str>) -> EventBody {
    EventBody::DoorVisited {
        door: DoorId(door.into()),
        outcome,
        note: note.map(str::to_owned),
        wellbeing: Wellbeing::new(4),
        local_date: nov(23),
        part_of_day: PartOfDay::Evening,
    }
}

/// Awa signs up at a1-3 after a visit with a note, and again later (same resident id); Élodie
/// "=cmd" signs up in the hall; b1-1 asks not to be disturbed with a formula for a reason.
fn log() -> Vec<EventEnvelope> {
    vec![
        fixture::event(
            1,
            INES,
            visit_with_note("a1-3", DoorOutcome::SignedUp, Some(NOTE)),
        ),
        fixture::event(2, INES, sign_up(Some("a1-3"), awa(), "Awa", "Diallo")),
        fixture::event(3, INES, fixture::presented(Some("a1-3"), None, nov(23))),
        fixture::event(
            4,
            KARIM,
            visit_with_note(
                "b1-1",
                DoorOutcome::DoNotDisturb {
                    reason: REASON.into(),
                },
                None,
            ),
        ),
        fixture::event(
            5,
            KARIM,
            sign_up(
                None,
                ResidentId::from_random([0xe1; 16]),
                "Élodie",
                "=cmd|' /C calc'!A0",
            ),
        ),
        fixture::event(6, INES, visit_with_note("a1-2", DoorOutcome::Absent, None)),
        fixture::event(7, INES, sign_up(Some("a1-3"), awa(), "Awa", "Diallo")),
    ]
}

fn csv_of(sheet: Sheet<'_>) -> String {
    sheet.write(Format::CsvExcelFr).collect()
}

/// The file read back with the import's own reader, as the coordinator's spreadsheet would.
fn read_back(file: &str) -> Vec<Vec<String>> {
    let decoded = decode(file.as_bytes());
    assert_eq!(decoded.encoding, Encoding::Utf8WithBom);
    records(&decoded.text, Separator::Semicolon)
        .map(|r| r.fields.into_iter().map(|f| f.into_owned()).collect())
        .collect()
}

#[test]
fn awkward_text_round_trips_through_the_csv() {
    let columns = vec![
        Column {
            key: "a",
            heading: "Libellé ; « spécial »",
        },
        Column {
            key: "b",
            heading: "B",
        },
    ];
    let values = [
        "Résidence Les Tilleuls",
        "A; B",
        "dit \"bonjour\"",
        "deux\r\nlignes",
        "une\nligne LF",
        "\"\"",
        "",
        "ثلاثة",
        NOTE,
    ];
    let rows = values
        .iter()
        .map(|v| vec![Cell::text(v), Cell::Integer(-3)])
        .collect::<Vec<_>>();
    let file = csv_of(Sheet::new(columns, rows.into_iter()));
    assert!(file.starts_with('\u{feff}'));
    assert!(file.ends_with("\r\n"));
    assert!(
        file.starts_with("\u{feff}\"Libellé ; « spécial »\";B\r\nRésidence Les Tilleuls;-3\r\n")
    );
    let read = read_back(&file);
    assert_eq!(read[0], ["Libellé ; « spécial »", "B"]);
    let cells: Vec<&str> = read[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(cells, values);
    assert!(read[1..].iter().all(|r| r[1] == "-3"));
}

#[test]
fn the_visits_export_in_both_formats() {
    let events = log();
    let log = DistinctLog::new(&events);
    let territory = estate();
    let filter = Filter::default();
    let places = Places::new(&territory, &filter);
    let campaign = crate::ids::CampaignId::demo();
    let sheet = visits::sheet(&log, &places, &campaign, Locale::Fr, Privacy::Named);
    let read = read_back(&csv_of(sheet));
    assert_eq!(read.len(), 4, "a heading and three visits");
    let heading = &read[0];
    let col = |name: &str| heading.iter().position(|h| h == name).unwrap();
    let first = &read[1];
    assert_eq!(first[col("Date")], "23/11/2026");
    assert_eq!(first[col("Moment de la journée")], "soir");
    assert_eq!(first[col("Bénévole")], INES);
    assert_eq!(first[col("Résidence")], "Les Tilleuls");
    assert_eq!(first[col("Bâtiment")], "Bâtiment A");
    assert_eq!(first[col("Étage")], "2");
    assert_eq!(first[col("N° de porte")], "3");
    assert_eq!(first[col("Résultat")], "Inscrit");
    assert_eq!(first[col("Bien-être (1 à 5)")], "4");
    assert_eq!(first[col("Note")], NOTE, "the note comes back as typed");
    assert_eq!(
        first[col("Enregistré le (heure UTC)")],
        "01/01/1970 00:00:00"
    );
    // The formula is defused, and the rest of the reason kept.
    assert_eq!(
        read[2][col("Raison « ne pas déranger »")],
        format!("'{REASON}")
    );

    let sheet = visits::sheet(&log, &places, &campaign, Locale::En, Privacy::Named);
    let lines: Vec<serde_json::Value> = sheet
        .write(Format::JsonLines)
        .collect::<String>()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["date"], "2026-11-23");
    assert_eq!(lines[0]["part_of_day"], "evening");
    assert_eq!(lines[0]["outcome"], "signed_up");
    assert_eq!(lines[0]["floor"], 2);
    assert_eq!(lines[0]["note"], NOTE);
    assert_eq!(
        lines[1]["do_not_disturb_reason"], REASON,
        "no guard in JSON"
    );
    assert_eq!(lines[2]["come_back_on"], serde_json::Value::Null);

    // The indicators' filter applies: Karim's visits only.
    let karim = Filter {
        volunteer: Some(KARIM.into()),
        ..Filter::default()
    };
    let places = Places::new(&territory, &karim);
    let sheet = visits::sheet(&log, &places, &campaign, Locale::Fr, Privacy::Named);
    assert_eq!(sheet.into_rows().count(), 1);
}

#[test]
fn a_pseudonymised_export_holds_no_personal_value() {
    let events = log();
    let log = DistinctLog::new(&events);
    let territory = estate();
    let filter = Filter::default();
    let places = Places::new(&territory, &filter);
    let campaign = crate::ids::CampaignId::demo();
    let register = ConsentRegister::new(&log, &campaign);
    let secret = Pseudonymiser::new(b"a secret of thirty-two bytes!!!!").unwrap();
    let pseudo = Privacy::Pseudonymised(&secret);
    let mut files = String::new();
    for format in [Format::CsvExcelFr, Format::JsonLines] {
        let v = visits::sheet(&log, &places, &campaign, Locale::Fr, pseudo);
        files.extend(v.write(format));
        let r = register::sheet(&register, &places, Locale::Fr, pseudo);
        files.extend(r.write(format));
    }
    let mut personal = vec![
        "Awa",
        "Diallo",
        "Élodie",
        "cmd",
        "698765432",
        "98 76",
        "@exemple.fr",
        "N'Diaye",
        "repasser",
        "Lefèvre",
        "HYPERLINK",
        INES,
        KARIM,
        "REF-",
        "a1-3",
        "b1-1",
    ];
    let ids: Vec<String> = events
        .iter()
        .flat_map(|e| [e.id.to_string(), e.device.to_string()])
        .chain([awa().to_string()])
        .collect();
    personal.extend(ids.iter().map(String::as_str));
    for value in personal {
        assert!(!files.contains(value), "{value:?} leaked into the export");
    }
    // Awa's two sign-ups carry one pseudonym, which is not Élodie's.
    let rows: Vec<_> = register::sheet(&register, &places, Locale::Fr, pseudo)
        .into_rows()
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][2], rows[2][2]);
    assert_ne!(rows[0][2], rows[1][2]);
    // What a report needs is still there.
    assert!(files.contains("Les Tilleuls") && files.contains("Inscrit"));
    assert!(files.contains("\"consent_partner_referral\":true"));
}

#[test]
fn the_consent_register_says_who_agreed_to_what_when_and_with_which_notice() {
    let events = log();
    let log = DistinctLog::new(&events);
    let campaign = crate::ids::CampaignId::demo();
    let register = ConsentRegister::new(&log, &campaign);
    assert_eq!(register.entries.len(), 3);
    let first = &register.entries[0];
    assert_eq!(first.first_name, "Awa");
    assert_eq!(first.answer(Purpose::AppContact), Some(true));
    assert_eq!(first.answer(Purpose::ResidenceGroup), Some(false));
    assert_eq!(first.notice_version, "2026-01");
    assert_eq!(first.on, nov(23));
    assert_eq!(first.event.hlc.wall_ms, 2);
    assert_eq!(
        first.event.actor,
        crate::event::Actor::Volunteer { name: INES.into() }
    );
    assert_eq!(register.of(&awa()).count(), 2);
    assert_eq!(register.current(&awa()).unwrap().event.hlc.wall_ms, 7);

    // Finding the person behind a request, by name, email or phone as they typed it.
    assert_eq!(register.find("awa"), [&awa()]);
    assert_eq!(register.find("DIALLO"), [&awa()]);
    assert_eq!(
        register.find("06 98 76 54 32").len(),
        2,
        "both share the number"
    );
    assert_eq!(register.find("élodie@exemple.fr").len(), 1);
    assert!(register.find("  ").is_empty());
    assert!(register.find("Zoé").is_empty());

    let other = crate::ids::CampaignId::parse("autre").unwrap();
    assert!(ConsentRegister::new(&log, &other).entries.is_empty());
}

#[test]
fn an_access_request_gathers_everything_about_one_resident() {
    let events = log();
    let log = DistinctLog::new(&events);
    let territory = estate();
    let places = Places::new(&territory, &Filter::default());
    let campaign = crate::ids::CampaignId::demo();
    let register = ConsentRegister::new(&log, &campaign);
    let awa = awa();
    let report = access_request(&log, &register, &campaign, &awa);
    assert_eq!(report.sign_ups.len(), 2);
    assert_eq!(report.visits.len(), 1, "the visit at a1-3, not a1-2's");
    assert_eq!(report.presentations.len(), 1);

    let json: serde_json::Value =
        serde_json::from_str(&report.to_json(&places, Locale::Fr)).unwrap();
    assert_eq!(json["resident"], awa.as_str());
    assert_eq!(json["sign_ups"][0]["first_name"], "Awa");
    assert_eq!(json["sign_ups"][1]["phone"], "+33698765432");
    assert_eq!(json["sign_ups"][0]["consent_residence_group"], false);
    assert_eq!(json["sign_ups"][0]["notice_version"], "2026-01");
    assert_eq!(json["visits"][0]["note"], NOTE);
    assert_eq!(json["presentations"][0]["apartment"], "3");
    assert!(!json.to_string().contains("Élodie"));

    let sheets = report.sheets(&places, Locale::Fr);
    assert_eq!(sheets.len(), access::SECTIONS.len());
    for sheet in sheets {
        let width = sheet.columns.len();
        assert!(sheet.into_rows().all(|row| row.len() == width));
    }

    let nobody = ResidentId::from_random([0x99; 16]);
    let empty = access_request(&log, &register, &campaign, &nobody);
    assert!(empty.sign_ups.is_empty() && empty.visits.is_empty());
}

#[test]
fn rows_always_match_their_headings() {
    let events = log();
    let log = DistinctLog::new(&events);
    let territory = estate();
    let filter = Filter::default();
    let places = Places::new(&territory, &filter);
    let campaign = crate::ids::CampaignId::demo();
    let register = ConsentRegister::new(&log, &campaign);
    let secret = Pseudonymiser::new(&[3; 16]).unwrap();
    for privacy in [Privacy::Named, Privacy::Pseudonymised(&secret)] {
        for locale in Locale::ALL {
            let sheets = [
                visits::sheet(&log, &places, &campaign, locale, privacy),
                register::sheet(&register, &places, locale, privacy),
            ];
            for sheet in sheets {
                let width = sheet.columns.len();
                let keys: std::collections::HashSet<_> =
                    sheet.columns.iter().map(|c| c.key).collect();
                assert_eq!(keys.len(), width, "keys are unique");
                assert!(sheet.into_rows().all(|row| row.len() == width));
            }
        }
    }
}

#[test]
fn a_large_export_comes_in_chunks_that_add_up_to_the_file() {
    let territory = fixture::big_estate(2);
    let events = fixture::big_log(&territory, 30_000);
    let log = DistinctLog::new(&events);
    let filter = Filter::default();
    let places = Places::new(&territory, &filter);
    let campaign = crate::ids::CampaignId::demo();
    for format in [Format::CsvExcelFr, Format::JsonLines] {
        let sheet = || visits::sheet(&log, &places, &campaign, Locale::Fr, Privacy::Named);
        let chunks: Vec<String> = sheet().write(format).collect();
        assert!(chunks.len() > 10, "{} chunks", chunks.len());
        assert!(chunks.iter().all(|c| c.len() < CHUNK_BYTES + 1024));
        let lines: usize = chunks.iter().map(|c| c.matches('\n').count()).sum();
        let rows = sheet().into_rows().count();
        let heading = usize::from(format == Format::CsvExcelFr);
        assert_eq!(lines, rows + heading);
        assert!(chunks[1..].iter().all(|c| !c.starts_with('\u{feff}')));
    }
    assert_eq!(
        file_name(&campaign, "passages", dec(2), Format::CsvExcelFr),
        "palier-demo-passages-2026-12-02.csv"
    );
}

#[test]
#[ignore = "a timing, run on demand in release"]
fn exporting_100k_visits() {
    let territory = fixture::big_estate(10);
    let events = fixture::big_log(&territory, 111_000);
    let log = DistinctLog::new(&events);
    let filter = Filter::default();
    let places = Places::new(&territory, &filter);
    let campaign = crate::ids::CampaignId::demo();
    let secret = Pseudonymiser::new(&[5; 32]).unwrap();
    for (format, privacy) in [
        (Format::CsvExcelFr, Privacy::Named),
        (Format::JsonLines, Privacy::Named),
        (Format::CsvExcelFr, Privacy::Pseudonymised(&secret)),
    ] {
        let start = std::time::Instant::now();
        let (mut bytes, mut chunks, mut largest) = (0, 0, 0);
        let sheet = visits::sheet(&log, &places, &campaign, Locale::Fr, privacy);
        for chunk in sheet.write(format) {
            bytes += chunk.len();
            largest = largest.max(chunk.len());
            chunks += 1;
        }
        let rows = visits::sheet(&log, &places, &campaign, Locale::Fr, privacy)
            .into_rows()
            .count();
        println!(
            "{format:?} {}: {rows} rows, {:.1} MB in {chunks} chunks (largest {largest} B), {:.0} ms",
            if matches!(privacy, Privacy::Named) {
                "named"
            } else {
                "pseudonymised"
            },
            bytes as f64 / 1e6,
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}
