//! Innovationstrappan: how new a need's solution is. Used by networks'
//! focus and by needs.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Staircase {
    #[default]
    Infora,
    Introducera,
    Initiera,
}

impl Staircase {
    pub const ALL: [Staircase; 3] = [
        Staircase::Infora,
        Staircase::Introducera,
        Staircase::Initiera,
    ];

    /// The stable code, used in URLs and the database.
    pub fn code(self) -> &'static str {
        match self {
            Staircase::Infora => "infora",
            Staircase::Introducera => "introducera",
            Staircase::Initiera => "initiera",
        }
    }

    pub fn parse(code: &str) -> Option<Staircase> {
        Staircase::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = lang.t();
        match self {
            Staircase::Infora => t.staircase_infora,
            Staircase::Introducera => t.staircase_introducera,
            Staircase::Initiera => t.staircase_initiera,
        }
    }

    pub fn explanation(self, lang: Lang) -> &'static str {
        let t = lang.t();
        match self {
            Staircase::Infora => t.staircase_infora_text,
            Staircase::Introducera => t.staircase_introducera_text,
            Staircase::Initiera => t.staircase_initiera_text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_round_trips_through_its_code() {
        for step in Staircase::ALL {
            assert_eq!(Staircase::parse(step.code()), Some(step));
        }
        assert_eq!(Staircase::parse("införa"), None);
    }
}
