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
    pub demand_by_unit: &'static str,
    pub chart_title: &'static str,
    pub chart_axis: &'static str,
    pub download_demand: &'static str,
    pub declare_heading: &'static str,
    pub declare_lead: &'static str,
    pub declare_open: &'static str,
    pub your_answer: &'static str,
    pub change_answer: &'static str,
    pub save_answer: &'static str,
    pub quantity: &'static str,
    pub quantity_total: &'static str,
    pub unit: &'static str,
    pub unit_hint: &'static str,
    pub value: &'static str,
    pub value_hint: &'static str,
    pub earliest: &'static str,
    pub confidence: &'static str,
    pub confidence_hint: &'static str,
    pub confidence_column: &'static str,
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

/// What each level of certainty means, for the form.
pub fn confidence_explanation(confidence: Confidence, lang: Lang) -> &'static str {
    let (sv, en) = match confidence {
        Confidence::Low => ("en första grov bedömning", "a first rough guess"),
        Confidence::Medium => (
            "bygger på planer eller tidigare inköp",
            "based on plans or earlier purchases",
        ),
        Confidence::High => (
            "förankrad i budget eller beslut",
            "backed by a budget or a decision",
        ),
    };
    if lang == Lang::Sv {
        sv
    } else {
        en
    }
}

/// A value short enough for the chart: "2,5 mnkr", "20 tkr" / "SEK 2.5m".
pub fn compact_kronor(value: i64, lang: Lang) -> String {
    let (scaled, sv_unit, en_unit) = match value {
        v if v >= 1_000_000 => (v as f64 / 1_000_000.0, "mnkr", "m"),
        v if v >= 1_000 => (v as f64 / 1_000.0, "tkr", "k"),
        v => (v as f64, "kr", ""),
    };
    let rounded = (scaled * 10.0).round() / 10.0;
    let number = if rounded.fract() == 0.0 {
        lang.number(rounded as i64)
    } else {
        let written = format!("{rounded:.1}");
        match lang {
            Lang::Sv => written.replace('.', ","),
            Lang::En => written,
        }
    };
    match lang {
        Lang::Sv => format!("{number}\u{a0}{sv_unit}"),
        Lang::En => format!("SEK\u{a0}{number}{en_unit}"),
    }
}

const SV: DemandStrings = DemandStrings {
    demand_heading: "Samlad efterfrågan",
    demand_none: "Ingen organisation har anmält intresse än.",
    demand_summary_orgs: "Organisationer",
    demand_total: "Uppskattat värde totalt",
    demand_by_confidence: "Efter hur säker uppskattningen är",
    demand_timeline: "Tidigaste start",
    demand_by_unit: "Volym per enhet",
    chart_title: "Uppskattat värde per kvartal för tidigaste start",
    chart_axis: "Uppskattat värde",
    download_demand: "Ladda ner efterfrågan (CSV)",
    declare_heading: "Anmäl intresse",
    declare_lead:
        "Intresset är inte bindande. Varje organisation anmäler en gång och kan ändra sitt svar.",
    declare_open: "Anmäl er organisations intresse",
    your_answer: "Ert svar",
    change_answer: "Ändra svaret",
    save_answer: "Spara svaret",
    quantity: "Antal",
    quantity_total: "Antal totalt",
    unit: "Enhet",
    unit_hint: "Till exempel fordon, licenser eller portioner per år.",
    value: "Uppskattat värde (kronor)",
    value_hint: "Hela kronor, till exempel 2 500 000.",
    earliest: "Tidigaste start",
    confidence: "Hur säker är uppskattningen?",
    confidence_hint: "Välj det som bäst beskriver underlaget för siffrorna.",
    confidence_column: "Hur säker",
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
    demand_summary_orgs: "Organisations",
    demand_total: "Estimated total value",
    demand_by_confidence: "By how certain the estimate is",
    demand_timeline: "Earliest start",
    demand_by_unit: "Volume per unit",
    chart_title: "Estimated value per quarter of earliest start",
    chart_axis: "Estimated value",
    download_demand: "Download the demand (CSV)",
    declare_heading: "Declare interest",
    declare_lead:
        "The interest is not binding. Each organisation declares once and can change its answer.",
    declare_open: "Declare your organisation's interest",
    your_answer: "Your answer",
    change_answer: "Change the answer",
    save_answer: "Save the answer",
    quantity: "Quantity",
    quantity_total: "Total quantity",
    unit: "Unit",
    unit_hint: "For example vehicles, licences or portions a year.",
    value: "Estimated value (SEK)",
    value_hint: "Whole kronor, for example 2500000 or 2 500 000.",
    earliest: "Earliest start",
    confidence: "How certain is the estimate?",
    confidence_hint: "Choose what best describes what the figures rest on.",
    confidence_column: "How certain",
    comment: "Comment",
    declare_button: "Declare interest",
    declared: "The interest is saved.",
    organisation: "Organisation",
    total: "Total",
    interests_heading: "Declared interest",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_values_are_short() {
        assert_eq!(compact_kronor(50_000_000, Lang::Sv), "50\u{a0}mnkr");
        assert_eq!(compact_kronor(2_500_000, Lang::Sv), "2,5\u{a0}mnkr");
        assert_eq!(compact_kronor(20_000, Lang::En), "SEK\u{a0}20k");
        assert_eq!(compact_kronor(999, Lang::Sv), "999\u{a0}kr");
    }
}
