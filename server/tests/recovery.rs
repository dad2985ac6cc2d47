//! A forgotten PIN through the real router and database (`domain::at_rest::recovery`): a device's
//! sealed copy of its data key opens only after a coordinator allowed that device, once (two
//! requests at once: one opens), within the window, only for that device; a copy of the
//! campaign it belonged to before opens too; a damaged or borrowed copy does not use up the
//! permission; linking again drops a pending permission; a revoked device cannot be allowed.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::Answer;
use domain::at_rest::recovery::{RECOVERY_WINDOW_MS, RecoveryCopy, recovery_aad};
use domain::ids::{CampaignId, DeviceId};
use domain::sealed::{SealedEnvelope, base64url_encode};

const EMAIL: &str = "nadia.benali@bailleur.fr";
const PASSWORD: &str = "le vent souffle sur la passerelle";
const DATA_KEY: [u8; 32] = [9; 32];

type Fixture = common::Coordinator;
type Tablet = common::Linked;

async fn fixture() -> Fixture {
    common::coordinator(EMAIL, "Nadia Benali", PASSWORD).await
}

impl Fixture {
    async fn coordinator_post(&self, uri: &str) -> Answer {
        let request = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf)
            .header("content-type", "application/json")
            .body(Body::from("{}"))
            .unwrap();
        self.app.send(request).await
    }

    async fn allow(&self, device: &DeviceId) -> Answer {
        self.coordinator_post(&format!("/api/v1/devices/{device}/allow-recovery"))
            .await
    }

    async fn listed(&self, device: &DeviceId) -> serde_json::Value {
        let request = Request::get("/api/v1/devices")
            .header("cookie", &self.cookie)
            .body(Body::empty())
            .unwrap();
        let list = self.app.send(request).await.json();
        list.as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == device.as_str())
            .cloned()
            .unwrap()
    }

    async fn link(&self) -> Tablet {
        common::link_device(&self.app, &self.db.db, "Tablette de Yanis").await
    }

    async fn recover(&self, tablet: &Tablet, copy: &RecoveryCopy) -> Answer {
        let body = serde_json::json!({ "copy": copy }).to_string();
        self.app
            .post("/api/v1/devices/recover", Some(&tablet.token), body)
            .await
    }

    /// Moves the device's permission `ms` into the past, as if given that long ago.
    async fn age_permission(&self, device: &DeviceId, ms: u64) {
        let raw = self.db.raw_pool().await;
        sqlx::query(
            "UPDATE devices SET recovery_allowed_at_ms = recovery_allowed_at_ms - $1 WHERE id = $2",
        )
        .bind(ms as i64)
        .bind(device.to_string())
        .execute(&raw)
        .await
        .unwrap();
        raw.close().await;
    }
}

/// The copy a tablet keeps: its data key sealed to the campaign's key for `sealed_for`.
fn copy_of(tablet: &Tablet, sealed_for: &DeviceId, campaign: &CampaignId) -> RecoveryCopy {
    let sealed: SealedEnvelope = server::sealing::seal(
        &tablet.sealing_key,
        &recovery_aad(campaign, sealed_for),
        &DATA_KEY,
        common::random(),
        common::random(),
    )
    .unwrap();
    RecoveryCopy {
        campaign: campaign.clone(),
        sealed,
    }
}

