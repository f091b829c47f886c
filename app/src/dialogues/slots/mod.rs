//! Individual meetings (enskilda möten), offered equally to all: the hosts
//! publish slots of one length, with a place or a link, and every
//! registered supplier is told of them at the same moment (an entry in the
//! information log and a mail). A supplier books at most one slot and a
//! slot has at most one supplier; bookings are made, moved and cancelled
//! until the cut-off the hosts set. A held meeting gets minutes in the
//! record, like any other meeting.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use {
    super::{LINK_MAX, PLACE_MAX},
    crate::error::{AppError, Checker, FieldProblem},
};

/// Slots offered in one go.
pub const AT_ONCE_MAX: i64 = 20;
/// Slots one dialogue offers in all.
pub const SLOTS_MAX: i64 = 200;
/// A slot's length in minutes.
pub const MINUTES_MIN: i64 = 15;
pub const MINUTES_MAX: i64 = 240;
/// The pause between consecutive slots, in minutes.
pub const GAP_MAX: i64 = 120;
#[cfg(feature = "ssr")]
const MINUTE_MS: i64 = 60_000;

/// A slot as a supplier sees it: free or taken, never by whom (unless by
/// one of the person's own suppliers).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedSlot {
    pub public_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    /// Empty unless the person acts for a registered supplier.
    pub link: String,
    pub has_link: bool,
    pub free: bool,
    /// The public id of the person's supplier that holds it.
    pub held_by: Option<String>,
    /// Who comes, when the person's supplier holds it.
    pub attendees: String,
    /// Not yet begun: it may still be booked, moved to or from.
    pub ahead: bool,
}

/// The slots on a dialogue's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedSlots {
    pub slots: Vec<OfferedSlot>,
    /// Bookings are made, moved and cancelled until then.
    pub cutoff: i64,
    /// Bookings are taken now (before the cut-off, in a dialogue that
    /// takes registrations).
    pub open: bool,
    /// Closed because the cut-off has passed (not the dialogue's step).
    pub past_cutoff: bool,
}

/// A slot as the hosts see it, with who booked it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostSlot {
    pub public_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub link: String,
    /// The supplier's name; empty while free.
    pub supplier: String,
    pub attendees: String,
    pub booked_at: Option<i64>,
}

/// The individual meetings on the dialogue's page, for hosts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostSlots {
    pub slots: Vec<HostSlot>,
    pub cutoff: Option<i64>,
    /// The length every slot has, once the first are offered.
    pub minutes: Option<i64>,
    /// More slots may be offered: announced, taking registrations, not frozen.
    pub may_offer: bool,
}

/// A booked meeting whose time has come: it gets minutes in the record.
/// `supplier` is empty for those who may not know who took part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldMeeting {
    pub public_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub supplier: String,
}

/// What the hosts' form sends: the first slot's date and time, how many
/// follow each other, their length and the pause between, where, and the
/// cut-off for bookings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferForm {
    #[serde(default)]
    pub first_date: String,
    #[serde(default)]
    pub first_time: String,
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub gap: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub cutoff_date: String,
    #[serde(default)]
    pub cutoff_time: String,
}

/// Slots to offer, checked: each of one length (the length of those
/// offered before), none begun, the cut-off in the future and before the
/// first of them.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    slots: Vec<(i64, i64)>,
    place: String,
    link: String,
    cutoff: i64,
}

/// What the dialogue offers already, as an offer is checked against it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Offered {
    /// The length of the slots, in minutes.
    pub minutes: Option<i64>,
    pub count: i64,
    /// The start of the first slot not yet begun: one cut-off governs
    /// every slot, so it may not come after it.
    pub first_ahead: Option<i64>,
}

