//! How sync things are said in each language: "il y a 3 min", what kind of record an event is,
//! why the server refused it, when it was recorded. Short forms for the status bar and the
//! "À vérifier" list.

use crate::calendar::LocalDate;
use crate::canvass::words::day;
use crate::event::EventBody;
use crate::i18n::{Locale, Text};

use super::answer::EnrollProblem;
use super::device_state::{EVENT_MISSING, SyncProblem, TOO_LARGE};

const MINUTE_MS: u64 = 60_000;
const HOUR_MS: u64 = 60 * MINUTE_MS;
const DAY_MS: u64 = 24 * HOUR_MS;

/// How long ago, as said after "il y a" / "ago" / "منذ": `None` under a minute ("à l'instant").
/// Whole minutes under an hour, whole hours under a day, then days; always rounded down, so a
/// status never claims a sync more recent than it was.
pub fn ago(elapsed_ms: u64, locale: Locale) -> Option<String> {
    let (n, unit) = if elapsed_ms < MINUTE_MS {
        return None;
    } else if elapsed_ms < HOUR_MS {
        (elapsed_ms / MINUTE_MS, Unit::Minute)
    } else if elapsed_ms < DAY_MS {
        (elapsed_ms / HOUR_MS, Unit::Hour)
    } else {
        (elapsed_ms / DAY_MS, Unit::Day)
    };
    Some(amount(n, unit, locale))
}

#[derive(Clone, Copy)]
enum Unit {
    Minute,
    Hour,
    Day,
}

fn amount(n: u64, unit: Unit, locale: Locale) -> String {
    match locale {
        // "min" and "h" do not take the plural mark; "jour(s)" does.
        Locale::Fr => match unit {
            Unit::Minute => format!("{n} min"),
            Unit::Hour => format!("{n} h"),
            Unit::Day if n == 1 => "1 jour".to_owned(),
            Unit::Day => format!("{n} jours"),
        },
        Locale::En => match unit {
            Unit::Minute => format!("{n} min"),
            Unit::Hour => format!("{n} h"),
            Unit::Day if n == 1 => "1 day".to_owned(),
            Unit::Day => format!("{n} days"),
        },
        Locale::Ar => arabic_amount(n, unit),
    }
}

/// Arabic counts agree with their number: one and two are said by the noun alone (دقيقة،
/// دقيقتين), 3 to 10 take the plural (3 دقائق), 11 and above the singular (11 دقيقة, 15 يومًا).
fn arabic_amount(n: u64, unit: Unit) -> String {
    let (one, two, plural, singular) = match unit {
        Unit::Minute => ("دقيقة", "دقيقتين", "دقائق", "دقيقة"),
        Unit::Hour => ("ساعة", "ساعتين", "ساعات", "ساعة"),
        Unit::Day => ("يوم", "يومين", "أيام", "يومًا"),
    };
    match n {
        1 => one.to_owned(),
        2 => two.to_owned(),
        3..=10 => format!("{n} {plural}"),
        _ => format!("{n} {singular}"),
    }
}

/// "Synchronisé il y a 3 min", "Synchronisé à l'instant", or "Jamais synchronisé". A clock that
/// went backwards since (`now_ms` before the success) reads as "just now".
pub fn last_success(last_success_ms: Option<u64>, now_ms: u64, locale: Locale) -> String {
    worded_success(
        last_success_ms,
        now_ms,
        locale,
        [Text::SyncDoneJustNow, Text::SyncDoneAgo],
    )
}

/// "Dernière synchronisation réussie il y a 3 min": the same moment, said as the past, for when
/// a problem or a round under way is what the bar says now.
pub fn last_good_round(last_success_ms: Option<u64>, now_ms: u64, locale: Locale) -> String {
    worded_success(
        last_success_ms,
        now_ms,
        locale,
        [Text::SyncLastDoneJustNow, Text::SyncLastDoneAgo],
    )
}

fn worded_success(
    last_success_ms: Option<u64>,
    now_ms: u64,
    locale: Locale,
    [just_now, some_time_ago]: [Text; 2],
) -> String {
    let Some(then) = last_success_ms else {
        return locale.text(Text::SyncNever).to_owned();
    };
    match ago(now_ms.saturating_sub(then), locale) {
        None => locale.text(just_now).to_owned(),
        Some(ago) => locale.fill(some_time_ago, &[("ago", &ago)]),
    }
}

