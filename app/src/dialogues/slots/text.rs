//! The individual meetings' UI text and mail, in Swedish and English.

use crate::i18n::Lang;

pub struct SlotText {
    pub heading: &'static str,
    pub host_lead: &'static str,
    pub not_yet: &'static str,
    pub none_offered: &'static str,
    pub offer_heading: &'static str,
    pub offer_more: &'static str,
    pub date: &'static str,
    pub start: &'static str,
    pub count: &'static str,
    pub count_hint: &'static str,
    pub minutes: &'static str,
    pub minutes_hint: &'static str,
    pub minutes_fixed: &'static str,
    pub gap: &'static str,
    pub gap_hint: &'static str,
    pub place: &'static str,
    pub link: &'static str,
    pub where_hint: &'static str,
    pub cutoff: &'static str,
    pub cutoff_hint: &'static str,
    pub cutoff_date: &'static str,
    pub cutoff_time: &'static str,
    pub offer_button: &'static str,
    pub offered: &'static str,
    pub time: &'static str,
    pub where_: &'static str,
    pub supplier: &'static str,
    pub attendees: &'static str,
    pub attendees_hint: &'static str,
    pub booked_at: &'static str,
    pub free: &'static str,
    pub taken: &'static str,
    pub yours: &'static str,
    pub book_heading: &'static str,
    pub book_lead: &'static str,
    pub bookings_until: &'static str,
    pub closed: &'static str,
    pub dialogue_closed: &'static str,
    pub register_first: &'static str,
    pub book: &'static str,
    pub move_here: &'static str,
    pub cancel: &'static str,
    pub booked: &'static str,
    pub cancelled: &'static str,
    pub link_to_registered: &'static str,
    pub begun: &'static str,
    pub for_supplier: &'static str,
    pub mail_subject: &'static str,
    pub mail_intro: &'static str,
    pub told: &'static str,
    pub told_place: &'static str,
    pub told_link: &'static str,
    pub told_cutoff: &'static str,
    pub offered_log: &'static str,
    pub minutes_of: &'static str,
    pub minutes_with: &'static str,
}

pub fn text(lang: Lang) -> &'static SlotText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

static SV: SlotText = SlotText {
    heading: "Enskilda möten",
    host_lead: "Erbjud tider för enskilda möten med en leverantör i taget. Alla tider är lika långa, alla anmälda leverantörer får samma erbjudande samtidigt (det noteras i informationsloggen och skickas med e-post) och varje leverantör bokar högst en tid.",
    not_yet: "Tider kan erbjudas när dialogen är annonserad och tar emot anmälningar.",
    none_offered: "Inga tider erbjuds ännu.",
    offer_heading: "Erbjud tider",
    offer_more: "Erbjud fler tider",
    date: "Datum",
    start: "Första tiden",
    count: "Antal tider i följd",
    count_hint: "Högst 20 åt gången.",
    minutes: "Längd i minuter",
    minutes_hint: "Mellan 15 och 240 minuter.",
    minutes_fixed: "Alla tider i dialogen är {minutes} minuter.",
    gap: "Paus mellan tiderna i minuter",
    gap_hint: "Lämna tomt för ingen paus.",
    place: "Plats",
    link: "Länk till digitalt möte",
    where_hint: "Ange plats, länk eller båda. Länken visas bara för anmälda leverantörer.",
    cutoff: "Sista tid för att boka och ändra",
    cutoff_hint: "Samma för alla leverantörer, före den första tiden. Efter den kan ingen boka, flytta eller avboka.",
    cutoff_date: "Datum",
    cutoff_time: "Klockslag",
    offer_button: "Erbjud tiderna till alla anmälda leverantörer",
    offered: "Tiderna är publicerade. Alla anmälda leverantörer har fått samma besked.",
    time: "Tid",
    where_: "Var",
    supplier: "Leverantör",
    attendees: "Vem kommer",
    attendees_hint: "Namn och roll för dem som kommer, en per rad.",
    booked_at: "Bokad",
    free: "Ledig",
    taken: "Upptagen",
    yours: "Er tid",
    book_heading: "Boka ett enskilt möte",
    book_lead: "Värdarna erbjuder samma tider till alla anmälda leverantörer. Varje leverantör bokar en tid.",
    bookings_until: "Boka, flytta eller avboka senast",
    closed: "Tiden för att boka och ändra bokningar har gått ut.",
    dialogue_closed: "Dialogen tar inte emot bokningar nu. Bokade tider står kvar.",
    register_first: "Anmäl leverantören till dialogen för att boka en tid.",
    book: "Boka vald tid",
    move_here: "Spara ändringen",
    cancel: "Avboka",
    booked: "Bokningen är sparad.",
    cancelled: "Bokningen är avbokad. Tiden är ledig för andra.",
    link_to_registered: "(länk till anmälda leverantörer)",
    begun: "Mötet har börjat eller är över.",
    for_supplier: "För",
    mail_subject: "Tider för enskilda möten",
    mail_intro: "Värdarna erbjuder enskilda möten. Alla anmälda leverantörer får samma erbjudande samtidigt, och varje leverantör bokar en tid på dialogens sida.",
    told: "Tider för enskilda möten, {minutes} minuter vardera:",
    told_place: "Plats:",
    told_link: "Digitalt möte; länken finns på dialogens sida för anmälda leverantörer.",
    told_cutoff: "Boka, flytta eller avboka senast",
    offered_log: "Erbjöd {n} tider för enskilda möten",
    minutes_of: "Protokoll, enskilt möte",
    minutes_with: "med",
};

