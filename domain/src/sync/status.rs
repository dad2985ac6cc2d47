//! What the status bar says, on every screen: whether this device sends anything, what waits,
//! when it last synced, what went wrong, and what the volunteer can do about it.

use crate::i18n::{Locale, Text};

use super::device_state::{Enrollment, SyncRecord};
use super::words;

/// The device's link to the server, as the status bar needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    NotEnrolled,
    Enrolled,
    Revoked,
}

impl Link {
    pub fn of(enrollment: Option<&Enrollment>) -> Link {
        match enrollment {
            None => Link::NotEnrolled,
            Some(e) if e.revoked => Link::Revoked,
            Some(_) => Link::Enrolled,
        }
    }
}

/// Everything the status bar reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncSnapshot {
    pub link: Link,
    /// Events in the outbox.
    pub pending: u32,
    /// Events in the "À vérifier" list.
    pub attention: u32,
    /// A round is under way in this tab.
    pub running: bool,
    pub record: SyncRecord,
}

/// The bar's colour and icon: green when all is sent, amber while something waits, red when the
/// volunteer (or the coordinator) has to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Waiting,
    Problem,
}

impl Tone {
    pub fn css_class(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Waiting => "waiting",
            Tone::Problem => "problem",
        }
    }
}

/// The bar's words, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusWords {
    pub tone: Tone,
    /// The main line: what is going on.
    pub headline: String,
    /// The second line: what waits, or when it last synced.
    pub detail: Option<String>,
    /// The last round's problem in plain words.
    pub problem: Option<String>,
    /// "À vérifier : 2", when refused events wait.
    pub attention: Option<String>,
    /// The link to the device screen ("Relier cet appareil"), when it is the way forward.
    pub link_device: Option<String>,
    /// Whether the "Synchroniser" button is offered.
    pub can_sync: bool,
}

