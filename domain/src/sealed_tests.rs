//! The sealing format's tests, with a reference sealer and opener on RustCrypto (what the server
//! does; the kiosk does the same with WebCrypto, checked end to end in kiosk_sealed.test.mjs).

use super::*;
use crate::calendar::LocalDate;
use crate::consent::{ConsentAnswer, Purpose};
use crate::event::Recorder;
use crate::ids::DeviceId;
use crate::kiosk::{KioskLanguage, Topic};
use crate::signup::ResidentId;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hkdf::Hkdf;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use proptest::prelude::*;
use sha2::Sha256;

const NOW: u64 = 1_700_000_000_000;

fn secret(byte: u8) -> SecretKey {
    SecretKey::from_slice(&[byte; 32]).unwrap()
}

fn aes_key(own: &SecretKey, other: &PublicKey, epk: &[u8]) -> Aes256Gcm {
    let shared = p256::ecdh::diffie_hellman(own.to_nonzero_scalar(), other.as_affine());
    let mut key = [0u8; 32];
    Hkdf::<Sha256>::new(Some(epk), shared.raw_secret_bytes())
        .expand(HKDF_INFO, &mut key)
        .unwrap();
    Aes256Gcm::new_from_slice(&key).unwrap()
}

/// What the kiosk does, with the ephemeral key and IV given instead of drawn.
pub(crate) fn seal(
    campaign_key: &PublicKey,
    ephemeral: u8,
    aad: &[u8],
    plaintext: &[u8],
) -> SealedEnvelope {
    let ephemeral = secret(ephemeral);
    let epk = ephemeral.public_key().to_encoded_point(false);
    let iv = [7u8; IV_BYTES];
    let ct = aes_key(&ephemeral, campaign_key, epk.as_bytes())
        .encrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .unwrap();
    SealedEnvelope::from_parts(epk.as_bytes(), &iv, &ct)
}

/// What the server does.
fn open(
    campaign: &SecretKey,
    sealed: &SealedEnvelope,
    aad: &[u8],
) -> Result<Vec<u8>, SealedProblem> {
    let parts = sealed.parse()?;
    let epk = PublicKey::from_sec1_bytes(&parts.epk).map_err(|_| SealedProblem::NotAPoint)?;
    aes_key(campaign, &epk, &parts.epk)
        .decrypt(
            Nonce::from_slice(&parts.iv),
            Payload {
                msg: &parts.ct,
                aad,
            },
        )
        .map_err(|_| SealedProblem::Unopenable)
}

fn campaign() -> CampaignId {
    CampaignId::parse("tilleuls-2026").unwrap()
}

fn sign_up(phone: &str) -> EventBody {
    EventBody::ResidentSignedUp {
        door: None,
        resident: ResidentId::from_random([4; 16]),
        first_name: "Awa".into(),
        last_name: Some("Diallo".into()),
        phone: Some(phone.into()),
        email: Some("awa@exemple.fr".into()),
        language: "ar".into(),
        consents: Purpose::ALL
            .into_iter()
            .map(|purpose| ConsentAnswer {
                purpose,
                granted: true,
            })
            .collect(),
        notice_version: crate::consent::NOTICE_VERSION.into(),
        local_date: LocalDate::new(2026, 11, 26).unwrap(),
    }
}

fn sealed_sign_up(key: &PublicKey, body: &EventBody) -> EventEnvelope {
    let aad = additional_data(&campaign(), SealedKind::ResidentSignedUp);
    let sealed = seal(
        key,
        9,
        &aad,
        serde_json::to_string(body).unwrap().as_bytes(),
    );
    Recorder::new(DeviceId::from_random([1; 16])).record(
        NOW,
        [0; 10],
        Actor::Kiosk,
        campaign(),
        EventBody::KioskSealed(SealedRecord {
            of: SealedKind::ResidentSignedUp,
            sealed,
        }),
    )
}

/// One sealed record and one opened callback, for the event module's samples.
pub(crate) fn event_samples() -> Vec<EventBody> {
    let key = secret(3).public_key();
    let EventBody::KioskSealed(record) = sealed_sign_up(&key, &sign_up("+33612345678")).body else {
        unreachable!()
    };
    vec![
        EventBody::KioskSealed(record),
        EventBody::KioskCallbackOpened(callback()),
    ]
}