/// The last problem of a round in plain words.
pub fn problem(problem: &SyncProblem, locale: Locale) -> String {
    match problem {
        SyncProblem::Offline => locale.text(Text::ProblemOffline).to_owned(),
        SyncProblem::ServerUnavailable => locale.text(Text::ProblemServerUnavailable).to_owned(),
        SyncProblem::RateLimited => locale.text(Text::ProblemRateLimited).to_owned(),
        SyncProblem::Revoked { .. } => locale.text(Text::SyncRevoked).to_owned(),
        SyncProblem::AppTooOld => locale.text(Text::ProblemAppTooOld).to_owned(),
        SyncProblem::Refused { code, .. } => locale.fill(Text::ProblemRefused, &[("code", code)]),
        SyncProblem::UnreadableAnswer => locale.text(Text::ProblemUnreadable).to_owned(),
        // A full device says what to do about it (crate::device_storage::write_failure).
        SyncProblem::Storage { detail } => crate::device_storage::write_failed(detail, locale),
    }
}

/// Why linking the device failed, for the person holding it.
pub fn enroll_problem(problem: &EnrollProblem, locale: Locale) -> String {
    let text = match problem {
        EnrollProblem::Malformed => Text::EnrollMalformed,
        EnrollProblem::Unknown => Text::EnrollUnknown,
        EnrollProblem::Expired => Text::EnrollExpired,
        EnrollProblem::Used => Text::EnrollUsed,
        EnrollProblem::RateLimited => Text::EnrollRateLimited,
        EnrollProblem::Offline => Text::EnrollOffline,
        EnrollProblem::Other { code } => {
            return locale.fill(Text::EnrollFailed, &[("code", code)]);
        }
    };
    locale.text(text).to_owned()
}

/// What kind of record an event is, as the volunteer knows it; `None` (the event is missing from
/// the log) says so too.
pub fn kind(body: Option<&EventBody>) -> Text {
    match body {
        Some(EventBody::FieldNoteRecorded { .. }) => Text::KindFieldNote,
        Some(EventBody::DeviceStarted { .. }) => Text::KindDeviceStarted,
        Some(EventBody::DoorVisited { .. }) => Text::KindDoorVisit,
        Some(EventBody::ResidentSignedUp { .. } | EventBody::SignupConfirmed { .. }) => {
            Text::KindSignup
        }
        Some(EventBody::AppPresented { .. }) => Text::KindPresentation,
        // "Coordination" until campaign settings have their own words (the lead adds the key).
        Some(EventBody::CampaignSettingsChanged(_)) => Text::ModeCoordination,
        // An erasure concerns a sign-up: "Inscription" until it has its own words.
        Some(EventBody::ResidentErased(_)) => Text::KindSignup,
        // "Partenaires" until each partner record has its own words (the lead adds the keys).
        Some(
            EventBody::PartnerEdited(_)
            | EventBody::PartnerContactLogged(_)
            | EventBody::ReferralMade(_)
            | EventBody::ReferralStatusChanged(_),
        ) => Text::ModePartners,
        // "Borne" until each kiosk record has its own words (the lead adds the keys).
        Some(
            EventBody::KioskQuestionUnanswered(_)
            | EventBody::KioskCallbackRequested(_)
            | EventBody::IdeaProposed(_)
            | EventBody::IdeaVoted(_)
            | EventBody::IdeaHidden(_)
            | EventBody::KioskSealed(_)
            | EventBody::KioskCallbackOpened(_)
            | EventBody::KioskCallbackHandled(_)
            | EventBody::KioskWellbeingGiven(_),
        ) => Text::ModeKiosk,
        None => Text::KindUnreadable,
    }
}

/// Why an event was refused, in plain words, from its code; a code this build does not know (a
/// newer server's) still says "refused" and shows the code.
pub fn reject_reason(code: &str, locale: Locale) -> String {
    let text = match code {
        "clock_too_far_ahead" => Text::RejectClock,
        "unknown_campaign" => Text::RejectCampaign,
        "invalid_event" => Text::RejectInvalid,
        "unsupported_schema" => Text::RejectSchema,
        "not_this_device" | "clock_not_this_device" => Text::RejectDevice,
        "sequence_taken" => Text::RejectSequence,
        TOO_LARGE => Text::RejectTooLarge,
        EVENT_MISSING => Text::RejectMissing,
        _ => return locale.fill(Text::RejectOther, &[("code", code)]),
    };
    locale.text(text).to_owned()
}

