//! The encrypted export's round trip with RustCrypto standing in for WebCrypto: the same PBKDF2
//! and AES-GCM the browsers run, so the format this file fixes is the one both sides follow.

use super::*;
use crate::calendar::LocalDate;
use crate::event::{Actor, EventBody, EventEnvelope, Recorder};
use crate::ids::CampaignId;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// PBKDF2-HMAC-SHA256 for a 32-byte key, remembered per passphrase, salt and rounds: 600,000
/// rounds take seconds in a test build, and the tests below ask the same few keys again.
fn pbkdf2(passphrase: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
    type Known = Vec<((String, Vec<u8>, u32), [u8; 32])>;
    static KNOWN: std::sync::Mutex<Known> = std::sync::Mutex::new(Vec::new());
    let id = (passphrase.to_owned(), salt.to_vec(), rounds);
    if let Some((_, key)) = KNOWN.lock().unwrap().iter().find(|(k, _)| *k == id) {
        return *key;
    }
    let key = derive(passphrase, salt, rounds);
    KNOWN.lock().unwrap().push((id, key));
    key
}

/// PBKDF2-HMAC-SHA256 for a 32-byte key (RFC 8018, one block).
fn derive(passphrase: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
    let prf = <Hmac<Sha256> as Mac>::new_from_slice(passphrase.as_bytes()).unwrap();
    let mut mac = prf.clone();
    mac.update(salt);
    mac.update(&1u32.to_be_bytes());
    let mut u: [u8; 32] = mac.finalize().into_bytes().into();
    let mut key = u;
    for _ in 1..rounds {
        let mut mac = prf.clone();
        mac.update(&u);
        u = mac.finalize().into_bytes().into();
        key.iter_mut().zip(u).for_each(|(k, b)| *k ^= b);
    }
    key
}

fn seal(file: &OutboxFile, passphrase: &str) -> String {
    let header = ProtectedExport::header(file, [7; SALT_BYTES], [9; NONCE_BYTES]);
    let key = pbkdf2(passphrase, &header.salt_bytes(), header.iterations);
    let cipher = Aes256Gcm::new_from_slice(&key).unwrap();
    let ct = cipher
        .encrypt(
            Nonce::from_slice(&header.nonce_bytes()),
            Payload {
                msg: &ProtectedExport::plaintext(file),
                aad: &header.additional_data(),
            },
        )
        .unwrap();
    header.sealed(&ct).to_json()
}

fn open(text: &str, passphrase: &str) -> Result<OutboxFile, ProtectedExportProblem> {
    let file = ProtectedExport::parse(text)?;
    let key = pbkdf2(passphrase, &file.salt_bytes(), file.iterations);
    let cipher = Aes256Gcm::new_from_slice(&key).unwrap();
    let plain = cipher
        .decrypt(
            Nonce::from_slice(&file.nonce_bytes()),
            Payload {
                msg: &file.ciphertext_bytes(),
                aad: &file.additional_data(),
            },
        )
        .ok();
    file.open(plain.as_deref())
}

const NOW: u64 = 1_700_000_000_000;

fn device(n: u8) -> DeviceId {
    DeviceId::from_random([n; 16])
}

/// `count` field notes naming a resident, recorded by device `n`.
fn events(n: u8, count: usize) -> Vec<EventEnvelope> {
    let mut recorder = Recorder::new(device(n));
    (0..count)
        .map(|i| {
            recorder.record(
                NOW + i as u64,
                [i as u8; 10],
                Actor::Device,
                CampaignId::demo(),
                EventBody::FieldNoteRecorded {
                    text: "Mme Dupont, rappeler".into(),
                },
            )
        })
        .collect()
}

#[test]
fn the_test_pbkdf2_is_the_standard_one() {
    // RFC 7914 §11, PBKDF2-HMAC-SHA256("passwd", "salt", 1), first 32 bytes.
    let key = derive("passwd", b"salt", 1);
    assert_eq!(
        key.iter().map(|b| format!("{b:02x}")).collect::<String>(),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    );
}

const PASSPHRASE: &str = "escalier B, troisième étage";

