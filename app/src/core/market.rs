//! The market half of the one guard: who may read a dialogue's public
//! part and what a person acting for a supplier may do in it. Networks are
//! the buyers' realm (`guard`); a supplier organisation is never in one,
//! so it reaches a dialogue only through this table. Hosts run the
//! dialogue through the network's guard, as before.

use super::ids::{AccountId, DialogueId, SupplierId};
use crate::{accounts::SessionUser, db::Db, error::AppError};

/// Who the person is towards one published dialogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarketAccess {
    Anonymous,
    /// Signed in, acting for no supplier organisation.
    SignedIn,
    /// Acting for a supplier that is not registered for the dialogue.
    Supplier,
    /// Acting for a supplier registered for the dialogue.
    Registered,
}

/// What one may want to do with a dialogue's public part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarketAction {
    /// Read the public page: anyone, once it is announced.
    ReadPublic,
    /// Register the supplier, so it receives everything told to suppliers.
    Register,
    /// Withdraw the registration.
    Withdraw,
    /// Say who comes to a meeting.
    Attend,
    /// Ask the hosts a question.
    Ask,
    /// See the meetings' web links, which go to registered suppliers only.
    SeeLinks,
    /// Write and submit a written answer (a draft too).
    AnswerInWriting,
    /// Read the supplier's own written answers and receipts.
    ReadOwnAnswers,
    /// Book, move or cancel the supplier's individual meeting.
    BookSlot,
}

/// What the table needs to know of the dialogue, as plain facts (the
/// dialogue's own types live in its room, above the core).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarketFacts {
    /// Announced or later: the public part exists.
    pub published: bool,
    /// Announced or open: registrations are taken.
    pub registrations_open: bool,
    /// Registrations are taken and the question deadline has not passed.
    pub questions_open: bool,
    /// Archived, or its network closed: nothing changes any more.
    pub frozen: bool,
    /// For a targeted selection of suppliers: only those invited know it.
    pub targeted: bool,
    /// The dialogue takes written answers from suppliers.
    pub takes_answers: bool,
    /// Its answer deadline has not passed.
    pub answers_open: bool,
    /// Slots for individual meetings are offered and their cut-off has
    /// not passed.
    pub bookings_open: bool,
}

impl MarketFacts {
    /// Written answers are taken now: the dialogue takes them, its deadline
    /// has not passed, it takes registrations and nothing is frozen.
    pub fn answers_taken(&self) -> bool {
        self.takes_answers && self.answers_open && self.registrations_open && !self.frozen
    }
}

/// Why a market action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarketRefusal {
    /// No public part: as if there were no dialogue.
    Unknown,
    SignIn,
    NotASupplier,
    NotRegistered,
    RegistrationClosed,
    QuestionsClosed,
    AnswersClosed,
    BookingsClosed,
}

impl MarketAccess {
    /// The table of who may do what with a published dialogue. `invited`
    /// says whether the supplier acted for (or, to read, any of the
    /// person's) is invited to a targeted dialogue.
    pub fn can(
        self,
        action: MarketAction,
        facts: MarketFacts,
        invited: bool,
    ) -> Result<(), MarketRefusal> {
        use MarketAccess::*;
        if !facts.published {
            return Err(MarketRefusal::Unknown);
        }
        if facts.targeted && !invited {
            return Err(match self {
                Anonymous => MarketRefusal::SignIn,
                _ => MarketRefusal::Unknown,
            });
        }
        if action == MarketAction::ReadPublic {
            return Ok(());
        }
        let about_answers = matches!(
            action,
            MarketAction::AnswerInWriting | MarketAction::ReadOwnAnswers
        );
        if about_answers && !facts.takes_answers {
            return Err(MarketRefusal::Unknown);
        }
        let needed = match action {
            MarketAction::ReadPublic | MarketAction::Register | MarketAction::ReadOwnAnswers => {
                Supplier
            }
            MarketAction::Withdraw
            | MarketAction::Attend
            | MarketAction::Ask
            | MarketAction::SeeLinks
            | MarketAction::AnswerInWriting
            | MarketAction::BookSlot => Registered,
        };
        if self < needed {
            return Err(match self {
                Anonymous => MarketRefusal::SignIn,
                SignedIn => MarketRefusal::NotASupplier,
                Supplier | Registered => MarketRefusal::NotRegistered,
            });
        }
        match action {
            // What was submitted stays the supplier's to read.
            MarketAction::SeeLinks | MarketAction::ReadOwnAnswers => Ok(()),
            MarketAction::AnswerInWriting if !facts.answers_taken() => {
                Err(MarketRefusal::AnswersClosed)
            }
            MarketAction::BookSlot
                if !facts.bookings_open || facts.frozen || !facts.registrations_open =>
            {
                Err(MarketRefusal::BookingsClosed)
            }
            _ if facts.frozen => Err(MarketRefusal::RegistrationClosed),
            // Leaving (and its mails) is always possible until the
            // record is frozen.
            MarketAction::Withdraw => Ok(()),
            _ if !facts.registrations_open => Err(MarketRefusal::RegistrationClosed),
            MarketAction::Ask if !facts.questions_open => Err(MarketRefusal::QuestionsClosed),
            _ => Ok(()),
        }
    }
}

