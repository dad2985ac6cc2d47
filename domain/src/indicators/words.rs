//! How the indicators' charts and tables are said in each language: titles, categories, door
//! states. Dates are written dd/mm/yyyy in every language, as French paperwork has them.

use std::fmt::Write;

use crate::calendar::LocalDate;
use crate::canvass::DoorOutcome;
use crate::canvass::status::DoorStatus;
use crate::i18n::{Locale, Text};

use super::charts::{ChartId, Label, State};

/// "25/11/2026".
pub fn date(date: LocalDate) -> String {
    let mut out = String::with_capacity(10);
    write_date(&mut out, date);
    out
}

/// Which campaign and which day a printed report is about: "Campagne : Les Tilleuls ·
/// 25/11/2026". The name is the coordinator's own words, in any script: isolated in Arabic.
pub fn report_for(locale: Locale, campaign_name: &str, today: LocalDate) -> String {
    let campaign = crate::in_sentence::in_sentence(campaign_name, locale.is_rtl());
    locale.fill(
        Text::IndReportFor,
        &[("campaign", campaign.as_str()), ("date", &date(today))],
    )
}

/// [`date`] appended to `out`, for writers that reuse one buffer.
pub fn write_date(out: &mut String, date: LocalDate) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{:02}/{:02}/{:04}", date.day, date.month, date.year);
}

impl ChartId {
    pub fn title(self, locale: Locale) -> &'static str {
        use ChartId::*;
        match (self, locale) {
            (DoorFunnel, Locale::Fr) => "Des portes aux inscriptions",
            (DoorFunnel, Locale::En) => "From doors to sign-ups",
            (DoorFunnel, Locale::Ar) => "من الأبواب إلى التسجيلات",
            (DoorStates, Locale::Fr) => "Portes par état",
            (DoorStates, Locale::En) => "Doors by state",
            (DoorStates, Locale::Ar) => "الأبواب حسب الحالة",
            (WellbeingOverTime, Locale::Fr) => "Bien-être des habitants, par semaine",
            (WellbeingOverTime, Locale::En) => "Residents' wellbeing, by week",
            (WellbeingOverTime, Locale::Ar) => "رفاه السكان، حسب الأسبوع",
            (PartnerContactsByTheme, Locale::Fr) => "Contacts avec les partenaires, par thème",
            (PartnerContactsByTheme, Locale::En) => "Partner contacts, by theme",
            (PartnerContactsByTheme, Locale::Ar) => "الاتصالات مع الشركاء، حسب الموضوع",
            (ReferralsByStatus, Locale::Fr) => "Orientations vers les partenaires, par statut",
            (ReferralsByStatus, Locale::En) => "Referrals to partners, by status",
            (ReferralsByStatus, Locale::Ar) => "التوجيه إلى الشركاء، حسب الحالة",
            (KioskAndSharedSpace, Locale::Fr) => "Borne du hall et salle commune",
            (KioskAndSharedSpace, Locale::En) => "Lobby kiosk and shared room",
            (KioskAndSharedSpace, Locale::Ar) => "شاشة البهو والقاعة المشتركة",
            (KioskWellbeing, Locale::Fr) => "Bien-être donné à la borne du hall (anonyme)",
            (KioskWellbeing, Locale::En) => "Wellbeing given at the lobby kiosk (anonymous)",
            (KioskWellbeing, Locale::Ar) => "الرفاه المُعبَّر عنه على شاشة البهو (دون اسم)",
        }
    }
}

impl State {
    pub fn of_outcome(outcome: &DoorOutcome) -> State {
        match outcome {
            DoorOutcome::Absent => State::Absent,
            DoorOutcome::Refused => State::Refused,
            DoorOutcome::Interested => State::Interested,
            DoorOutcome::SignedUp => State::SignedUp,
            DoorOutcome::ComeBack { .. } => State::ComeBack,
            DoorOutcome::DoNotDisturb { .. } => State::DoNotDisturb,
            DoorOutcome::Inaccessible => State::Inaccessible,
        }
    }

