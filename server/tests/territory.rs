//! A campaign's attached territory through the real router and database: a coordinator attaches
//! an RPLS file (again: no duplicates; a second file adds), a device of the campaign learns the
//! version from its pull answer and fetches the résidences with its token; a 50,000-door file
//! fits; bad input gets its own code. Runs on SQLite, and on PostgreSQL with
//! `PALIER_TEST_DATABASE_URL`.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::Answer;
use domain::campaign_territory::{AttachRequest, AttachResponse, Attached, CampaignTerritory};
use domain::ids::DeviceId;
use domain::sync::{PullRequest, PullResponse};
use domain::territory::Territory;
use serde_json::{Value, json};

const HEADER: &str =
    "DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;TYPVOIE;NOMVOIE;BAT;ESC;ETAGE;NUMAPPT;NBPIECE";
const TILLEULS: [&str; 3] = [
    "69256;69120;VAULX-EN-VELIN;12;RUE;DES TILLEULS;A;1;RDC;01;3",
    "69256;69120;VAULX-EN-VELIN;12;RUE;DES TILLEULS;A;1;1;11;3",
    "69256;69120;VAULX-EN-VELIN;12;RUE;DES TILLEULS;A;2;1;12;2",
];
const ERABLES: [&str; 2] = [
    "93031;93800;EPINAY-SUR-SEINE;4;ALL;DES ERABLES;;;2;21;4",
    "93031;93800;EPINAY-SUR-SEINE;4;ALL;DES ERABLES;;;3;31;4",
];

type Fixture = common::Coordinator;

async fn fixture() -> Fixture {
    common::coordinator(
        "awa.diallo@bailleur.fr",
        "Awa Diallo",
        "quatre chats gris au balcon",
    )
    .await
}

/// The territory the import screen reads from an RPLS file.
fn rpls(lines: &[&str]) -> Territory {
    let text = [&[HEADER][..], lines].concat().join("\n");
    let preview = domain::import::preview(text.as_bytes(), None);
    assert_eq!(preview.problems, []);
    preview.territory
}

fn body_of(territory: Territory) -> String {
    serde_json::to_string(&AttachRequest {
        residences: territory.residences,
    })
    .unwrap()
}

impl Fixture {
    async fn send(&self, method: Method, uri: &str, body: impl Into<Body>, csrf: bool) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", &self.cookie)
            .header("content-type", "application/json");
        if csrf {
            request = request.header("x-csrf-token", &self.csrf);
        }
        self.app.send(request.body(body.into()).unwrap()).await
    }

    async fn create(&self, name: &str) -> String {
        let created = self
            .send(
                Method::POST,
                "/api/v1/campaigns",
                json!({"name": name}).to_string(),
                true,
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.json());
        created.json()["id"].as_str().unwrap().to_owned()
    }

    /// Records one settings change: one more event in the campaign's log.
    async fn change_setting(&self, campaign: &str, field: &str, value: &str) {
        let uri = format!("/api/v1/campaigns/{campaign}/settings");
        let body = json!({"edits": [{"field": field, "value": value}]}).to_string();
        let changed = self.send(Method::POST, &uri, body, true).await;
        assert_eq!(changed.status, StatusCode::OK, "{:?}", changed.json());
    }

    async fn attach(&self, campaign: &str, territory: Territory) -> Answer {
        let uri = format!("/api/v1/campaigns/{campaign}/territory");
        self.send(Method::POST, &uri, body_of(territory), true)
            .await
    }

    async fn attached(&self, campaign: &str) -> Attached {
        let uri = format!("/api/v1/campaigns/{campaign}/territory");
        let answer = self.send(Method::GET, &uri, Body::empty(), false).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
        serde_json::from_slice(&answer.body).unwrap()
    }

    /// Enrolls a new device in `campaign`; its id and token.
    async fn enroll(&self, campaign: &str) -> (DeviceId, String) {
        let code = format!("/api/v1/campaigns/{campaign}/enrollment-codes");
        let issued = self.send(Method::POST, &code, "{}", true).await;
        assert_eq!(issued.status, StatusCode::OK, "{:?}", issued.json());
        let device = DeviceId::from_random(common::random());
        let enrolled = self
            .app
            .post(
                "/api/v1/devices/enroll",
                None,
                json!({"version": 1, "code": issued.json()["code"], "device": device,
                       "label": "Tablette de Samia"})
                .to_string(),
            )
            .await;
        assert_eq!(enrolled.status, StatusCode::OK, "{:?}", enrolled.json());
        (
            device,
            enrolled.json()["token"].as_str().unwrap().to_owned(),
        )
    }

    async fn pull(&self, device: &DeviceId, token: &str) -> Answer {
        self.pull_page(device, token, None, 100).await
    }

    async fn pull_page(
        &self,
        device: &DeviceId,
        token: &str,
        cursor: Option<domain::sync::Cursor>,
        limit: u32,
    ) -> Answer {
        let request = PullRequest::new(device.clone(), cursor, limit);
        let pulled = self
            .app
            .post(
                "/api/v1/sync/pull",
                Some(token),
                serde_json::to_string(&request).unwrap(),
            )
            .await;
        assert_eq!(pulled.status, StatusCode::OK, "{:?}", pulled.json());
        pulled
    }

    async fn fetch(&self, token: Option<&str>) -> Answer {
        let mut request = Request::get("/api/v1/sync/territory");
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        self.app.send(request.body(Body::empty()).unwrap()).await
    }
}