impl From<MarketRefusal> for AppError {
    fn from(refusal: MarketRefusal) -> AppError {
        match refusal {
            MarketRefusal::Unknown => AppError::NotFound,
            MarketRefusal::SignIn => AppError::NotSignedIn,
            MarketRefusal::NotASupplier => AppError::NotASupplier,
            MarketRefusal::NotRegistered => AppError::Forbidden,
            MarketRefusal::RegistrationClosed => AppError::RegistrationClosed,
            MarketRefusal::QuestionsClosed => AppError::QuestionsClosed,
            MarketRefusal::AnswersClosed => AppError::AnswersClosed,
            MarketRefusal::BookingsClosed => AppError::BookingsClosed,
        }
    }
}

/// Who acts for a supplier, for the information log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SupplierActor {
    pub account_id: AccountId,
    pub supplier_id: SupplierId,
}

/// One supplier organisation the person acts for, and whether it is
/// registered for the dialogue asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActingSupplier {
    pub id: SupplierId,
    pub public_id: String,
    pub name: String,
    pub registered: bool,
    /// Invited to the dialogue (what counts when it is targeted).
    pub invited: bool,
}

#[derive(sqlx::FromRow)]
struct ActingRow {
    id: SupplierId,
    public_id: String,
    name: String,
    registered: i64,
    invited: i64,
}

crate::sql!(
    /// Only people who belong to a supplier now act for it: a removal
    /// counts from the next request.
    ACTING_SUPPLIERS = "SELECT s.id, s.public_id, s.name, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM dialogue_suppliers r WHERE r.dialogue_id = $2 \
             AND r.supplier_id = s.id AND r.withdrawn_at IS NULL) THEN 1 ELSE 0 END \
     AS BIGINT) AS registered, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM dialogue_invited_suppliers i WHERE i.dialogue_id = $2 \
             AND i.supplier_id = s.id) THEN 1 ELSE 0 END AS BIGINT) AS invited \
     FROM supplier_members m JOIN suppliers s ON s.id = m.supplier_id \
     WHERE m.account_id = $1 AND m.status = 'active' ORDER BY s.name, s.id"
);

/// The market guard of one dialogue for one person.
#[derive(Clone, Debug)]
pub struct MarketGuard {
    pub user: Option<SessionUser>,
    pub facts: MarketFacts,
    suppliers: Vec<ActingSupplier>,
}

impl MarketGuard {
    pub async fn of_dialogue(
        db: &Db,
        user: Option<&SessionUser>,
        dialogue: DialogueId,
        facts: MarketFacts,
    ) -> Result<MarketGuard, AppError> {
        let rows: Vec<ActingRow> = match user {
            Some(user) => {
                sqlx::query_as(ACTING_SUPPLIERS)
                    .bind(user.account_id)
                    .bind(dialogue)
                    .fetch_all(db.pool())
                    .await?
            }
            None => Vec::new(),
        };
        let suppliers = rows
            .into_iter()
            .map(|r| ActingSupplier {
                id: r.id,
                public_id: r.public_id,
                name: r.name,
                registered: r.registered == 1,
                invited: r.invited == 1,
            })
            .collect();
        Ok(MarketGuard {
            user: user.cloned(),
            facts,
            suppliers,
        })
    }

    /// What the person is when acting for `supplier` (or, with none
    /// named, for the best of theirs).
    pub fn access(&self, supplier: Option<&ActingSupplier>) -> MarketAccess {
        match (&self.user, supplier) {
            (None, _) => MarketAccess::Anonymous,
            (Some(_), Some(s)) if s.registered => MarketAccess::Registered,
            (Some(_), Some(_)) => MarketAccess::Supplier,
            (Some(_), None) => self
                .suppliers
                .iter()
                .map(|s| self.access(Some(s)))
                .max()
                .unwrap_or(MarketAccess::SignedIn),
        }
    }