#[cfg(feature = "ssr")]
impl Offer {
    pub fn parse(form: &OfferForm, now_ms: i64, offered: Offered) -> Result<Offer, AppError> {
        let Offered {
            minutes,
            count: offered,
            first_ahead,
        } = offered;
        use crate::dialogues::plan::instant;
        let mut check = Checker::new();
        let room = (SLOTS_MAX - offered).clamp(0, AT_ONCE_MAX);
        let count = if room == 0 {
            check.refuse("count", FieldProblem::SlotsFull);
            None
        } else {
            check.number("count", &form.count, 1, room)
        };
        let length = check.number("minutes", &form.minutes, MINUTES_MIN, MINUTES_MAX);
        if let (Some(length), Some(fixed)) = (length, minutes) {
            if length != fixed {
                check.refuse("minutes", FieldProblem::SlotLengthFixed);
            }
        }
        let gap = if form.gap.trim().is_empty() {
            Some(0)
        } else {
            check.number("gap", &form.gap, 0, GAP_MAX)
        };
        let place = check.text("place", &form.place, false, PLACE_MAX);
        let link = check.web_address("link", &form.link, false, LINK_MAX);
        if place.is_empty() && link.is_empty() && !check.has_problem("link") {
            check.refuse("place", FieldProblem::PlaceOrLink);
        }
        let first = match instant(&form.first_date, &form.first_time) {
            Ok(at) if at <= now_ms => {
                check.refuse("first", FieldProblem::InThePast);
                None
            }
            Ok(at) => Some(at),
            Err(problem) => {
                check.refuse("first", problem);
                None
            }
        };
        let cutoff = match instant(&form.cutoff_date, &form.cutoff_time) {
            Ok(at) if at <= now_ms => {
                check.refuse("cutoff", FieldProblem::InThePast);
                None
            }
            Ok(at) if first.into_iter().chain(first_ahead).any(|first| at > first) => {
                check.refuse("cutoff", FieldProblem::CutoffAfterSlots);
                None
            }
            Ok(at) => Some(at),
            Err(problem) => {
                check.refuse("cutoff", problem);
                None
            }
        };
        check.finish_form(form)?;
        let (Some(count), Some(length), Some(gap), Some(first), Some(cutoff)) =
            (count, length, gap, first, cutoff)
        else {
            return Err(AppError::BadRequest);
        };
        let step = (length + gap) * MINUTE_MS;
        let slots = (0..count)
            .map(|i| {
                let starts = first + i * step;
                (starts, starts + length * MINUTE_MS)
            })
            .collect();
        Ok(Offer {
            slots,
            place,
            link,
            cutoff,
        })
    }

    /// (start, end) of each slot, in order.
    pub fn slots(&self) -> &[(i64, i64)] {
        &self.slots
    }
    pub fn place(&self) -> &str {
        &self.place
    }
    pub fn link(&self) -> &str {
        &self.link
    }
    pub fn cutoff(&self) -> i64 {
        self.cutoff
    }
}

/// What the booking form sends: for which supplier, which slot, who
/// comes; `intent` is `move` when the supplier already holds a slot and
/// takes this one instead.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookForm {
    #[serde(default)]
    pub supplier: String,
    #[serde(default)]
    pub slot: String,
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub intent: String,
}

/// A booking, checked.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    slot: String,
    attendees: String,
    moving: bool,
}

#[cfg(feature = "ssr")]
impl Booking {
    pub fn parse(form: &BookForm) -> Result<Booking, AppError> {
        use super::market::ATTENDEES_MAX;
        let mut check = Checker::new();
        let slot = form.slot.trim();
        if slot.is_empty() {
            check.refuse("slot", FieldProblem::Required);
        }
        let attendees = check.text("attendees", &form.attendees, true, ATTENDEES_MAX);
        check.finish_form(form)?;
        if slot.len() > 32 {
            return Err(AppError::NotFound);
        }
        Ok(Booking {
            slot: slot.to_string(),
            attendees,
            moving: form.intent.trim() == "move",
        })
    }

    pub fn slot(&self) -> &str {
        &self.slot
    }
    pub fn attendees(&self) -> &str {
        &self.attendees
    }
    /// The supplier gives up the slot it holds for this one.
    pub fn moving(&self) -> bool {
        self.moving
    }
}

