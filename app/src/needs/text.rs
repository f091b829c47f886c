//! The need's UI text, in Swedish and English; the requirements and the
//! demand have tables of their own.

use super::NeedStatus;
use crate::i18n::Lang;

pub struct NeedStrings {
    pub needs_heading: &'static str,
    pub new_need: &'static str,
    pub new_need_lead: &'static str,
    pub title: &'static str,
    pub problem: &'static str,
    pub problem_hint: &'static str,
    pub effect: &'static str,
    pub effect_hint: &'static str,
    pub affected: &'static str,
    pub affected_hint: &'static str,
    pub staircase: &'static str,
    pub divisions: &'static str,
    pub divisions_hint: &'static str,
    pub cpv_codes: &'static str,
    pub cpv_codes_hint: &'static str,
    pub regions: &'static str,
    pub horizon: &'static str,
    pub for_organisation: &'static str,
    pub save_draft: &'static str,
    pub share: &'static str,
    pub created: &'static str,
    pub status: &'static str,
    pub owner: &'static str,
    pub network: &'static str,
    pub change_status: &'static str,
    pub new_status: &'static str,
    pub reason: &'static str,
    pub status_changed: &'static str,
    pub merge_heading: &'static str,
    pub merge_into: &'static str,
    pub merge_button: &'static str,
    pub merged: &'static str,
    pub merged_into: &'static str,
    pub edit_heading: &'static str,
    pub edit_button: &'static str,
    pub edited: &'static str,
    pub history_link: &'static str,
    pub history_heading: &'static str,
    pub version: &'static str,
    pub changed_by: &'static str,
    pub no_changes: &'static str,
    pub removed: &'static str,
    pub added: &'static str,
    pub no_needs: &'static str,
    pub filter_status: &'static str,
    pub all_statuses: &'static str,
    pub filter_staircase: &'static str,
    pub all_levels: &'static str,
    pub filter_division: &'static str,
    pub all_divisions: &'static str,
    pub filter_lan: &'static str,
    pub all_lan: &'static str,
    pub sort: &'static str,
    pub sort_newest: &'static str,
    pub sort_demand: &'static str,
    pub filter_button: &'static str,
    pub filters_label: &'static str,
    pub my_needs: &'static str,
    pub pages_label: &'static str,
    pub next_page: &'static str,
    pub first_page: &'static str,
    pub post_need_link: &'static str,
    pub no_posting_organisation: &'static str,
    pub organisations_count: &'static str,
    pub posted: &'static str,
}

pub fn text(lang: Lang) -> &'static NeedStrings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

pub fn status_label(status: NeedStatus, lang: Lang) -> &'static str {
    let (sv, en) = match status {
        NeedStatus::Draft => ("Utkast", "Draft"),
        NeedStatus::Shared => ("Delat", "Shared"),
        NeedStatus::InDialogue => ("I dialog", "In dialogue"),
        NeedStatus::Specified => ("Kravställt", "Specified"),
        NeedStatus::InProcurement => ("Upphandlas", "In procurement"),
        NeedStatus::Fulfilled => ("Uppfyllt", "Fulfilled"),
        NeedStatus::Withdrawn => ("Tillbakadraget", "Withdrawn"),
    };
    if lang == Lang::Sv {
        sv
    } else {
        en
    }
}