#[test]
fn an_export_round_trips_with_its_passphrase_and_hides_its_content() {
    let outbox = OutboxFile::new(device(1), NOW, events(1, 3));
    let text = seal(&outbox, PASSPHRASE);
    assert!(is_protected(&text));
    assert!(!is_protected(&outbox.to_json()));
    // Nothing of the records is readable in the file; the header says whose and how many.
    assert!(outbox.to_json().contains("Dupont"));
    assert!(!text.contains("Dupont"), "{text}");
    let header = ProtectedExport::parse(&text).unwrap();
    assert_eq!(header.iterations, 600_000);
    assert_eq!(header.events, 3);
    assert_eq!(open(&text, PASSPHRASE), Ok(outbox.clone()));
    assert_eq!(
        header.file_name(LocalDate::new(2026, 11, 26).unwrap()),
        "palier-envois-chiffres-01010101-2026-11-26.json"
    );
}

#[test]
fn a_wrong_passphrase_or_a_changed_header_is_refused_with_plain_words() {
    let outbox = OutboxFile::new(device(1), NOW, events(1, 2));
    let text = seal(&outbox, PASSPHRASE);
    let problem = open(&text, "escalier C, troisième étage").unwrap_err();
    assert_eq!(problem, ProtectedExportProblem::WrongPassphrase);
    let words = problem.message(crate::i18n::Locale::Fr);
    assert!(words.contains("Phrase de passe incorrecte"), "{words}");
    assert!(words.contains("rien n'a été importé"), "{words}");
    // The count in the clear changed by hand: the tag no longer matches.
    let changed = text.replace("\"events\": 2", "\"events\": 1");
    assert_ne!(changed, text);
    assert_eq!(
        open(&changed, PASSPHRASE),
        Err(ProtectedExportProblem::WrongPassphrase)
    );
}

#[test]
fn files_asking_few_rounds_or_of_another_version_are_refused_before_any_work() {
    let outbox = OutboxFile::new(device(1), NOW, events(1, 1));
    let mut file =
        ProtectedExport::header(&outbox, [1; SALT_BYTES], [2; NONCE_BYTES]).sealed(&[0; 40]);
    file.iterations = 1_000;
    assert_eq!(
        ProtectedExport::parse(&file.to_json()),
        Err(ProtectedExportProblem::WeakKey { found: 1_000 })
    );
    file.iterations = ITERATIONS;
    file.version = 2;
    assert_eq!(
        ProtectedExport::parse(&file.to_json()),
        Err(ProtectedExportProblem::UnsupportedVersion { found: 2 })
    );
    file.version = PROTECTED_VERSION;
    file.nonce = base64url_encode(&[0; 8]);
    assert!(matches!(
        ProtectedExport::parse(&file.to_json()),
        Err(ProtectedExportProblem::Damaged { .. })
    ));
    assert_eq!(
        ProtectedExport::parse(&outbox.to_json()),
        Err(ProtectedExportProblem::NotProtected)
    );
    assert_eq!(
        ProtectedExport::parse("not json"),
        Err(ProtectedExportProblem::NotProtected)
    );
}

#[test]
fn the_passphrase_is_typed_twice_and_long_enough() {
    assert_eq!(
        check_passphrase("court", "court"),
        Err(ProtectedExportProblem::PassphraseTooShort)
    );
    assert_eq!(
        check_passphrase("          ", "          "),
        Err(ProtectedExportProblem::PassphraseTooShort)
    );
    assert_eq!(
        check_passphrase(PASSPHRASE, "escalier B, troisième etage"),
        Err(ProtectedExportProblem::PassphrasesDiffer)
    );
    assert_eq!(check_passphrase(PASSPHRASE, PASSPHRASE), Ok(()));
}

#[test]
fn every_problem_has_words_in_every_language() {
    let problems = [
        ProtectedExportProblem::NotProtected,
        ProtectedExportProblem::UnsupportedVersion { found: 9 },
        ProtectedExportProblem::Damaged { reason: "x".into() },
        ProtectedExportProblem::WeakKey { found: 1 },
        ProtectedExportProblem::WrongPassphrase,
        ProtectedExportProblem::PassphraseTooShort,
        ProtectedExportProblem::PassphrasesDiffer,
    ];
    for locale in crate::i18n::Locale::ALL {
        for p in &problems {
            let words = p.message(locale);
            assert!(
                !words.is_empty() && !words.contains('{'),
                "{locale:?} {p:?}"
            );
        }
    }
}