/// Words the bar from `snapshot` at `now_ms`.
pub fn describe(snapshot: &SyncSnapshot, now_ms: u64, locale: Locale) -> StatusWords {
    let pending = (snapshot.pending > 0).then(|| {
        locale.fill(
            Text::OutboxPending,
            &[("count", &snapshot.pending.to_string())],
        )
    });
    let attention = (snapshot.attention > 0).then(|| {
        locale.fill(
            Text::SyncAttentionLink,
            &[("count", &snapshot.attention.to_string())],
        )
    });
    match snapshot.link {
        // Saying what waits matters most here: nothing leaves the device until it is linked.
        Link::NotEnrolled => StatusWords {
            tone: Tone::Waiting,
            headline: locale.text(Text::SyncNotEnrolled).to_owned(),
            detail: pending,
            problem: None,
            attention,
            link_device: Some(locale.text(Text::SyncLinkDevice).to_owned()),
            can_sync: false,
        },
        Link::Revoked => StatusWords {
            tone: Tone::Problem,
            headline: locale.text(Text::SyncRevoked).to_owned(),
            detail: pending,
            problem: None,
            attention,
            link_device: Some(locale.text(Text::SyncLinkAgain).to_owned()),
            can_sync: false,
        },
        Link::Enrolled => {
            // "Tout est envoyé" only when nothing is left anywhere: refused events are not sent.
            let headline = if snapshot.running {
                locale.text(Text::SyncRunning).to_owned()
            } else if let Some(pending) = pending {
                pending
            } else if snapshot.attention > 0 {
                locale.fill(
                    Text::SyncRefused,
                    &[("count", &snapshot.attention.to_string())],
                )
            } else {
                locale.text(Text::SyncAllSent).to_owned()
            };
            let problem = snapshot
                .record
                .last_problem
                .as_ref()
                .map(|p| words::problem(p, locale));
            let tone = if problem.is_some() || attention.is_some() {
                Tone::Problem
            } else if snapshot.pending > 0 || snapshot.running {
                Tone::Waiting
            } else {
                Tone::Ok
            };
            StatusWords {
                tone,
                headline,
                detail: Some(if problem.is_some() || snapshot.running {
                    words::last_good_round(snapshot.record.last_success_ms, now_ms, locale)
                } else {
                    words::last_success(snapshot.record.last_success_ms, now_ms, locale)
                }),
                problem,
                attention,
                link_device: None,
                can_sync: !snapshot.running,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::SyncProblem;

    const NOW: u64 = 1_764_000_000_000;

    fn snapshot(link: Link, pending: u32) -> SyncSnapshot {
        SyncSnapshot {
            link,
            pending,
            attention: 0,
            running: false,
            record: SyncRecord::default(),
        }
    }

    #[test]
    fn a_device_not_linked_says_nothing_is_sent_and_how_to_link_it() {
        let words = describe(&snapshot(Link::NotEnrolled, 3), NOW, Locale::Fr);
        assert_eq!(words.headline, "Appareil non relié : rien n'est envoyé");
        assert_eq!(words.detail.as_deref(), Some("3 en attente d'envoi"));
        assert_eq!(words.link_device.as_deref(), Some("Relier cet appareil"));
        assert!(!words.can_sync);
        assert_eq!(words.tone, Tone::Waiting);
        let empty = describe(&snapshot(Link::NotEnrolled, 0), NOW, Locale::Fr);
        assert_eq!(empty.detail, None);
    }

    #[test]
    fn a_revoked_device_says_so_plainly_and_keeps_counting_what_waits() {
        let words = describe(&snapshot(Link::Revoked, 2), NOW, Locale::Fr);
        assert!(
            words
                .headline
                .starts_with("Cet appareil a été retiré de la campagne.")
        );
        assert!(words.headline.contains("reste sur l'appareil"));
        assert_eq!(words.detail.as_deref(), Some("2 en attente d'envoi"));
        assert_eq!(words.link_device.as_deref(), Some("Relier à nouveau"));
        assert_eq!(words.tone, Tone::Problem);
        assert!(!words.can_sync);
    }

    #[test]
    fn an_enrolled_device_goes_from_pending_to_synced() {
        let mut s = snapshot(Link::Enrolled, 4);
        let words = describe(&s, NOW, Locale::Fr);
        assert_eq!(words.headline, "4 en attente d'envoi");
        assert_eq!(words.detail.as_deref(), Some("Jamais synchronisé"));
        assert_eq!(words.tone, Tone::Waiting);
        assert!(words.can_sync);

        s.running = true;
        let words = describe(&s, NOW, Locale::Fr);
        assert_eq!(words.headline, "Synchronisation en cours…");
        assert_eq!(words.detail.as_deref(), Some("Jamais synchronisé"));
        assert!(!words.can_sync);
        s.record.succeeded(NOW - 10_000);
        let words = describe(&s, NOW, Locale::En);
        assert_eq!(
            words.detail.as_deref(),
            Some("Last successful sync just now"),
            "not \"synced just now\" under \"syncing…\""
        );
        s.record.last_success_ms = None;

        s.running = false;
        s.pending = 0;
        s.record.succeeded(NOW - 3 * 60_000);
        let words = describe(&s, NOW, Locale::Fr);
        assert_eq!(words.headline, "Tout est envoyé");
        assert_eq!(words.detail.as_deref(), Some("Synchronisé il y a 3 min"));
        assert_eq!(words.tone, Tone::Ok);
        assert_eq!(words.problem, None);
        assert_eq!(words.link_device, None);
    }

    #[test]
    fn a_problem_and_refused_events_turn_the_bar_red() {
        let mut s = snapshot(Link::Enrolled, 1);
        s.record.failed(SyncProblem::Offline, NOW);
        let words = describe(&s, NOW, Locale::Fr);
        assert_eq!(words.tone, Tone::Problem);
        assert!(words.problem.unwrap().starts_with("Serveur injoignable"));

        // A round went through a moment ago, the next one did not: the bar says the first as
        // the past, never "synchronisé à l'instant" beside "serveur injoignable".
        s.record.succeeded(NOW - 20_000);
        s.record.failed(SyncProblem::ServerUnavailable, NOW);
        let words = describe(&s, NOW, Locale::Fr);
        assert!(words.problem.is_some());
        assert_eq!(
            words.detail.as_deref(),
            Some("Dernière synchronisation réussie à l'instant")
        );
        s.record
            .failed(SyncProblem::ServerUnavailable, NOW + 5 * 60_000);
        let words = describe(&s, NOW + 5 * 60_000, Locale::Ar);
        assert_eq!(
            words.detail.as_deref(),
            Some("آخر مزامنة ناجحة منذ 5 دقائق")
        );

        let mut s = snapshot(Link::Enrolled, 0);
        s.attention = 2;
        let words = describe(&s, NOW, Locale::Fr);
        assert_eq!(words.attention.as_deref(), Some("À vérifier : 2"));
        assert_eq!(
            words.headline, "Refusés par le serveur : 2",
            "refused events are not \"tout est envoyé\""
        );
        assert_eq!(words.tone, Tone::Problem);
    }

    #[test]
    fn the_bar_speaks_every_language() {
        for locale in Locale::ALL {
            for link in [Link::NotEnrolled, Link::Enrolled, Link::Revoked] {
                let words = describe(&snapshot(link, 5), NOW, locale);
                assert!(!words.headline.contains('{'));
                assert!(words.detail.is_some());
            }
        }
        let ar = describe(&snapshot(Link::Enrolled, 5), NOW, Locale::Ar);
        assert_eq!(
            ar.headline,
            Locale::Ar.fill(Text::OutboxPending, &[("count", "5")])
        );
    }
}