    pub fn of_status(status: &DoorStatus) -> State {
        match status {
            DoorStatus::NotVisited => State::NotVisited,
            DoorStatus::Absent { .. } => State::Absent,
            DoorStatus::Refused => State::Refused,
            DoorStatus::Interested => State::Interested,
            DoorStatus::SignedUp => State::SignedUp,
            DoorStatus::ComeBack { .. } => State::ComeBack,
            DoorStatus::DoNotDisturb { .. } => State::DoNotDisturb,
            DoorStatus::Inaccessible => State::Inaccessible,
        }
    }

    /// The machine name, the same as `DoorState::css_class` and the wire's outcome kinds.
    pub fn code(self) -> &'static str {
        match self {
            State::NotVisited => "not_visited",
            State::Absent => "absent",
            State::Refused => "refused",
            State::Interested => "interested",
            State::SignedUp => "signed_up",
            State::ComeBack => "come_back",
            State::DoNotDisturb => "do_not_disturb",
            State::Inaccessible => "inaccessible",
        }
    }

    pub fn text(self, locale: Locale) -> &'static str {
        use State::*;
        match (self, locale) {
            (NotVisited, Locale::Fr) => "Non visitée",
            (NotVisited, Locale::En) => "Not visited",
            (NotVisited, Locale::Ar) => "لم تتم زيارته",
            (Absent, Locale::Fr) => "Absent",
            (Absent, Locale::En) => "Not in",
            (Absent, Locale::Ar) => "غائب",
            (Refused, Locale::Fr) => "Refus",
            (Refused, Locale::En) => "Refused",
            (Refused, Locale::Ar) => "رفض",
            (Interested, Locale::Fr) => "Intéressé",
            (Interested, Locale::En) => "Interested",
            (Interested, Locale::Ar) => "مهتم",
            (SignedUp, Locale::Fr) => "Inscrit",
            (SignedUp, Locale::En) => "Signed up",
            (SignedUp, Locale::Ar) => "مسجَّل",
            (ComeBack, Locale::Fr) => "À revoir",
            (ComeBack, Locale::En) => "Come back",
            (ComeBack, Locale::Ar) => "العودة لاحقًا",
            (DoNotDisturb, Locale::Fr) => "Ne pas déranger",
            (DoNotDisturb, Locale::En) => "Do not disturb",
            (DoNotDisturb, Locale::Ar) => "عدم الإزعاج",
            (Inaccessible, Locale::Fr) => "Inaccessible",
            (Inaccessible, Locale::En) => "Can't reach",
            (Inaccessible, Locale::Ar) => "لا يمكن الوصول",
        }
    }
}