fn response(answer: &Answer) -> AttachResponse {
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json());
    serde_json::from_slice(&answer.body).unwrap()
}

fn code(answer: &Answer) -> Value {
    answer.json()["code"].clone()
}

#[tokio::test]
async fn attaching_a_file_twice_adds_nothing_and_a_second_file_adds_its_doors() {
    let f = fixture().await;
    let campaign = f.create("Quartier Nord, automne 2026").await;
    assert_eq!(f.attached(&campaign).await, Attached::default());

    let first = response(&f.attach(&campaign, rpls(&TILLEULS)).await);
    assert_eq!(first.added.doors_added, 3);
    assert_eq!(
        (
            first.attached.counts.residences,
            first.attached.counts.entrances
        ),
        (1, 2)
    );
    assert_eq!(first.attached.updated_by.as_deref(), Some("Awa Diallo"));
    let version = first.attached.version.clone().expect("a version");

    let again = response(&f.attach(&campaign, rpls(&TILLEULS)).await);
    assert_eq!(again.added.doors_added, 0);
    assert_eq!(again.added.doors_already_known, 3);
    assert_eq!(again.attached.counts.doors, 3);
    assert_eq!(again.attached.version.as_deref(), Some(version.as_str()));

    let both = response(&f.attach(&campaign, rpls(&ERABLES)).await);
    assert_eq!(both.added.doors_added, 2);
    assert_eq!(both.attached.counts.doors, 5);
    assert_eq!(both.attached.counts.residences, 2);
    assert_ne!(both.attached.version.as_deref(), Some(version.as_str()));
    let listed = f.attached(&campaign).await;
    assert_eq!(listed.counts.doors, 5);
    assert_eq!(listed.version, both.attached.version);
    let mut doors: Vec<usize> = listed.residences.iter().map(|r| r.doors).collect();
    doors.sort();
    assert_eq!(doors, [2, 3]);
    // Only the territory document: attaching writes no event to the campaign's log.
    let events = f
        .send(
            Method::GET,
            &format!("/api/v1/campaigns/{campaign}/events"),
            Body::empty(),
            false,
        )
        .await;
    let settings_only = events.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["body"]["type"] == "CampaignSettingsChanged");
    assert!(settings_only);
}

#[tokio::test]
async fn a_device_of_the_campaign_learns_the_version_when_pulling_and_fetches_the_residences() {
    let f = fixture().await;
    let campaign = f.create("Les Érables").await;
    let (device, token) = f.enroll(&campaign).await;
    // Nothing attached: the pull answer has no territory member, and there is nothing to fetch.
    let before: PullResponse = serde_json::from_slice(&f.pull(&device, &token).await.body).unwrap();
    assert_eq!(before.territory, None);
    let none = f.fetch(Some(&token)).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    assert_eq!(code(&none), "territory_not_attached");

    let attached = response(&f.attach(&campaign, rpls(&TILLEULS)).await).attached;
    let pulled = f.pull(&device, &token).await;
    let offer: PullResponse = serde_json::from_slice(&pulled.body).unwrap();
    assert!(!offer.more);
    assert_eq!(offer.territory, attached.version);
    // Still a v1 pull page for a device that does not know the member.
    let v1: Value = serde_json::from_slice(&pulled.body).unwrap();
    assert_eq!(v1["more"], false);

    let fetched = f.fetch(Some(&token)).await;
    assert_eq!(fetched.status, StatusCode::OK, "{:?}", fetched.json());
    let fetched: CampaignTerritory = serde_json::from_slice(&fetched.body).unwrap();
    assert_eq!(fetched.campaign, campaign);
    assert_eq!(Some(fetched.version.clone()), attached.version);
    assert_eq!(fetched.residences, rpls(&TILLEULS).residences);

    // The tablet had imported the same file itself: merging the fetched territory doubles nothing.
    let mut tablet = rpls(&TILLEULS);
    let merged = domain::campaign_territory::receive(&mut tablet, fetched);
    assert_eq!(merged.doors_added, 0);
    assert_eq!(tablet.door_count(), 3);

    let anonymous = f.fetch(None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&anonymous), "token_missing");
    // A device of another campaign gets that campaign's territory, not this one.
    let (_, other) = f.enroll("demo").await;
    assert_eq!(code(&f.fetch(Some(&other)).await), "territory_not_attached");
}