static EN: SlotText = SlotText {
    heading: "One-to-one meetings",
    host_lead: "Offer times for meetings with one supplier at a time. All times are equally long, every registered supplier gets the same offer at the same moment (it is noted in the information log and sent by email) and each supplier books one time at most.",
    not_yet: "Times can be offered once the dialogue is announced and takes registrations.",
    none_offered: "No times are offered yet.",
    offer_heading: "Offer times",
    offer_more: "Offer more times",
    date: "Date",
    start: "The first time",
    count: "Number of consecutive times",
    count_hint: "At most 20 at once.",
    minutes: "Length in minutes",
    minutes_hint: "Between 15 and 240 minutes.",
    minutes_fixed: "Every time in the dialogue is {minutes} minutes.",
    gap: "Pause between the times in minutes",
    gap_hint: "Leave empty for no pause.",
    place: "Place",
    link: "Link to an online meeting",
    where_hint: "Give a place, a link or both. The link is shown to registered suppliers only.",
    cutoff: "Book or change by",
    cutoff_hint: "The same for every supplier, before the first time. After it nobody can book, move or cancel.",
    cutoff_date: "Date",
    cutoff_time: "Time",
    offer_button: "Offer the times to every registered supplier",
    offered: "The times are published. Every registered supplier has been told the same.",
    time: "Time",
    where_: "Where",
    supplier: "Supplier",
    attendees: "Who comes",
    attendees_hint: "Name and role of those who come, one per line.",
    booked_at: "Booked",
    free: "Free",
    taken: "Taken",
    yours: "Your time",
    book_heading: "Book a one-to-one meeting",
    book_lead: "The hosts offer the same times to every registered supplier. Each supplier books one time.",
    bookings_until: "Book, move or cancel by",
    closed: "The time for booking and changing bookings has passed.",
    dialogue_closed: "The dialogue takes no bookings now. Booked times stay as they are.",
    register_first: "Register the supplier for the dialogue to book a time.",
    book: "Book the chosen time",
    move_here: "Save the change",
    cancel: "Cancel the booking",
    booked: "The booking is saved.",
    cancelled: "The booking is cancelled. The time is free for others.",
    link_to_registered: "(link for registered suppliers)",
    begun: "The meeting has begun or is over.",
    for_supplier: "For",
    mail_subject: "Times for one-to-one meetings",
    mail_intro: "The hosts offer one-to-one meetings. Every registered supplier gets the same offer at the same moment, and each supplier books one time on the dialogue's page.",
    told: "Times for one-to-one meetings, {minutes} minutes each:",
    told_place: "Place:",
    told_link: "Online meeting; the link is on the dialogue's page for registered suppliers.",
    told_cutoff: "Book, move or cancel by",
    offered_log: "Offered {n} times for one-to-one meetings",
    minutes_of: "Minutes, one-to-one meeting",
    minutes_with: "with",
};

/// How an offer reads in the audit log; `subject` is how many slots.
pub fn offered_log(subject: &str, lang: Lang) -> String {
    text(lang).offered_log.replace("{n}", subject)
}

/// What suppliers are told of an offer: the times, where, and the
/// cut-off. The link itself stays on the page, for registered suppliers.
#[cfg(feature = "ssr")]
pub fn told(offer: &super::Offer, lang: Lang) -> String {
    use crate::dialogues::text::{span, when};
    let t = text(lang);
    let minutes = offer
        .slots()
        .first()
        .map_or(0, |(s, e)| (e - s) / 60_000)
        .to_string();
    let mut lines = vec![t.told.replace("{minutes}", &minutes)];
    lines.extend(
        offer
            .slots()
            .iter()
            .map(|(s, e)| format!("- {}", span(*s, *e, lang))),
    );
    if !offer.place().is_empty() {
        lines.push(format!("{} {}", t.told_place, offer.place()));
    }
    if !offer.link().is_empty() {
        lines.push(t.told_link.to_string());
    }
    lines.push(format!("{} {}.", t.told_cutoff, when(offer.cutoff(), lang)));
    lines.join("\n")
}