fn callback() -> CallbackRequest {
    CallbackRequest {
        first_name: "Awa".into(),
        phone: Some("+33612345678".into()),
        email: None,
        language: KioskLanguage::Ar,
        topic: Some(Topic::LandlordServices),
        question: Some("Le chauffage ne marche pas".into()),
    }
}

#[test]
fn a_sealed_sign_up_opens_on_the_server_into_the_sign_up_under_the_same_envelope() {
    let server = secret(3);
    let body = sign_up("+33612345678");
    let event = sealed_sign_up(&server.public_key(), &body);
    assert_eq!(event.validate(), Ok(()));
    let wire = serde_json::to_string(&event).unwrap();
    for personal in ["Awa", "Diallo", "612345678", "exemple"] {
        assert!(!wire.contains(personal), "{personal} in {wire}");
    }
    let Some(Ok((kind, sealed))) = sealed_in(&event) else {
        panic!("sealed")
    };
    let plaintext = open(&server, &sealed, &additional_data(&event.campaign, kind)).unwrap();
    let opened = opened_event(&event, kind, &plaintext).unwrap();
    assert_eq!(opened.body, body);
    assert_eq!(
        (&opened.id, opened.seq, &opened.hlc, &opened.actor),
        (&event.id, event.seq, &event.hlc, &Actor::Kiosk)
    );
}

#[test]
fn the_wire_shape_of_a_sealed_record_is_spelt_out() {
    let record = SealedRecord {
        of: SealedKind::ResidentSignedUp,
        sealed: SealedEnvelope::from_parts(&[4; 65], &[0; 12], b"0123456789abcdef!"),
    };
    let json = serde_json::to_value(EventBody::KioskSealed(record.clone())).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "type": "KioskSealed",
            "of": "ResidentSignedUp",
            "sealed": {
                "v": 1,
                "alg": "ECDH-P256+HKDF-SHA256+A256GCM",
                "epk": "BAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQ",
                "iv": "AAAAAAAAAAAAAAAA",
                "ct": "MDEyMzQ1Njc4OWFiY2RlZiE",
            }
        })
    );
    assert_eq!(record.sealed.parse().unwrap().ct, b"0123456789abcdef!");
}

#[test]
fn tampering_another_key_another_campaign_or_kind_do_not_open() {
    let server = secret(3);
    let event = sealed_sign_up(&server.public_key(), &sign_up("+33612345678"));
    let EventBody::KioskSealed(record) = &event.body else {
        unreachable!()
    };
    let aad = additional_data(&campaign(), SealedKind::ResidentSignedUp);
    assert!(open(&server, &record.sealed, &aad).is_ok());
    let mut ct = base64url_decode(&record.sealed.ct).unwrap();
    ct[3] ^= 1;
    let tampered = SealedEnvelope {
        ct: base64url_encode(&ct),
        ..record.sealed.clone()
    };
    assert_eq!(
        open(&server, &tampered, &aad),
        Err(SealedProblem::Unopenable)
    );
    let other_iv = SealedEnvelope {
        iv: base64url_encode(&[8; 12]),
        ..record.sealed.clone()
    };
    assert_eq!(
        open(&server, &other_iv, &aad),
        Err(SealedProblem::Unopenable)
    );
    assert_eq!(
        open(&secret(5), &record.sealed, &aad),
        Err(SealedProblem::Unopenable),
        "another campaign's key"
    );
    let elsewhere = additional_data(&CampaignId::demo(), SealedKind::ResidentSignedUp);
    assert_eq!(
        open(&server, &record.sealed, &elsewhere),
        Err(SealedProblem::Unopenable)
    );
    let as_callback = additional_data(&campaign(), SealedKind::KioskCallbackRequested);
    assert_eq!(
        open(&server, &record.sealed, &as_callback),
        Err(SealedProblem::Unopenable)
    );
    assert_eq!(SealedProblem::Unopenable.code(), "sealed_unopenable");
}