/// "1 234 567 kr" / "SEK 1,234,567".
pub fn kronor(value: i64, lang: Lang) -> String {
    let digits = value.abs().to_string();
    let separator = if lang == Lang::Sv { '\u{a0}' } else { ',' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    let sign = if value < 0 { "-" } else { "" };
    match lang {
        Lang::Sv => format!("{sign}{grouped}\u{a0}kr"),
        Lang::En => format!("{sign}SEK {grouped}"),
    }
}

const SV: NeedStrings = NeedStrings {
    needs_heading: "Behov",
    new_need: "Beskriv ett behov",
    new_need_lead: "Beskriv problemet och effekten ni vill nå – vad, inte hur. Ett utkast ser bara din organisation.",
    title: "Rubrik",
    problem: "Problem",
    problem_hint: "Vad fungerar inte i dag? Du kan använda Markdown.",
    effect: "Önskad effekt",
    effect_hint: "Vad ska vara annorlunda när behovet är mött?",
    affected: "Vilka berörs",
    affected_hint: "Till exempel elever, personal eller invånare.",
    staircase: "Nivå i innovationstrappan",
    divisions: "Huvudgrupper i CPV",
    divisions_hint: "Välj de huvudgrupper behovet hör till.",
    cpv_codes: "Fler CPV-koder (frivilligt)",
    cpv_codes_hint: "Hela koder med kontrollsiffra, skilda med mellanslag, till exempel 34144900-7.",
    regions: "Län",
    horizon: "Tidigaste start för en upphandling",
    for_organisation: "För organisation",
    save_draft: "Spara som utkast",
    share: "Dela med nätverket",
    created: "Behovet är sparat.",
    status: "Status",
    owner: "Ägare",
    network: "Nätverk",
    change_status: "Ändra status",
    new_status: "Ny status",
    reason: "Motivering",
    status_changed: "Statusen är ändrad och loggad.",
    merge_heading: "Slå ihop med ett annat behov",
    merge_into: "Behovet som detta slås ihop med",
    merge_button: "Slå ihop",
    merged: "Behoven är sammanslagna.",
    merged_into: "Det här behovet är sammanslaget med",
    edit_heading: "Ändra behovet",
    edit_button: "Spara ändringarna",
    edited: "Ändringarna är sparade som en ny version.",
    history_link: "Versionshistorik",
    history_heading: "Versionshistorik",
    version: "Version",
    changed_by: "Ändrad av",
    no_changes: "Inga ändringar i texten.",
    removed: "Borttaget",
    added: "Tillagt",
    no_needs: "Inga behov matchar.",
    filter_status: "Status",
    all_statuses: "Alla statusar",
    filter_staircase: "Nivå",
    all_levels: "Alla nivåer",
    filter_division: "Huvudgrupp",
    all_divisions: "Alla huvudgrupper",
    filter_lan: "Län",
    all_lan: "Alla län",
    sort: "Sortering",
    sort_newest: "Nyast först",
    sort_demand: "Mest efterfrågan först",
    filter_button: "Visa",
    filters_label: "Filtrera behov",
    my_needs: "Behov i mina nätverk",
    pages_label: "Fler behov",
    next_page: "Nästa sida",
    first_page: "Första sidan",
    post_need_link: "Beskriv ett nytt behov",
    no_posting_organisation: "Bara medlemsorganisationer (inte observatörer) kan lägga upp behov.",
    organisations_count: "organisationer",
    posted: "Upplagt",
};

const EN: NeedStrings = NeedStrings {
    needs_heading: "Needs",
    new_need: "Describe a need",
    new_need_lead: "Describe the problem and the effect you want – what, not how. Only your organisation sees a draft.",
    title: "Title",
    problem: "Problem",
    problem_hint: "What is not working today? You may use Markdown.",
    effect: "Desired effect",
    effect_hint: "What will be different when the need is met?",
    affected: "Who is affected",
    affected_hint: "For example pupils, staff or residents.",
    staircase: "Level on the innovation staircase",
    divisions: "CPV divisions",
    divisions_hint: "Choose the divisions the need belongs to.",
    cpv_codes: "More CPV codes (optional)",
    cpv_codes_hint: "Full codes with check digit, separated by spaces, for example 34144900-7.",
    regions: "Counties",
    horizon: "Earliest start of a procurement",
    for_organisation: "For organisation",
    save_draft: "Save as draft",
    share: "Share with the network",
    created: "The need is saved.",
    status: "Status",
    owner: "Owner",
    network: "Network",
    change_status: "Change status",
    new_status: "New status",
    reason: "Reason",
    status_changed: "The status is changed and logged.",
    merge_heading: "Merge into another need",
    merge_into: "The need this one is merged into",
    merge_button: "Merge",
    merged: "The needs are merged.",
    merged_into: "This need has been merged into",
    edit_heading: "Edit the need",
    edit_button: "Save the changes",
    edited: "The changes are saved as a new version.",
    history_link: "Version history",
    history_heading: "Version history",
    version: "Version",
    changed_by: "Changed by",
    no_changes: "No changes in the text.",
    removed: "Removed",
    added: "Added",
    no_needs: "No needs match.",
    filter_status: "Status",
    all_statuses: "All statuses",
    filter_staircase: "Level",
    all_levels: "All levels",
    filter_division: "Division",
    all_divisions: "All divisions",
    filter_lan: "County",
    all_lan: "All counties",
    sort: "Sort by",
    sort_newest: "Newest first",
    sort_demand: "Most demand first",
    filter_button: "Show",
    filters_label: "Filter needs",
    my_needs: "Needs in my networks",
    pages_label: "More needs",
    next_page: "Next page",
    first_page: "First page",
    post_need_link: "Describe a new need",
    no_posting_organisation: "Only member organisations (not observers) can post needs.",
    organisations_count: "organisations",
    posted: "Posted",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kronor_are_grouped_by_thousands() {
        assert_eq!(kronor(1_234_567, Lang::Sv), "1\u{a0}234\u{a0}567\u{a0}kr");
        assert_eq!(kronor(999, Lang::En), "SEK 999");
        assert_eq!(kronor(1_000, Lang::En), "SEK 1,000");
    }
}
