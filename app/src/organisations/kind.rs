//! The kinds of organisation that buy through Samråd.

use super::text;
use serde::{Deserialize, Serialize};

/// The kinds of organisation that can buy through Samråd.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    Kommun,
    Region,
    StatligMyndighet,
    KommunaltBolag,
    AnnanUpphandlande,
}

impl OrgKind {
    pub const ALL: [OrgKind; 5] = [
        OrgKind::Kommun,
        OrgKind::Region,
        OrgKind::StatligMyndighet,
        OrgKind::KommunaltBolag,
        OrgKind::AnnanUpphandlande,
    ];

    /// The stable code stored in the database and sent by forms.
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Kommun => "kommun",
            OrgKind::Region => "region",
            OrgKind::StatligMyndighet => "statlig_myndighet",
            OrgKind::KommunaltBolag => "kommunalt_bolag",
            OrgKind::AnnanUpphandlande => "annan_upphandlande",
        }
    }

    pub fn parse(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let t = text::text(lang);
        match self {
            OrgKind::Kommun => t.kind_kommun,
            OrgKind::Region => t.kind_region,
            OrgKind::StatligMyndighet => t.kind_statlig_myndighet,
            OrgKind::KommunaltBolag => t.kind_kommunalt_bolag,
            OrgKind::AnnanUpphandlande => t.kind_annan_upphandlande,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.code()), Some(kind));
        }
        assert_eq!(OrgKind::parse("leverantor"), None);
    }

    #[test]
    fn kinds_have_a_label_in_each_language() {
        use crate::i18n::Lang;
        assert_eq!(OrgKind::Kommun.label(Lang::Sv), "Kommun");
        assert_eq!(OrgKind::Kommun.label(Lang::En), "Municipality");
    }
}