#[test]
fn malformed_envelopes_say_what_is_wrong() {
    let good = SealedEnvelope::from_parts(&[4; 65], &[0; 12], &[1; 40]);
    let with = |change: &dyn Fn(&mut SealedEnvelope)| {
        let mut e = good.clone();
        change(&mut e);
        e.parse().map(|_| ())
    };
    assert_eq!(with(&|_| {}), Ok(()));
    assert_eq!(
        with(&|e| e.v = 2),
        Err(SealedProblem::UnknownVersion { found: 2 })
    );
    assert_eq!(
        with(&|e| e.alg = "RSA-OAEP".into()),
        Err(SealedProblem::UnknownAlgorithm)
    );
    assert_eq!(
        with(&|e| e.epk = e.epk.replace('B', "+")),
        Err(SealedProblem::NotBase64 { field: "epk" })
    );
    assert_eq!(
        with(&|e| e.ct = "a b".into()),
        Err(SealedProblem::NotBase64 { field: "ct" })
    );
    assert_eq!(
        with(&|e| e.iv = base64url_encode(&[0; 16])),
        Err(SealedProblem::WrongLength {
            field: "iv",
            found: 16,
            expected: 12
        })
    );
    assert_eq!(
        with(&|e| e.epk = base64url_encode(&[4; 33])),
        Err(SealedProblem::WrongLength {
            field: "epk",
            found: 33,
            expected: 65
        })
    );
    assert_eq!(
        with(&|e| e.epk = base64url_encode(&[2; 65])),
        Err(SealedProblem::NotAPoint)
    );
    assert_eq!(
        with(&|e| e.ct = base64url_encode(&[0; 15])),
        Err(SealedProblem::TooShort)
    );
    assert_eq!(
        with(&|e| e.ct = base64url_encode(&vec![0; MAX_PLAINTEXT_BYTES + TAG_BYTES + 1])),
        Err(SealedProblem::TooLarge)
    );
    assert_eq!(
        with(&|e| e.ct = "A".repeat(1_000_000)),
        Err(SealedProblem::TooLarge),
        "refused before decoding"
    );
    assert!(with(&|e| e.ct = base64url_encode(&vec![0; MAX_PLAINTEXT_BYTES + TAG_BYTES])).is_ok());
    for problem in [
        SealedProblem::TooLarge,
        SealedProblem::NotBase64 { field: "ct" },
    ] {
        assert_eq!(problem.code(), "sealed_malformed");
        assert!(REJECT_CODES.contains(&problem.code()));
    }
    assert_eq!(parse_public_key(&base64url_encode(&[4; 65])), Ok([4; 65]));
    assert!(parse_public_key("BAQE").is_err());
    assert_eq!(
        parse_public_key("B/Q="),
        Err(SealedProblem::NotBase64 { field: "key" })
    );
}

#[test]
fn a_sealed_event_with_a_broken_envelope_is_refused_where_it_enters() {
    let server = secret(3);
    let mut event = sealed_sign_up(&server.public_key(), &sign_up("+33612345678"));
    if let EventBody::KioskSealed(record) = &mut event.body {
        record.sealed.v = 9;
    }
    assert_eq!(
        event.validate(),
        Err(EventError::Sealed(Box::new(
            SealedProblem::UnknownVersion { found: 9 }
        )))
    );
    if let EventBody::KioskSealed(record) = &mut event.body {
        record.sealed.v = 1;
        record.of = SealedKind::KioskCallbackRequested;
    }
    assert!(
        event.validate().is_err(),
        "callbacks travel in their own event"
    );
}

#[test]
fn what_opens_must_be_what_the_clear_part_says_and_pass_the_usual_checks() {
    let server = secret(3);
    let event = sealed_sign_up(&server.public_key(), &sign_up("+33612345678"));
    let note = serde_json::to_vec(&EventBody::FieldNoteRecorded { text: "x".into() }).unwrap();
    assert_eq!(
        opened_event(&event, SealedKind::ResidentSignedUp, &note),
        Err(SealedProblem::WrongContents {
            expected: "sign-up"
        })
    );
    assert_eq!(
        opened_event(&event, SealedKind::ResidentSignedUp, b"\xff not json"),
        Err(SealedProblem::WrongContents {
            expected: "sign-up"
        })
    );
    let untidy = serde_json::to_vec(&sign_up("06 12 34 56 78")).unwrap();
    let refused = opened_event(&event, SealedKind::ResidentSignedUp, &untidy).unwrap_err();
    assert_eq!(refused, SealedProblem::Invalid(EventError::SignupPhone));
    assert_eq!(refused.code(), "sealed_contents_invalid");
    assert!(
        !refused.to_string().contains("06 12"),
        "never quotes the resident"
    );
    let from_volunteer = EventEnvelope {
        actor: Actor::Volunteer {
            name: "Inès".into(),
        },
        ..event.clone()
    };
    let fine = serde_json::to_vec(&sign_up("+33612345678")).unwrap();
    assert_eq!(
        opened_event(&from_volunteer, SealedKind::ResidentSignedUp, &fine),
        Err(SealedProblem::NotFromKiosk)
    );
}