/// What the device page says of the practice events ([`super::is_practice`]) it keeps: the
/// volunteer must see they are kept, are practice, and will never reach the team.
pub fn practice_kept(count: usize, locale: Locale) -> String {
    match locale {
        Locale::Fr => match count {
            1 => "1 saisie d'entraînement (campagne de démonstration) reste sur cet appareil : \
                  elle n'est jamais envoyée à l'équipe."
                .to_owned(),
            n => format!(
                "{n} saisies d'entraînement (campagne de démonstration) restent sur cet \
                 appareil : elles ne sont jamais envoyées à l'équipe."
            ),
        },
        Locale::En => match count {
            1 => "1 practice record (demo campaign) stays on this device: it is never sent to \
                  the team."
                .to_owned(),
            n => format!(
                "{n} practice records (demo campaign) stay on this device: they are never sent \
                 to the team."
            ),
        },
        Locale::Ar => format!(
            "{count} {} (الحملة التجريبية) {} على هذا الجهاز ولا تُرسل أبدًا إلى الفريق.",
            if count == 1 {
                "تسجيل تدريبي"
            } else {
                "تسجيلات تدريبية"
            },
            if count == 1 { "يبقى" } else { "تبقى" }
        ),
    }
}

/// "jeudi 26/11 à 14:05", from the device's local date and time of the event.
pub fn day_and_time(date: LocalDate, hour: u8, minute: u8, locale: Locale) -> String {
    let at = match locale {
        Locale::Fr => "à",
        Locale::En => "at",
        Locale::Ar => "على الساعة",
    };
    format!("{} {at} {hour:02}:{minute:02}", day(date, locale))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::RejectCode;

    #[test]
    fn elapsed_time_reads_in_whole_units_rounded_down() {
        let fr = |ms| ago(ms, Locale::Fr);
        assert_eq!(fr(59_999), None);
        assert_eq!(fr(60_000).as_deref(), Some("1 min"));
        assert_eq!(fr(3 * MINUTE_MS + 59_000).as_deref(), Some("3 min"));
        assert_eq!(fr(HOUR_MS - 1).as_deref(), Some("59 min"));
        assert_eq!(fr(HOUR_MS).as_deref(), Some("1 h"));
        assert_eq!(fr(DAY_MS - 1).as_deref(), Some("23 h"));
        assert_eq!(fr(DAY_MS).as_deref(), Some("1 jour"));
        assert_eq!(fr(3 * DAY_MS).as_deref(), Some("3 jours"));
        assert_eq!(ago(2 * DAY_MS, Locale::En).as_deref(), Some("2 days"));
        assert_eq!(ago(DAY_MS, Locale::En).as_deref(), Some("1 day"));
    }

    #[test]
    fn arabic_counts_agree_with_their_number() {
        let ar = |n, unit| arabic_amount(n, unit);
        assert_eq!(ar(1, Unit::Minute), "دقيقة");
        assert_eq!(ar(2, Unit::Minute), "دقيقتين");
        assert_eq!(ar(3, Unit::Minute), "3 دقائق");
        assert_eq!(ar(10, Unit::Hour), "10 ساعات");
        assert_eq!(ar(11, Unit::Minute), "11 دقيقة");
        assert_eq!(ar(2, Unit::Day), "يومين");
        assert_eq!(ar(15, Unit::Day), "15 يومًا");
    }

    #[test]
    fn the_last_success_is_said_in_full() {
        const NOW: u64 = 1_764_000_000_000;
        assert_eq!(
            last_success(Some(NOW - 3 * MINUTE_MS), NOW, Locale::Fr),
            "Synchronisé il y a 3 min"
        );
        assert_eq!(
            last_success(Some(NOW - 10_000), NOW, Locale::Fr),
            "Synchronisé à l'instant"
        );
        assert_eq!(
            last_success(Some(NOW + 10_000), NOW, Locale::Fr),
            "Synchronisé à l'instant",
            "a clock put back reads as just now"
        );
        assert_eq!(last_success(None, NOW, Locale::Fr), "Jamais synchronisé");
        assert_eq!(
            last_success(Some(NOW - 2 * HOUR_MS), NOW, Locale::Ar),
            "تمت المزامنة منذ ساعتين"
        );
        assert_eq!(
            last_success(Some(NOW - 5 * MINUTE_MS), NOW, Locale::En),
            "Synced 5 min ago"
        );
    }

    #[test]
    fn every_problem_has_its_words() {
        let problems = [
            SyncProblem::Offline,
            SyncProblem::ServerUnavailable,
            SyncProblem::RateLimited,
            SyncProblem::Revoked {
                code: "device_revoked".into(),
            },
            SyncProblem::AppTooOld,
            SyncProblem::Refused {
                code: "bad_request".into(),
                message: "m".into(),
            },
            SyncProblem::UnreadableAnswer,
            SyncProblem::Storage {
                detail: "QuotaExceededError".into(),
            },
        ];
        for locale in Locale::ALL {
            for p in &problems {
                let words = problem(p, locale);
                assert!(
                    !words.is_empty() && !words.contains('{'),
                    "{locale:?} {p:?}"
                );
            }
        }
        assert!(problem(&problems[3], Locale::Fr).starts_with("Cet appareil a été retiré"));
        assert!(problem(&problems[5], Locale::Fr).contains("(bad_request)"));
        // A full device is said in plain words, not by the browser's exception name.
        assert!(problem(&problems[7], Locale::Fr).starts_with("Rien n'a été enregistré"));
    }

    #[test]
    fn every_known_refusal_has_plain_words_and_unknown_ones_show_their_code() {
        for code in RejectCode::ALL {
            let words = reject_reason(code.as_str(), Locale::Fr);
            assert!(
                !words.contains(code.as_str()),
                "{code} has no words of its own"
            );
        }
        for code in [TOO_LARGE, EVENT_MISSING] {
            assert!(!reject_reason(code, Locale::Fr).contains(code));
        }
        assert_eq!(
            reject_reason("quota_exceeded", Locale::Fr),
            "Refusé par le serveur (quota_exceeded)."
        );
    }

    #[test]
    fn each_enrollment_failure_says_what_to_do() {
        assert_eq!(
            enroll_problem(&EnrollProblem::Expired, Locale::Fr),
            "Ce code a expiré. Demandez un nouveau code à votre coordinateur."
        );
        assert_eq!(
            enroll_problem(
                &EnrollProblem::Other {
                    code: "storage_unavailable".into()
                },
                Locale::Fr
            ),
            "La liaison n'a pas abouti (storage_unavailable). Réessayez plus tard."
        );
        let all = [
            EnrollProblem::Malformed,
            EnrollProblem::Unknown,
            EnrollProblem::Expired,
            EnrollProblem::Used,
            EnrollProblem::RateLimited,
            EnrollProblem::Offline,
        ];
        for locale in Locale::ALL {
            let words: std::collections::HashSet<_> =
                all.iter().map(|p| enroll_problem(p, locale)).collect();
            assert_eq!(
                words.len(),
                all.len(),
                "{locale:?}: two failures say the same"
            );
        }
    }

    #[test]
    fn practice_records_are_said_to_stay_and_never_be_sent() {
        assert!(practice_kept(1, Locale::Fr).starts_with("1 saisie d'entraînement"));
        assert!(practice_kept(3, Locale::Fr).contains("3 saisies"));
        assert!(practice_kept(3, Locale::En).contains("never sent"));
        assert!(practice_kept(1, Locale::En).starts_with("1 practice record "));
        assert!(practice_kept(2, Locale::Ar).contains("تسجيلات تدريبية"));
        assert!(practice_kept(1, Locale::Ar).contains("تسجيل تدريبي"));
    }

    #[test]
    fn kinds_and_times_read_plainly() {
        let note = EventBody::FieldNoteRecorded { text: "x".into() };
        assert_eq!(Locale::Fr.text(kind(Some(&note))), "Note de terrain");
        assert_eq!(kind(None), Text::KindUnreadable);
        let thursday = LocalDate::new(2026, 11, 26).unwrap();
        assert_eq!(
            day_and_time(thursday, 14, 5, Locale::Fr),
            "jeudi 26/11 à 14:05"
        );
        assert_eq!(
            day_and_time(thursday, 9, 0, Locale::En),
            "Thursday 26/11 at 09:00"
        );
    }
}
