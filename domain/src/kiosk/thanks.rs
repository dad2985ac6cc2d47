//! What the "merci" screen after a kiosk sign-up promises. It must say what will really happen:
//! a resident who said no to every purpose is told that nothing was kept and that nobody will
//! call, never that "the team will contact you soon" (no details are recorded for them, see
//! `signup::ValidSignup::keeps_details`).

use super::words::KioskText;
use crate::consent::{ConsentAnswer, Purpose};
use crate::signup::joins_the_app;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignupThanks {
    /// A yes to the app or to the résidence's group: signed up, the team will contact them.
    SignedUp,
    /// A yes to a partner only: the team will contact them about that, nothing more.
    Referral,
    /// No to everything: nothing kept, nobody will contact them.
    NothingKept,
}

impl SignupThanks {
    pub fn after(consents: &[ConsentAnswer]) -> SignupThanks {
        if joins_the_app(consents) {
            SignupThanks::SignedUp
        } else if consents
            .iter()
            .any(|a| a.granted && a.purpose == Purpose::PartnerReferral)
        {
            SignupThanks::Referral
        } else {
            SignupThanks::NothingKept
        }
    }

    pub fn text(self) -> KioskText {
        match self {
            SignupThanks::SignedUp => KioskText::ThanksSignedUp,
            SignupThanks::Referral => KioskText::ThanksReferral,
            SignupThanks::NothingKept => KioskText::ThanksNothingKept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kiosk::KioskLanguage;

    fn answers(granted: [bool; 3]) -> Vec<ConsentAnswer> {
        Purpose::ALL
            .into_iter()
            .zip(granted)
            .map(|(purpose, granted)| ConsentAnswer { purpose, granted })
            .collect()
    }

    #[test]
    fn a_resident_who_refused_everything_is_not_promised_a_call() {
        assert_eq!(
            SignupThanks::after(&answers([false, false, false])),
            SignupThanks::NothingKept
        );
        assert_eq!(SignupThanks::after(&[]), SignupThanks::NothingKept);
        for lang in KioskLanguage::ALL {
            let said = SignupThanks::NothingKept.text().says(lang);
            assert_ne!(said, KioskText::ThanksSignedUp.says(lang), "{lang:?}");
        }
        assert!(
            KioskText::ThanksNothingKept
                .says(KioskLanguage::Fr)
                .contains("personne ne vous contactera")
        );
    }

    #[test]
    fn a_yes_to_the_app_or_the_group_is_a_sign_up_and_a_partner_only_a_referral() {
        assert_eq!(
            SignupThanks::after(&answers([true, false, false])),
            SignupThanks::SignedUp
        );
        assert_eq!(
            SignupThanks::after(&answers([false, true, true])),
            SignupThanks::SignedUp
        );
        assert_eq!(
            SignupThanks::after(&answers([false, false, true])),
            SignupThanks::Referral
        );
    }
}
