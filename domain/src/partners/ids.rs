//! Identifiers of partners and referrals: random, so that two volunteers adding a structure
//! offline at the same moment never collide, and in the same canonical UUID form as device ids.

use serde::{Deserialize, Serialize};

use crate::ids::DeviceId;

/// Why a string was refused as a partner or referral id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a partner or referral id (a lowercase UUID)")]
pub struct IdError(pub String);

macro_rules! random_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// From 16 bytes of a secure RNG, which the shell owns.
            pub fn from_random(bytes: [u8; 16]) -> $name {
                $name(DeviceId::from_random(bytes).into())
            }

            pub fn parse(input: &str) -> Result<$name, IdError> {
                DeviceId::parse(input)
                    .map(|_| $name(input.to_owned()))
                    .map_err(|_| IdError(input.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<$name, IdError> {
                $name::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

random_id!(
    /// One structure of the directory, across all its edits, contacts and referrals.
    PartnerId
);
random_id!(
    /// One referral of a resident to a partner, across its status changes.
    ReferralId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_canonical_uuids_and_refuse_anything_else() {
        let id = PartnerId::from_random([7; 16]);
        assert_eq!(PartnerId::parse(id.as_str()), Ok(id.clone()));
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(serde_json::from_str::<PartnerId>(&json).unwrap(), id);
        assert!(PartnerId::parse("centre-social").is_err());
        assert!(serde_json::from_str::<ReferralId>("\"NOPE\"").is_err());
    }
}