#[tokio::test]
async fn only_the_last_page_of_a_round_names_the_version() {
    let f = fixture().await;
    let campaign = f.create("Les Tilleuls").await;
    // Two settings changes besides the campaign's first: pages of one event leave more after.
    for (field, value) in [("name", "Les Tilleuls, hiver"), ("territory", "Vaulx")] {
        f.change_setting(&campaign, field, value).await;
    }
    let (device, token) = f.enroll(&campaign).await;
    let version = response(&f.attach(&campaign, rpls(&TILLEULS)).await)
        .attached
        .version;
    assert!(version.is_some());
    let (mut cursor, mut pages_before_last) = (None, 0);
    loop {
        let answer = f.pull_page(&device, &token, cursor, 1).await;
        let page: PullResponse = serde_json::from_slice(&answer.body).unwrap();
        if page.more {
            assert_eq!(page.territory, None, "page {pages_before_last}");
            pages_before_last += 1;
            cursor = Some(page.next_cursor);
        } else {
            assert_eq!(page.territory, version);
            break;
        }
    }
    assert!(
        pages_before_last >= 2,
        "{pages_before_last} pages before the last"
    );
}

#[tokio::test]
async fn a_fifty_thousand_door_file_is_attached_over_the_usual_body_limit() {
    let f = fixture().await;
    let campaign = f.create("Tout le patrimoine").await;
    let lines: Vec<String> = (0..50_000)
        .map(|n| {
            format!(
                "69256;69120;VAULX-EN-VELIN;{};RUE;DES TILLEULS;{};{};{};{n};3",
                n / 1000,
                (n / 100) % 10,
                (n / 20) % 5,
                (n / 4) % 5
            )
        })
        .collect();
    let territory = rpls(&lines.iter().map(String::as_str).collect::<Vec<_>>());
    let body = body_of(territory);
    assert!(
        body.len() > server::http::MAX_BODY_BYTES,
        "{} bytes",
        body.len()
    );
    let uri = format!("/api/v1/campaigns/{campaign}/territory");
    let answer = response(&f.send(Method::POST, &uri, body, true).await);
    assert_eq!(answer.attached.counts.doors, 50_000);
    assert_eq!(answer.added.doors_added, 50_000);
}

#[tokio::test]
async fn bad_input_gets_its_own_code() {
    let f = fixture().await;
    let campaign = f.create("Les Lilas").await;
    let uri = format!("/api/v1/campaigns/{campaign}/territory");

    let empty = f.attach(&campaign, Territory::default()).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&empty), "territory_empty");

    let unknown = f.attach("quartier-inconnu", rpls(&TILLEULS)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(code(&unknown), "campaign_not_found");

    let too_large = f
        .send(
            Method::POST,
            &uri,
            vec![b' '; domain::campaign_territory::MAX_ATTACH_BYTES + 1],
            true,
        )
        .await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(code(&too_large), "territory_too_large");

    let not_json = f.send(Method::POST, &uri, "RPLS;ETAGE", true).await;
    assert_eq!(not_json.status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&not_json), "bad_request");

    let without_csrf = f
        .send(Method::POST, &uri, body_of(rpls(&TILLEULS)), false)
        .await;
    assert_eq!(without_csrf.status, StatusCode::FORBIDDEN);
    assert_eq!(code(&without_csrf), "csrf_failed");

    let signed_out = f
        .app
        .send(
            Request::post(&uri)
                .header("content-type", "application/json")
                .body(Body::from(body_of(rpls(&TILLEULS))))
                .unwrap(),
        )
        .await;
    assert_eq!(signed_out.status, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&signed_out), "not_signed_in");
    let read_signed_out = f.app.get(&uri).await;
    assert_eq!(read_signed_out.status, StatusCode::UNAUTHORIZED);
    // Nothing of the refused attempts was stored.
    assert_eq!(f.attached(&campaign).await, Attached::default());
}
