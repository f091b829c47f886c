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
    pub goods: &'static str,
    pub works: &'static str,
    pub services: &'static str,
    pub cpv_codes: &'static str,
    pub cpv_codes_hint: &'static str,
    pub regions: &'static str,
    pub regions_hint: &'static str,
    pub horizon: &'static str,
    pub for_organisation: &'static str,
    pub save_draft: &'static str,
    pub share: &'static str,
    pub created_shared: &'static str,
    pub created_draft: &'static str,
    pub status: &'static str,
    pub owner: &'static str,
    pub network: &'static str,
    pub change_status: &'static str,
    pub new_status: &'static str,
    pub reason: &'static str,
    pub status_changed: &'static str,
    pub merge_heading: &'static str,
    pub merge_cancel: &'static str,
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
    pub cpv_all: &'static str,
    pub changed_by: &'static str,
    pub no_changes: &'static str,
    pub removed: &'static str,
    pub added: &'static str,
    pub no_needs: &'static str,
    pub no_needs_yet: &'static str,
    pub no_network: &'static str,
    pub find_network: &'static str,
    pub start_network: &'static str,
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
    pub organisation_one: &'static str,
    pub organisations_count: &'static str,
    pub posted: &'static str,
    /// "jan." … "dec." / "Jan" … "Dec".
    pub months: [&'static str; 12],
    /// "Delade behovet {title}": the network log's entries.
    pub audit_shared: &'static str,
    pub audit_status: &'static str,
    pub audit_merged: &'static str,
    /// Quotes around a title in running text.
    pub quote: (&'static str, &'static str),
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
    let amount = lang.number(value);
    match lang {
        Lang::Sv => format!("{amount}\u{a0}kr"),
        Lang::En => match amount.strip_prefix('-') {
            Some(amount) => format!("-SEK {amount}"),
            None => format!("SEK {amount}"),
        },
    }
}

/// "1 organisation", "2 organisationer".
pub fn organisations(n: i64, lang: Lang) -> String {
    let t = text(lang);
    let word = if n == 1 {
        t.organisation_one
    } else {
        t.organisations_count
    };
    format!("{} {word}", lang.number(n))
}

/// "3 dec. 2026" / "3 Dec 2026", in Stockholm.
pub fn short_date(utc_ms: i64, lang: Lang) -> String {
    let (date, _) = crate::time::stockholm_parts(utc_ms);
    let mut parts = date.split('-').map(|p| p.parse::<usize>().unwrap_or(0));
    let (year, month, day) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    );
    let month = text(lang)
        .months
        .get(month.wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{day} {month} {year}")
}

/// A title in quotes, as running text quotes it.
pub fn quoted(title: &str, lang: Lang) -> String {
    let (open, close) = text(lang).quote;
    format!("{open}{title}{close}")
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
    divisions_hint: "Öppna en grupp och välj de huvudgrupper behovet hör till, eller skriv in koder i fältet nedan.",
    goods: "Varor",
    works: "Byggentreprenader",
    services: "Tjänster",
    cpv_codes: "Fler CPV-koder",
    cpv_codes_hint: "Koder med åtta siffror, med eller utan kontrollsiffra, skilda med mellanslag eller kommatecken, till exempel 34144900-7.",
    regions: "Län",
    regions_hint: "Öppna en landsdel och välj de län behovet gäller.",
    horizon: "Tidigaste start för en upphandling",
    for_organisation: "För organisation",
    save_draft: "Spara som utkast",
    share: "Dela med nätverket",
    created_shared: "Behovet är sparat. Nätverket kan nu se det.",
    created_draft: "Utkastet är sparat. Bara din organisation kan se det.",
    status: "Status",
    owner: "Ägare",
    network: "Nätverk",
    change_status: "Ändra status",
    new_status: "Ny status",
    reason: "Motivering",
    status_changed: "Statusen är ändrad och loggad.",
    merge_heading: "Slå ihop med ett annat behov",
    merge_cancel: "Avbryt sammanslagningen",
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
    cpv_all: "CPV-koder",
    changed_by: "Ändrad av",
    no_changes: "Inga ändringar i texten.",
    removed: "Borttaget",
    added: "Tillagt",
    no_needs: "Inga behov matchar.",
    no_needs_yet: "Inga behov är upplagda än.",
    no_network: "Du är inte med i något nätverk än. Behov läggs upp i nätverk, så här finns inget att visa förrän din organisation är med i ett.",
    find_network: "Hitta ett nätverk att gå med i",
    start_network: "Starta ett nytt nätverk",
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
    organisation_one: "organisation",
    organisations_count: "organisationer",
    posted: "Upplagt",
    months: [
        "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ],
    audit_shared: "Delade behovet {title}",
    audit_status: "Ändrade status för behovet {title} från {from} till {to}",
    audit_merged: "Slog ihop behovet {from} med behovet {into}",
    quote: ("”", "”"),
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
    divisions_hint: "Open a group and choose the divisions the need belongs to, or type codes in the field below.",
    goods: "Supplies",
    works: "Works",
    services: "Services",
    cpv_codes: "More CPV codes",
    cpv_codes_hint: "Codes of eight digits, with or without the check digit, separated by spaces or commas, for example 34144900-7.",
    regions: "Counties",
    regions_hint: "Open a part of the country and choose the counties the need concerns.",
    horizon: "Earliest start of a procurement",
    for_organisation: "For organisation",
    save_draft: "Save as draft",
    share: "Share with the network",
    created_shared: "The need is saved. The network can now see it.",
    created_draft: "The draft is saved. Only your organisation can see it.",
    status: "Status",
    owner: "Owner",
    network: "Network",
    change_status: "Change status",
    new_status: "New status",
    reason: "Reason",
    status_changed: "The status is changed and logged.",
    merge_heading: "Merge into another need",
    merge_cancel: "Cancel the merge",
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
    cpv_all: "CPV codes",
    changed_by: "Changed by",
    no_changes: "No changes in the text.",
    removed: "Removed",
    added: "Added",
    no_needs: "No needs match.",
    no_needs_yet: "No needs have been posted yet.",
    no_network: "You are not in any network yet. Needs are posted in networks, so there is nothing to show until your organisation is in one.",
    find_network: "Find a network to join",
    start_network: "Start a new network",
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
    organisation_one: "organisation",
    organisations_count: "organisations",
    posted: "Posted",
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    audit_shared: "Shared the need {title}",
    audit_status: "Changed the status of the need {title} from {from} to {to}",
    audit_merged: "Merged the need {from} into the need {into}",
    quote: ("“", "”"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_are_counted_in_the_singular_and_plural() {
        assert_eq!(organisations(1, Lang::Sv), "1 organisation");
        assert_eq!(organisations(2, Lang::Sv), "2 organisationer");
        assert_eq!(organisations(0, Lang::En), "0 organisations");
    }

    #[test]
    fn kronor_are_grouped_by_thousands() {
        assert_eq!(kronor(1_234_567, Lang::Sv), "1\u{a0}234\u{a0}567\u{a0}kr");
        assert_eq!(kronor(999, Lang::En), "SEK 999");
        assert_eq!(kronor(1_000, Lang::En), "SEK 1,000");
    }
}