fn code(answer: &Answer) -> String {
    answer.json()["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_copy_opens_once_after_a_coordinator_allowed_it() {
    let f = fixture().await;
    let tablet = f.link().await;
    let copy = copy_of(&tablet, &tablet.id, &CampaignId::demo());

    let early = f.recover(&tablet, &copy).await;
    assert_eq!(early.status, StatusCode::FORBIDDEN);
    assert_eq!(code(&early), "recovery_not_allowed");
    assert!(f.listed(&tablet.id).await["recovery_allowed_at_ms"].is_null());

    let before = server::db::now_ms();
    let allowed = f.allow(&tablet.id).await;
    assert_eq!(allowed.status, StatusCode::OK, "{:?}", allowed.json());
    let until = allowed.json()["allowed_until_ms"].as_u64().unwrap();
    assert!(
        (before + RECOVERY_WINDOW_MS..=server::db::now_ms() + RECOVERY_WINDOW_MS).contains(&until)
    );
    assert!(f.listed(&tablet.id).await["recovery_allowed_at_ms"].is_i64());

    let opened = f.recover(&tablet, &copy).await;
    assert_eq!(opened.status, StatusCode::OK, "{:?}", opened.json());
    assert_eq!(opened.json()["data_key"], base64url_encode(&DATA_KEY));
    assert!(
        f.listed(&tablet.id).await["recovery_allowed_at_ms"].is_null(),
        "the permission is used up"
    );

    let again = f.recover(&tablet, &copy).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    assert_eq!(code(&again), "recovery_not_allowed");
}

#[tokio::test]
async fn a_permission_older_than_the_window_has_expired() {
    let f = fixture().await;
    let tablet = f.link().await;
    let copy = copy_of(&tablet, &tablet.id, &CampaignId::demo());
    assert_eq!(f.allow(&tablet.id).await.status, StatusCode::OK);
    f.age_permission(&tablet.id, RECOVERY_WINDOW_MS + 60_000)
        .await;
    let late = f.recover(&tablet, &copy).await;
    assert_eq!(late.status, StatusCode::FORBIDDEN);
    assert_eq!(code(&late), "recovery_expired");
    // Allowed again, the window starts over.
    assert_eq!(f.allow(&tablet.id).await.status, StatusCode::OK);
    assert_eq!(f.recover(&tablet, &copy).await.status, StatusCode::OK);
}

#[tokio::test]
async fn another_devices_copy_or_another_campaigns_does_not_open_nor_use_the_permission() {
    let f = fixture().await;
    let tablet = f.link().await;
    let other = f.link().await;
    assert_eq!(f.allow(&tablet.id).await.status, StatusCode::OK);

    // The other tablet's copy, sent with this tablet's token.
    let borrowed = copy_of(&other, &other.id, &CampaignId::demo());
    let refused = f.recover(&tablet, &borrowed).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&refused), "sealed_unopenable");

    // A copy naming a campaign the server holds no key for.
    let elsewhere = CampaignId::parse("autre-campagne").unwrap();
    let misdirected = f
        .recover(&tablet, &copy_of(&tablet, &tablet.id, &elsewhere))
        .await;
    assert_eq!(misdirected.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A copy altered on the way.
    let mut damaged = copy_of(&tablet, &tablet.id, &CampaignId::demo());
    damaged.sealed.ct = base64url_encode(&[0; 48]);
    assert_eq!(
        f.recover(&tablet, &damaged).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // None of these used the permission up.
    let own = copy_of(&tablet, &tablet.id, &CampaignId::demo());
    let opened = f.recover(&tablet, &own).await;
    assert_eq!(opened.status, StatusCode::OK, "{:?}", opened.json());
}

#[tokio::test]
async fn a_revoked_or_unknown_device_cannot_be_allowed_and_a_revoked_one_cannot_ask() {
    let f = fixture().await;
    let tablet = f.link().await;
    let copy = copy_of(&tablet, &tablet.id, &CampaignId::demo());
    assert_eq!(f.allow(&tablet.id).await.status, StatusCode::OK);
    let revoked = f
        .coordinator_post(&format!("/api/v1/devices/{}/revoke", tablet.id))
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);

    let asked = f.recover(&tablet, &copy).await;
    assert_eq!(asked.status, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&asked), "device_revoked");
    let allowed = f.allow(&tablet.id).await;
    assert_eq!(allowed.status, StatusCode::CONFLICT);
    assert_eq!(code(&allowed), "device_revoked");

    let unknown = f.allow(&DeviceId::from_random([3; 16])).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(code(&unknown), "device_not_found");

    // Without the page's CSRF token a permission is not given.
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/devices/{}/allow-recovery", tablet.id))
        .header("cookie", &f.cookie)
        .body(Body::empty())
        .unwrap();
    assert_eq!(f.app.send(request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_permission_is_for_one_device_and_serves_one_request_of_two_at_once() {
    let f = fixture().await;
    let tablet = f.link().await;
    let other = f.link().await;
    assert_eq!(f.allow(&tablet.id).await.status, StatusCode::OK);
    // The other tablet, with its own token and its own copy, was not allowed.
    let own = copy_of(&other, &other.id, &CampaignId::demo());
    let refused = f.recover(&other, &own).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(code(&refused), "recovery_not_allowed");

    let copy = copy_of(&tablet, &tablet.id, &CampaignId::demo());
    let (one, two) = tokio::join!(f.recover(&tablet, &copy), f.recover(&tablet, &copy));
    let mut statuses = [one.status, two.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::FORBIDDEN]);
}

#[tokio::test]
async fn linking_again_drops_a_pending_permission_and_a_copy_of_the_earlier_campaign_opens() {
    let f = fixture().await;
    let tablet = f.link().await;
    let before = copy_of(&tablet, &tablet.id, &CampaignId::demo());
    assert_eq!(f.allow(&tablet.id).await.status, StatusCode::OK);

    // The tablet is linked to another campaign (locked, it kept its copy for the demo one).
    let autumn = CampaignId::parse("tilleuls-automne").unwrap();
    assert!(
        f.db.db
            .create_campaign(&autumn, "Les Tilleuls, automne", 365)
            .await
            .unwrap()
    );
    let relinked = common::link_device_as(
        &f.app,
        &f.db.db,
        tablet.id.clone(),
        &autumn,
        "Tablette de Yanis",
    )
    .await;
    assert!(f.listed(&tablet.id).await["recovery_allowed_at_ms"].is_null());
    let refused = f.recover(&relinked, &before).await;
    assert_eq!(code(&refused), "recovery_not_allowed");

    assert_eq!(f.allow(&tablet.id).await.status, StatusCode::OK);
    let opened = f.recover(&relinked, &before).await;
    assert_eq!(opened.status, StatusCode::OK, "{:?}", opened.json());
    assert_eq!(opened.json()["data_key"], base64url_encode(&DATA_KEY));
}