/// What the cancellation form sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    pub supplier: String,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::time::parse_stockholm;

    fn form() -> OfferForm {
        OfferForm {
            first_date: "2027-03-10".into(),
            first_time: "09.00".into(),
            count: "4".into(),
            minutes: "45".into(),
            gap: "15".into(),
            place: "Stadshuset, rum 3".into(),
            link: String::new(),
            cutoff_date: "2027-03-08".into(),
            cutoff_time: "16:00".into(),
        }
    }

    fn now() -> i64 {
        parse_stockholm("2027-03-01", "12:00").unwrap()
    }

    fn length(minutes: i64) -> Offered {
        Offered {
            minutes: Some(minutes),
            count: 4,
            first_ahead: None,
        }
    }

    fn many(count: i64) -> Offered {
        Offered {
            count,
            ..Offered::default()
        }
    }

    #[test]
    fn an_offer_is_consecutive_slots_of_one_length_with_the_pause_between() {
        let offer = Offer::parse(&form(), now(), Offered::default()).unwrap();
        let at = |time: &str| parse_stockholm("2027-03-10", time).unwrap();
        assert_eq!(
            offer.slots(),
            &[
                (at("09:00"), at("09:45")),
                (at("10:00"), at("10:45")),
                (at("11:00"), at("11:45")),
                (at("12:00"), at("12:45")),
            ]
        );
        assert_eq!(
            offer.cutoff(),
            parse_stockholm("2027-03-08", "16:00").unwrap()
        );
        assert_eq!(offer.place(), "Stadshuset, rum 3");
    }

    #[test]
    fn every_slot_of_a_dialogue_has_the_length_of_the_first() {
        let err = Offer::parse(&form(), now(), length(30)).unwrap_err();
        assert_eq!(
            err.field_problem("minutes"),
            Some(FieldProblem::SlotLengthFixed)
        );
        assert_eq!(
            err.sent_value("minutes"),
            Some("45"),
            "what was typed stays"
        );
        assert!(Offer::parse(&form(), now(), length(45)).is_ok());
    }

    #[test]
    fn the_cutoff_lies_between_now_and_the_first_slot() {
        let late = OfferForm {
            cutoff_date: "2027-03-10".into(),
            cutoff_time: "09:30".into(),
            ..form()
        };
        let err = Offer::parse(&late, now(), Offered::default()).unwrap_err();
        assert_eq!(
            err.field_problem("cutoff"),
            Some(FieldProblem::CutoffAfterSlots)
        );
        // A later offer may not carry the one cut-off past a slot already
        // offered and still ahead.
        let earlier_slot = Offered {
            first_ahead: Some(parse_stockholm("2027-03-05", "09:00").unwrap()),
            ..length(45)
        };
        let err = Offer::parse(&form(), now(), earlier_slot).unwrap_err();
        assert_eq!(
            err.field_problem("cutoff"),
            Some(FieldProblem::CutoffAfterSlots)
        );
        let past = OfferForm {
            cutoff_date: "2027-02-01".into(),
            ..form()
        };
        let err = Offer::parse(&past, now(), Offered::default()).unwrap_err();
        assert_eq!(err.field_problem("cutoff"), Some(FieldProblem::InThePast));
        let blank = OfferForm {
            cutoff_time: String::new(),
            ..form()
        };
        let err = Offer::parse(&blank, now(), Offered::default()).unwrap_err();
        assert_eq!(err.field_problem("cutoff"), Some(FieldProblem::Required));
    }

    #[test]
    fn a_slot_needs_a_place_or_a_link_and_a_safe_link() {
        let nowhere = OfferForm {
            place: " ".into(),
            ..form()
        };
        let err = Offer::parse(&nowhere, now(), Offered::default()).unwrap_err();
        assert_eq!(err.field_problem("place"), Some(FieldProblem::PlaceOrLink));
        let online = OfferForm {
            place: String::new(),
            link: "https://mote.example.se/enskilt".into(),
            ..form()
        };
        assert!(Offer::parse(&online, now(), Offered::default()).is_ok());
        let script = OfferForm {
            link: "javascript:alert(1)".into(),
            ..form()
        };
        let err = Offer::parse(&script, now(), Offered::default()).unwrap_err();
        assert_eq!(err.field_problem("link"), Some(FieldProblem::InvalidUrl));
    }

    #[test]
    fn no_more_slots_than_a_dialogue_takes_and_none_begun() {
        let err = Offer::parse(&form(), now(), many(SLOTS_MAX - 2)).unwrap_err();
        assert_eq!(
            err.field_problem("count"),
            Some(FieldProblem::OutOfRange { min: 1, max: 2 })
        );
        let err = Offer::parse(&form(), now(), many(SLOTS_MAX)).unwrap_err();
        assert_eq!(err.field_problem("count"), Some(FieldProblem::SlotsFull));
        let begun = OfferForm {
            first_date: "2027-02-01".into(),
            cutoff_date: "2027-01-31".into(),
            ..form()
        };
        let err = Offer::parse(&begun, now(), Offered::default()).unwrap_err();
        assert_eq!(err.field_problem("first"), Some(FieldProblem::InThePast));
        for (count, minutes) in [("0", "45"), ("21", "45"), ("2", "10"), ("2", "241")] {
            let f = OfferForm {
                count: count.into(),
                minutes: minutes.into(),
                ..form()
            };
            assert!(
                Offer::parse(&f, now(), Offered::default()).is_err(),
                "{count} {minutes}"
            );
        }
    }

    #[test]
    fn a_booking_names_who_comes() {
        let err = Booking::parse(&BookForm {
            supplier: "s".into(),
            slot: "x".into(),
            attendees: " ".into(),
            intent: String::new(),
        })
        .unwrap_err();
        assert_eq!(err.field_problem("attendees"), Some(FieldProblem::Required));
        let err = Booking::parse(&BookForm {
            attendees: "Anna".into(),
            ..BookForm::default()
        })
        .unwrap_err();
        assert_eq!(err.field_problem("slot"), Some(FieldProblem::Required));
        let ok = Booking::parse(&BookForm {
            supplier: "s".into(),
            slot: "x".into(),
            attendees: "Anna, säljchef".into(),
            intent: "move".into(),
        })
        .unwrap();
        assert!(ok.moving());
        assert_eq!(ok.attendees(), "Anna, säljchef");
    }
}
