//! The demand's UI text, in Swedish and English.

use super::Confidence;
use crate::i18n::Lang;

pub struct DemandStrings {
    pub demand_heading: &'static str,
    pub demand_none: &'static str,
    pub demand_summary_orgs: &'static str,
    pub demand_total: &'static str,
    pub demand_by_confidence: &'static str,
    pub demand_timeline: &'static str,
    pub chart_title: &'static str,
    pub download_demand: &'static str,
    pub declare_heading: &'static str,
    pub declare_lead: &'static str,
    pub quantity: &'static str,
    pub unit: &'static str,
    pub unit_hint: &'static str,
    pub value: &'static str,
    pub value_hint: &'static str,
    pub earliest: &'static str,
    pub confidence: &'static str,
    pub comment: &'static str,
    pub declare_button: &'static str,
    pub declared: &'static str,
    pub organisation: &'static str,
    pub total: &'static str,
    pub interests_heading: &'static str,
}

pub fn text(lang: Lang) -> &'static DemandStrings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// "Låg", "Medel", "Hög".
pub fn confidence_label(confidence: Confidence, lang: Lang) -> &'static str {
    let (sv, en) = match confidence {
        Confidence::Low => ("Låg", "Low"),
        Confidence::Medium => ("Medel", "Medium"),
        Confidence::High => ("Hög", "High"),
    };
    if lang == Lang::Sv {
        sv
    } else {
        en
    }
}

const SV: DemandStrings = DemandStrings {
    demand_heading: "Samlad efterfrågan",
    demand_none: "Ingen organisation har anmält intresse än.",
    demand_summary_orgs: "organisationer",
    demand_total: "Uppskattat värde totalt",
    demand_by_confidence: "Per säkerhet",
    demand_timeline: "Tidigaste start",
    chart_title: "Uppskattat värde per kvartal för tidigaste start",
    download_demand: "Ladda ner efterfrågan (CSV)",
    declare_heading: "Anmäl intresse",
    declare_lead:
        "Intresset är inte bindande. Varje organisation anmäler en gång och kan ändra sitt svar.",
    quantity: "Antal",
    unit: "Enhet",
    unit_hint: "Till exempel fordon, licenser eller portioner per år.",
    value: "Uppskattat värde (kronor)",
    value_hint: "Hela kronor, utan mellanslag.",
    earliest: "Tidigaste start",
    confidence: "Säkerhet",
    comment: "Kommentar",
    declare_button: "Anmäl intresse",
    declared: "Intresset är sparat.",
    organisation: "Organisation",
    total: "Totalt",
    interests_heading: "Anmält intresse",
};

const EN: DemandStrings = DemandStrings {
    demand_heading: "Aggregated demand",
    demand_none: "No organisation has declared interest yet.",
    demand_summary_orgs: "organisations",
    demand_total: "Estimated total value",
    demand_by_confidence: "By confidence",
    demand_timeline: "Earliest start",
    chart_title: "Estimated value per quarter of earliest start",
    download_demand: "Download the demand (CSV)",
    declare_heading: "Declare interest",
    declare_lead:
        "The interest is not binding. Each organisation declares once and can change its answer.",
    quantity: "Quantity",
    unit: "Unit",
    unit_hint: "For example vehicles, licences or portions a year.",
    value: "Estimated value (SEK)",
    value_hint: "Whole kronor, without spaces.",
    earliest: "Earliest start",
    confidence: "Confidence",
    comment: "Comment",
    declare_button: "Declare interest",
    declared: "The interest is saved.",
    organisation: "Organisation",
    total: "Total",
    interests_heading: "Declared interest",
};