    /// The table's answer for the person acting for `supplier` (or, with
    /// none named, for the best of theirs).
    fn check(
        &self,
        action: MarketAction,
        supplier: Option<&ActingSupplier>,
    ) -> Result<(), MarketRefusal> {
        let invited = match supplier {
            Some(s) => s.invited,
            None => self.suppliers.iter().any(|s| s.invited),
        };
        self.access(supplier).can(action, self.facts, invited)
    }

    pub fn can(&self, action: MarketAction) -> bool {
        match action {
            MarketAction::ReadPublic => self.check(action, None).is_ok(),
            _ => self
                .suppliers
                .iter()
                .any(|s| self.check(action, Some(s)).is_ok()),
        }
    }

    pub fn require(&self, action: MarketAction) -> Result<(), AppError> {
        Ok(self.check(action, None)?)
    }

    /// Who does `action`: the chosen supplier (its public id) if the
    /// person acts for it, else, with none chosen, the first that may.
    /// A supplier the person does not act for is refused (403) whatever
    /// else is true.
    pub fn actor_for(
        &self,
        action: MarketAction,
        chosen: Option<&str>,
    ) -> Result<SupplierActor, AppError> {
        let user = self.user.as_ref().ok_or(AppError::NotSignedIn)?;
        let supplier = match chosen.map(str::trim).filter(|c| !c.is_empty()) {
            Some(public_id) => Some(
                self.suppliers
                    .iter()
                    .find(|s| s.public_id == public_id)
                    .ok_or(AppError::Forbidden)?,
            ),
            None => self
                .suppliers
                .iter()
                .find(|s| self.check(action, Some(s)).is_ok()),
        };
        self.check(action, supplier)?;
        let supplier = supplier.ok_or(AppError::NotASupplier)?;
        Ok(SupplierActor {
            account_id: AccountId(user.account_id),
            supplier_id: supplier.id,
        })
    }

    /// The supplier an actor acts for, as the person's own.
    pub fn acting(&self, actor: SupplierActor) -> Result<&ActingSupplier, AppError> {
        self.suppliers
            .iter()
            .find(|s| s.id == actor.supplier_id)
            .ok_or(AppError::NotASupplier)
    }

    /// The person's suppliers for which `action` is allowed.
    pub fn suppliers_that_may(&self, action: MarketAction) -> Vec<SupplierId> {
        self.suppliers
            .iter()
            .filter(|s| self.check(action, Some(s)).is_ok())
            .map(|s| s.id)
            .collect()
    }

