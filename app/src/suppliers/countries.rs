//! The countries a supplier can come from: the EU's (whose suppliers are
//! identified by VAT number, with the prefix VIES uses) and others (by a
//! national identifier).

use crate::i18n::Lang;

#[derive(Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, as stored.
    pub code: &'static str,
    /// The prefix of its VAT numbers, for EU member states (Greece: EL).
    pub vat_prefix: Option<&'static str>,
    sv: &'static str,
    en: &'static str,
}

impl Country {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }

    pub fn find(code: &str) -> Option<&'static Country> {
        COUNTRIES.iter().find(|c| c.code == code.trim())
    }
}

const fn eu(code: &'static str, vat: &'static str, sv: &'static str, en: &'static str) -> Country {
    Country {
        code,
        vat_prefix: Some(vat),
        sv,
        en,
    }
}

const fn other(code: &'static str, sv: &'static str, en: &'static str) -> Country {
    Country {
        code,
        vat_prefix: None,
        sv,
        en,
    }
}

/// Sweden first, then the EU, then others, each by Swedish name.
pub static COUNTRIES: [Country; 44] = [
    eu("SE", "SE", "Sverige", "Sweden"),
    eu("BE", "BE", "Belgien", "Belgium"),
    eu("BG", "BG", "Bulgarien", "Bulgaria"),
    eu("CY", "CY", "Cypern", "Cyprus"),
    eu("DK", "DK", "Danmark", "Denmark"),
    eu("EE", "EE", "Estland", "Estonia"),
    eu("FI", "FI", "Finland", "Finland"),
    eu("FR", "FR", "Frankrike", "France"),
    eu("GR", "EL", "Grekland", "Greece"),
    eu("IE", "IE", "Irland", "Ireland"),
    eu("IT", "IT", "Italien", "Italy"),
    eu("HR", "HR", "Kroatien", "Croatia"),
    eu("LV", "LV", "Lettland", "Latvia"),
    eu("LT", "LT", "Litauen", "Lithuania"),
    eu("LU", "LU", "Luxemburg", "Luxembourg"),
    eu("MT", "MT", "Malta", "Malta"),
    eu("NL", "NL", "Nederländerna", "Netherlands"),
    eu("PL", "PL", "Polen", "Poland"),
    eu("PT", "PT", "Portugal", "Portugal"),
    eu("RO", "RO", "Rumänien", "Romania"),
    eu("SK", "SK", "Slovakien", "Slovakia"),
    eu("SI", "SI", "Slovenien", "Slovenia"),
    eu("ES", "ES", "Spanien", "Spain"),
    eu("CZ", "CZ", "Tjeckien", "Czechia"),
    eu("DE", "DE", "Tyskland", "Germany"),
    eu("HU", "HU", "Ungern", "Hungary"),
    eu("AT", "AT", "Österrike", "Austria"),
    other("AU", "Australien", "Australia"),
    other("CA", "Kanada", "Canada"),
    other("CN", "Kina", "China"),
    other("IN", "Indien", "India"),
    other("IS", "Island", "Iceland"),
    other("IL", "Israel", "Israel"),
    other("JP", "Japan", "Japan"),
    other("LI", "Liechtenstein", "Liechtenstein"),
    other("NO", "Norge", "Norway"),
    other("CH", "Schweiz", "Switzerland"),
    other("SG", "Singapore", "Singapore"),
    other("GB", "Storbritannien", "United Kingdom"),
    other("KR", "Sydkorea", "South Korea"),
    other("TR", "Turkiet", "Türkiye"),
    other("UA", "Ukraina", "Ukraine"),
    other("US", "USA", "United States"),
    other("ZZ", "Annat land", "Another country"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_eu_member_state_has_its_vat_prefix_and_codes_are_unique() {
        let eu: Vec<_> = COUNTRIES
            .iter()
            .filter(|c| c.vat_prefix.is_some())
            .collect();
        assert_eq!(eu.len(), 27);
        assert_eq!(Country::find("GR").and_then(|c| c.vat_prefix), Some("EL"));
        let mut codes: Vec<_> = COUNTRIES.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), COUNTRIES.len());
    }
}