impl Label {
    pub fn text(self, locale: Locale) -> String {
        use Label::*;
        let fixed = match (self, locale) {
            (State(state), _) => state.text(locale),
            (Key(key), _) => key,
            (WeekOf(monday), _) => {
                let before = match locale {
                    Locale::Fr => "Semaine du ",
                    Locale::En => "Week of ",
                    Locale::Ar => "أسبوع ",
                };
                return format!("{before}{}", date(monday));
            }
            (Face(n), _) => locale.text(match n {
                1 => Text::Wellbeing1,
                2 => Text::Wellbeing2,
                3 => Text::Wellbeing3,
                4 => Text::Wellbeing4,
                _ => Text::Wellbeing5,
            }),
            (DoorsInScope, Locale::Fr) => "Portes du périmètre",
            (DoorsInScope, Locale::En) => "Doors in scope",
            (DoorsInScope, Locale::Ar) => "الأبواب المعنية",
            (Knocked, Locale::Fr) => "Portes frappées",
            (Knocked, Locale::En) => "Doors knocked",
            (Knocked, Locale::Ar) => "الأبواب التي طُرقت",
            (Opened, Locale::Fr) => "Portes ouvertes",
            (Opened, Locale::En) => "Doors opened",
            (Opened, Locale::Ar) => "الأبواب التي فُتحت",
            (SignUps, Locale::Fr) => "Inscriptions",
            (SignUps, Locale::En) => "Sign-ups",
            (SignUps, Locale::Ar) => "التسجيلات",
            (Doors, Locale::Fr) => "Portes",
            (Doors, Locale::En) => "Doors",
            (Doors, Locale::Ar) => "الأبواب",
            (Week, Locale::Fr) => "Semaine",
            (Week, Locale::En) => "Week",
            (Week, Locale::Ar) => "الأسبوع",
            (Answers, Locale::Fr) => "Réponses",
            (Answers, Locale::En) => "Answers",
            (Answers, Locale::Ar) => "الإجابات",
            (Theme, Locale::Fr) => "Thème",
            (Theme, Locale::En) => "Theme",
            (Theme, Locale::Ar) => "الموضوع",
            (DoorState, Locale::Fr) => "État de la porte",
            (DoorState, Locale::En) => "Door state",
            (DoorState, Locale::Ar) => "حالة الباب",
            (Status, Locale::Fr) => "Statut",
            (Status, Locale::En) => "Status",
            (Status, Locale::Ar) => "الحالة",
            (Contacts, Locale::Fr) => "Contacts",
            (Contacts, Locale::En) => "Contacts",
            (Contacts, Locale::Ar) => "الاتصالات",
            (Referrals, Locale::Fr) => "Orientations",
            (Referrals, Locale::En) => "Referrals",
            (Referrals, Locale::Ar) => "التوجيهات",
            (KioskSignUps, Locale::Fr) => "Inscriptions à la borne",
            (KioskSignUps, Locale::En) => "Kiosk sign-ups",
            (KioskSignUps, Locale::Ar) => "التسجيلات عبر الشاشة",
            (UnansweredQuestions, Locale::Fr) => "Questions sans réponse",
            (UnansweredQuestions, Locale::En) => "Unanswered questions",
            (UnansweredQuestions, Locale::Ar) => "أسئلة بلا إجابة",
            (Ideas, Locale::Fr) => "Idées proposées",
            (Ideas, Locale::En) => "Ideas proposed",
            (Ideas, Locale::Ar) => "الأفكار المقترحة",
            (Votes, Locale::Fr) => "Votes",
            (Votes, Locale::En) => "Votes",
            (Votes, Locale::Ar) => "الأصوات",
            (What, Locale::Fr) => "Indicateur",
            (What, Locale::En) => "Indicator",
            (What, Locale::Ar) => "المؤشر",
            (Count, Locale::Fr) => "Nombre",
            (Count, Locale::En) => "Number",
            (Count, Locale::Ar) => "العدد",
            (Feeling, Locale::Fr) => "Ressenti",
            (Feeling, Locale::En) => "Feeling",
            (Feeling, Locale::Ar) => "الشعور",
            (Idea, Locale::Fr) => "Idée",
            (Idea, Locale::En) => "Idea",
            (Idea, Locale::Ar) => "الفكرة",
            (Residence, Locale::Fr) => "Résidence",
            (Residence, Locale::En) => "Résidence",
            (Residence, Locale::Ar) => "الإقامة",
        };
        fixed.to_owned()
    }
}

// kiosk-results (#5): the shared-space ideas' table on the indicators screen.
/// The title of the ideas' votes figure.
pub fn idea_votes_title(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "Idées pour la salle commune : votes par idée",
        Locale::En => "Ideas for the shared room: votes per idea",
        Locale::Ar => "أفكار للقاعة المشتركة: الأصوات لكل فكرة",
    }
}

/// Said instead of an empty table.
pub fn no_ideas(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "Aucune idée proposée à la borne pour ce filtre.",
        Locale::En => "No idea proposed at the kiosk for this filter.",
        Locale::Ar => "لا توجد أفكار مقترحة على الشاشة لهذا الاختيار.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_line_names_the_campaign_and_the_day_in_each_language() {
        let day = LocalDate::new(2026, 11, 25).unwrap();
        assert_eq!(
            report_for(Locale::Fr, "Les Tilleuls", day),
            "Campagne\u{a0}: Les Tilleuls · 25/11/2026"
        );
        assert_eq!(
            report_for(Locale::En, "Les Tilleuls", day),
            "Campaign: Les Tilleuls · 25/11/2026"
        );
        assert_eq!(
            report_for(Locale::Ar, "Les Tilleuls", day),
            "الحملة: \u{2068}Les Tilleuls\u{2069} · 25/11/2026"
        );
    }
}