    /// The person's suppliers with whether each is registered here.
    pub fn suppliers(&self) -> &[ActingSupplier] {
        &self.suppliers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: MarketFacts = MarketFacts {
        published: true,
        registrations_open: true,
        questions_open: true,
        frozen: false,
        targeted: false,
        takes_answers: true,
        answers_open: true,
        bookings_open: true,
    };

    #[test]
    fn the_market_table() {
        use MarketAccess::*;
        use MarketAction::*;
        let all = [
            ReadPublic,
            Register,
            Withdraw,
            Attend,
            Ask,
            SeeLinks,
            AnswerInWriting,
            ReadOwnAnswers,
            BookSlot,
        ];
        for action in all {
            assert!(Registered.can(action, OPEN, false).is_ok(), "{action:?}");
        }
        assert_eq!(Anonymous.can(ReadPublic, OPEN, false), Ok(()));
        assert_eq!(
            Anonymous.can(Register, OPEN, false),
            Err(MarketRefusal::SignIn)
        );
        assert_eq!(
            SignedIn.can(Register, OPEN, false),
            Err(MarketRefusal::NotASupplier)
        );
        assert_eq!(Supplier.can(Register, OPEN, false), Ok(()));
        assert_eq!(Supplier.can(ReadOwnAnswers, OPEN, false), Ok(()));
        for action in [Withdraw, Attend, Ask, SeeLinks, AnswerInWriting, BookSlot] {
            assert_eq!(
                Supplier.can(action, OPEN, false),
                Err(MarketRefusal::NotRegistered)
            );
        }
    }

    #[test]
    fn a_targeted_dialogue_is_known_only_to_the_invited() {
        use MarketAccess::*;
        use MarketAction::*;
        let targeted = MarketFacts {
            targeted: true,
            ..OPEN
        };
        assert_eq!(
            Anonymous.can(ReadPublic, targeted, false),
            Err(MarketRefusal::SignIn)
        );
        for access in [SignedIn, Supplier, Registered] {
            for action in [ReadPublic, Register, Ask] {
                assert_eq!(
                    access.can(action, targeted, false),
                    Err(MarketRefusal::Unknown),
                    "{access:?} {action:?}"
                );
            }
        }
        assert_eq!(Supplier.can(ReadPublic, targeted, true), Ok(()));
        assert_eq!(Supplier.can(Register, targeted, true), Ok(()));
        assert_eq!(Registered.can(Ask, targeted, true), Ok(()));
    }

    #[test]
    fn nothing_is_public_before_the_announcement() {
        let planned = MarketFacts {
            published: false,
            ..OPEN
        };
        for access in [
            MarketAccess::Anonymous,
            MarketAccess::SignedIn,
            MarketAccess::Registered,
        ] {
            assert_eq!(
                access.can(MarketAction::ReadPublic, planned, true),
                Err(MarketRefusal::Unknown)
            );
        }
    }

    #[test]
    fn questions_close_at_their_deadline_and_a_frozen_dialogue_takes_nothing() {
        use MarketAction::*;
        let late = MarketFacts {
            questions_open: false,
            ..OPEN
        };
        assert_eq!(
            MarketAccess::Registered.can(Ask, late, false),
            Err(MarketRefusal::QuestionsClosed)
        );
        assert!(MarketAccess::Registered.can(Withdraw, late, false).is_ok());
        let frozen = MarketFacts {
            frozen: true,
            ..OPEN
        };
        for action in [Register, Withdraw, Attend, Ask] {
            assert_eq!(
                MarketAccess::Registered.can(action, frozen, false),
                Err(MarketRefusal::RegistrationClosed),
                "{action:?}"
            );
        }
        assert!(MarketAccess::Registered
            .can(SeeLinks, frozen, false)
            .is_ok());
        let over = MarketFacts {
            registrations_open: false,
            questions_open: false,
            ..OPEN
        };
        assert!(
            MarketAccess::Registered.can(Withdraw, over, false).is_ok(),
            "one can always leave"
        );
        for action in [Register, Attend, Ask] {
            assert_eq!(
                MarketAccess::Registered.can(action, over, false),
                Err(MarketRefusal::RegistrationClosed),
                "{action:?}"
            );
        }
        assert!(MarketAccess::Anonymous
            .can(ReadPublic, frozen, false)
            .is_ok());
    }

    #[test]
    fn written_answers_close_at_their_deadline_and_stay_readable_by_their_supplier() {
        use MarketAction::*;
        let none = MarketFacts {
            takes_answers: false,
            ..OPEN
        };
        for action in [AnswerInWriting, ReadOwnAnswers] {
            assert_eq!(
                MarketAccess::Registered.can(action, none, false),
                Err(MarketRefusal::Unknown),
                "{action:?}"
            );
        }
        let late = MarketFacts {
            answers_open: false,
            ..OPEN
        };
        let frozen = MarketFacts {
            frozen: true,
            ..OPEN
        };
        let over = MarketFacts {
            registrations_open: false,
            ..OPEN
        };
        for facts in [late, frozen, over] {
            assert_eq!(
                MarketAccess::Registered.can(AnswerInWriting, facts, false),
                Err(MarketRefusal::AnswersClosed),
                "{facts:?}"
            );
            assert_eq!(
                MarketAccess::Supplier.can(ReadOwnAnswers, facts, false),
                Ok(())
            );
        }
        assert_eq!(
            MarketAccess::SignedIn.can(ReadOwnAnswers, OPEN, false),
            Err(MarketRefusal::NotASupplier)
        );
        assert_eq!(
            MarketAccess::Anonymous.can(AnswerInWriting, OPEN, false),
            Err(MarketRefusal::SignIn)
        );
    }

    #[test]
    fn bookings_close_at_their_cutoff_and_with_the_dialogue() {
        use MarketAction::BookSlot;
        for facts in [
            MarketFacts {
                bookings_open: false,
                ..OPEN
            },
            MarketFacts {
                frozen: true,
                ..OPEN
            },
            MarketFacts {
                registrations_open: false,
                ..OPEN
            },
        ] {
            assert_eq!(
                MarketAccess::Registered.can(BookSlot, facts, false),
                Err(MarketRefusal::BookingsClosed),
                "{facts:?}"
            );
        }
        assert_eq!(
            MarketAccess::SignedIn.can(BookSlot, OPEN, false),
            Err(MarketRefusal::NotASupplier)
        );
        assert_eq!(
            MarketAccess::Anonymous.can(BookSlot, OPEN, false),
            Err(MarketRefusal::SignIn)
        );
    }
}
