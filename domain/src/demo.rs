//! The demo campaign that `cargo xtask run` starts with, so that a first run shows something real.
//! Its territory (a résidence with its bâtiments and doors) arrives with the field work.

use crate::ids::CampaignId;

pub struct DemoCampaign {
    pub id: CampaignId,
    pub name: &'static str,
    /// Days personal details are kept after the last contact: the CNIL's reference of 3 years.
    pub retention_days: u32,
}

pub fn campaign() -> DemoCampaign {
    DemoCampaign {
        id: CampaignId::demo(),
        name: "Démonstration — Résidence Les Tilleuls",
        retention_days: 3 * 365,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_campaign_keeps_details_three_years() {
        let demo = campaign();
        assert_eq!(demo.id.as_str(), "demo");
        assert_eq!(demo.retention_days, 1095);
    }
}
