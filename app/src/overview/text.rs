use crate::i18n::Lang;

pub struct OverviewStrings {
    pub title: &'static str,
}

pub fn text(lang: Lang) -> &'static OverviewStrings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: OverviewStrings = OverviewStrings { title: "Översikt" };
const EN: OverviewStrings = OverviewStrings { title: "Overview" };