#[test]
fn a_callback_request_is_sealed_the_same_way_in_its_own_event() {
    let server = secret(3);
    let request = callback();
    let aad = additional_data(&campaign(), SealedKind::KioskCallbackRequested);
    let sealed = seal(
        &server.public_key(),
        11,
        &aad,
        serde_json::to_string(&request).unwrap().as_bytes(),
    );
    let compact = sealed.to_compact();
    assert!(compact.len() <= crate::kiosk::MAX_SEALED_CHARS);
    let event = Recorder::new(DeviceId::from_random([1; 16])).record(
        NOW,
        [0; 10],
        Actor::Kiosk,
        campaign(),
        EventBody::KioskCallbackRequested(CallbackRequested {
            language: KioskLanguage::Ar,
            topic: Some(Topic::LandlordServices),
            sealed: compact,
        }),
    );
    assert_eq!(event.validate(), Ok(()));
    assert!(!serde_json::to_string(&event).unwrap().contains("612345678"));
    let Some(Ok((kind, found))) = sealed_in(&event) else {
        panic!("sealed")
    };
    assert_eq!(
        (kind, &found),
        (SealedKind::KioskCallbackRequested, &sealed)
    );
    let plaintext = open(&server, &found, &aad).unwrap();
    let opened = opened_event(&event, kind, &plaintext).unwrap();
    assert_eq!(opened.body, EventBody::KioskCallbackOpened(request.clone()));
    assert_eq!(opened.id, event.id);
    // The routing fields in the clear must agree with the sealed request.
    let other_language = EventEnvelope {
        body: EventBody::KioskCallbackRequested(CallbackRequested {
            language: KioskLanguage::Fr,
            topic: Some(Topic::LandlordServices),
            sealed: "x".into(),
        }),
        ..event.clone()
    };
    assert!(matches!(
        opened_event(&other_language, kind, &plaintext),
        Err(SealedProblem::InvalidCallback(_))
    ));
    let no_way = CallbackRequest {
        phone: None,
        ..request
    };
    assert!(check_callback(&no_way).is_err());
    assert_eq!(
        sealed_in(&EventEnvelope {
            body: EventBody::KioskCallbackRequested(CallbackRequested {
                language: KioskLanguage::Ar,
                topic: None,
                sealed: "c2VhbGVk".into(),
            }),
            ..event
        }),
        Some(Err(SealedProblem::NotAnEnvelope))
    );
}

#[test]
fn base64url_follows_rfc_4648() {
    for (bytes, text) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url_encode(bytes.as_bytes()), text);
        assert_eq!(base64url_decode(text).unwrap(), bytes.as_bytes());
    }
    assert_eq!(
        base64url_decode("Zm8=").unwrap(),
        b"fo",
        "padding is accepted"
    );
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(
        base64url_decode("+/8"),
        None,
        "standard base64 is not base64url"
    );
    assert_eq!(base64url_decode("Zh"), None, "stray bits");
    assert_eq!(base64url_decode("Z"), None);
}

proptest! {
    #[test]
    fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }

    #[test]
    fn reading_any_envelope_never_panics(text in "\\PC{0,300}") {
        let _ = SealedEnvelope::from_compact(&text);
        let _ = parse_public_key(&text);
        let e = SealedEnvelope { v: 1, alg: SEALED_ALG.into(), epk: text.clone(), iv: text.clone(), ct: text };
        let _ = e.parse();
    }
}
