//! A new campaign: its id, made from its name so that it reads in URLs, file names and logs
//! ("tilleuls-automne-2026-k7p2"), with a random ending so that two campaigns of the same name
//! never share one.

use crate::ids::{CAMPAIGN_ID_MAX_LEN, CampaignId};
use crate::kiosk::fold;

use super::edit::{SettingEdit, SettingProblem};

/// What a coordinator gives to create a campaign.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewCampaign {
    pub name: String,
    /// Which territory it covers, in the coordinator's words; may be empty.
    #[serde(default)]
    pub territory: String,
}

impl NewCampaign {
    /// The first settings change of the campaign: its name and territory.
    pub fn edits(&self) -> Result<Vec<SettingEdit>, SettingProblem> {
        let mut edits = vec![SettingEdit::Name {
            value: self.name.clone(),
        }];
        if !self.territory.trim().is_empty() {
            edits.push(SettingEdit::Territory {
                value: self.territory.clone(),
            });
        }
        for edit in &edits {
            edit.check()?;
        }
        Ok(edits)
    }
}

/// The id of a new campaign named `name`; `random` comes from a secure RNG in the caller.
pub fn new_campaign_id(name: &str, random: [u8; 4]) -> CampaignId {
    const SYMBOLS: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz023456789";
    let mut slug = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug.chars().take(CAMPAIGN_ID_MAX_LEN - 8).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("campagne");
    }
    let suffix: String = random
        .iter()
        .map(|b| SYMBOLS[usize::from(*b) % 32] as char)
        .collect();
    CampaignId::parse(&format!("{slug}-{suffix}")).unwrap_or_else(|_| CampaignId::demo())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_reads_like_the_name_and_ends_at_random() {
        assert_eq!(
            new_campaign_id("Les Tilleuls — automne 2026 !", [0, 1, 2, 31]).as_str(),
            "les-tilleuls-automne-2026-abc9"
        );
        assert_eq!(
            new_campaign_id("حي الزيتون", [5, 5, 5, 5]).as_str(),
            "campagne-ffff"
        );
        let long = new_campaign_id(&"Résidence ".repeat(20), [1; 4]);
        assert!(long.as_str().len() <= CAMPAIGN_ID_MAX_LEN, "{long}");
        assert!(!long.as_str().contains("--"));
    }

    #[test]
    fn a_new_campaign_needs_a_name() {
        let blank = NewCampaign {
            name: " ".into(),
            territory: String::new(),
        };
        assert_eq!(blank.edits(), Err(SettingProblem::NameEmpty));
        let named = NewCampaign {
            name: "Tilleuls".into(),
            territory: "Quartier Nord".into(),
        };
        assert_eq!(named.edits().unwrap().len(), 2);
    }
}
