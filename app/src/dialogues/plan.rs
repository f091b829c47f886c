//! Planning a dialogue: the plan form (`DialogueForm`) checked.

use super::{
    store::OpenNeed, DialogueForm, DialogueFormat, CAPACITY_MAX, LINK_MAX, MEETINGS_MAX, PLACE_MAX,
    QUESTIONS_MAX, QUESTION_MAX, TEXT_MAX, TITLE_MAX,
};
use crate::{
    core::{ids::NeedId, Actor},
    cpv::CpvCode,
    error::{AppError, Checker, FieldProblem},
    regions::LanCode,
    time::{parse_stockholm, LocalTimeProblem},
};

/// A checked plan, hosted by the organisation the person chose.
#[derive(Clone, Debug)]
pub struct NewDialogue {
    host: Actor,
    title: String,
    purpose: String,
    format: DialogueFormat,
    cpv: CpvCode,
    lan: LanCode,
    estimated_value: Option<i64>,
    answer_deadline: i64,
    capacity: i64,
    needs: Vec<NeedId>,
    questions: Vec<String>,
    meetings: Vec<NewMeeting>,
}

/// A checked meeting: in the future, ending after it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMeeting {
    starts_at: i64,
    ends_at: i64,
    place: String,
    link: String,
    /// The meeting this row showed when the plan was corrected.
    existing: Option<String>,
}

impl NewDialogue {
    /// The plan, at `now_ms`: `host` is who acts for the chosen
    /// organisation (`None` when the person may not host for it), and
    /// `open_needs` those of the chosen needs the dialogue may cover.
    pub fn parse(
        form: &DialogueForm,
        now_ms: i64,
        host: Option<Actor>,
        open_needs: &[OpenNeed],
    ) -> Result<NewDialogue, AppError> {
        let mut check = Checker::new();
        if host.is_none() {
            check.refuse("organisation", FieldProblem::InvalidChoice);
        }
        let title = check.text("title", &form.title, true, TITLE_MAX);
        let purpose = check.text("purpose", &form.purpose, true, TEXT_MAX);
        let format = DialogueFormat::parse(&form.form);
        if format.is_none() {
            check.refuse("form", FieldProblem::InvalidChoice);
        }
        let needs = needs(&mut check, &form.needs, open_needs);
        let questions = questions(&mut check, &form.questions);
        let cpv = match crate::cpv::division(form.cpv.trim()) {
            Some(division) => CpvCode::parse(division.code).ok_or(FieldProblem::UnknownCpv),
            None => CpvCode::parse_written(&form.cpv),
        };
        let cpv = cpv.map_err(|problem| check.refuse("cpv", problem)).ok();
        let lan = LanCode::parse(&form.lan);
        if lan.is_none() {
            check.refuse("lan", FieldProblem::InvalidChoice);
        }
        let estimated_value = match form.estimated_value.trim() {
            "" => None,
            value => check.number("estimated_value", value, 0, crate::needs::VALUE_MAX),
        };
        let deadline = match instant(&form.deadline_date, &form.deadline_time) {
            Ok(at) if at < now_ms => Err(FieldProblem::InThePast),
            sent => sent,
        };
        let deadline = deadline.map_err(|p| check.refuse("deadline", p)).ok();
        let capacity = check.number("capacity", &form.capacity, 1, CAPACITY_MAX);
        let meetings = meetings(&mut check, form, now_ms);
        check.finish_form(form)?;
        let (Some(host), Some(format), Some(cpv), Some(lan), Some(answer_deadline), Some(capacity)) =
            (host, format, cpv, lan, deadline, capacity)
        else {
            return Err(AppError::BadRequest);
        };
        Ok(NewDialogue {
            host,
            title,
            purpose,
            format,
            cpv,
            lan,
            estimated_value,
            answer_deadline,
            capacity,
            needs,
            questions,
            meetings,
        })
    }

    pub fn host(&self) -> Actor {
        self.host
    }
    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn purpose(&self) -> &str {
        &self.purpose
    }
    pub fn format(&self) -> DialogueFormat {
        self.format
    }
    pub fn cpv(&self) -> &CpvCode {
        &self.cpv
    }
    pub fn lan(&self) -> LanCode {
        self.lan
    }
    pub fn estimated_value(&self) -> Option<i64> {
        self.estimated_value
    }
    pub fn answer_deadline(&self) -> i64 {
        self.answer_deadline
    }
    pub fn capacity(&self) -> i64 {
        self.capacity
    }
    /// The needs covered, each once, in id order.
    pub fn needs(&self) -> &[NeedId] {
        &self.needs
    }
    /// In the order they are asked.
    pub fn questions(&self) -> &[String] {
        &self.questions
    }
    pub fn meetings(&self) -> &[NewMeeting] {
        &self.meetings
    }
}

impl NewMeeting {
    pub fn starts_at(&self) -> i64 {
        self.starts_at
    }
    pub fn ends_at(&self) -> i64 {
        self.ends_at
    }
    pub fn place(&self) -> &str {
        &self.place
    }
    pub fn link(&self) -> &str {
        &self.link
    }
    /// The public id of the meeting the row was filled in with, if any.
    pub fn existing(&self) -> Option<&str> {
        self.existing.as_deref()
    }
}

/// The chosen needs, each one the network's and open; every other choice
/// is refused.
fn needs(check: &mut Checker, chosen: &[String], open: &[OpenNeed]) -> Vec<NeedId> {
    if chosen.is_empty() {
        check.refuse("needs", FieldProblem::Required);
    }
    let mut ids = Vec::new();
    for public_id in chosen {
        match open.iter().find(|n| n.public_id == public_id.trim()) {
            Some(need) => ids.push(need.id),
            None => check.refuse("needs", FieldProblem::InvalidChoice),
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// One question a line, blank lines left out.
fn questions(check: &mut Checker, sent: &str) -> Vec<String> {
    let questions: Vec<String> = sent
        .lines()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_string)
        .collect();
    if questions.is_empty() {
        check.refuse("questions", FieldProblem::Required);
    } else if questions.len() > QUESTIONS_MAX {
        let max = QUESTIONS_MAX as u32;
        check.refuse("questions", FieldProblem::TooMany { max });
    } else if questions.iter().any(|q| q.chars().count() > QUESTION_MAX) {
        let max = QUESTION_MAX as u32;
        check.refuse("questions", FieldProblem::TooLong { max });
    }
    questions
}

/// The filled-in meeting rows (blank rows are skipped); at least one.
/// Each row gets one problem at most, the first found.
fn meetings(check: &mut Checker, form: &DialogueForm, now_ms: i64) -> Vec<NewMeeting> {
    fn cell(column: &[String], row: usize) -> &str {
        column.get(row).map_or("", String::as_str)
    }
    // The form has this many rows; more were not sent from it, and are
    // not read one by one (each would add its own error).
    if form.session_date.len() > MEETINGS_MAX {
        let max = MEETINGS_MAX as u32;
        check.refuse("session_1", FieldProblem::TooMany { max });
        return Vec::new();
    }
    let mut meetings = Vec::new();
    for (row, date) in form.session_date.iter().enumerate() {
        let (start, end) = (cell(&form.session_start, row), cell(&form.session_end, row));
        if [date.as_str(), start, end]
            .iter()
            .all(|v| v.trim().is_empty())
        {
            continue;
        }
        let place = cell(&form.session_place, row).trim().to_string();
        let mut link_check = Checker::new();
        let link = link_check.web_address("link", cell(&form.session_link, row), false, LINK_MAX);
        let link_problem = link_check
            .finish(&[])
            .err()
            .and_then(|e| e.field_problem("link"));
        let times = match (instant(date, start), instant(date, end)) {
            (Err(problem), _) | (_, Err(problem)) => Err(problem),
            (Ok(s), Ok(e)) if e <= s => Err(FieldProblem::EndsBeforeStart),
            (Ok(s), _) if s < now_ms => Err(FieldProblem::InThePast),
            (Ok(s), Ok(e)) if place.chars().count() <= PLACE_MAX => {
                link_problem.map_or(Ok((s, e)), Err)
            }
            _ => Err(FieldProblem::TooLong {
                max: PLACE_MAX as u32,
            }),
        };
        let existing = Some(cell(&form.session_id, row).trim()).filter(|id| !id.is_empty());
        let meeting = times.map(|(starts_at, ends_at)| NewMeeting {
            starts_at,
            ends_at,
            place,
            link,
            existing: existing.map(str::to_string),
        });
        match meeting {
            Ok(meeting) => meetings.push(meeting),
            Err(problem) => check.refuse(&format!("session_{}", row + 1), problem),
        }
    }
    if meetings.is_empty() && !check.has_problem("session_1") {
        check.refuse("session_1", FieldProblem::Required);
    }
    meetings
}

/// An instant from a date and a time field, in Stockholm time.
pub(crate) fn instant(date: &str, time: &str) -> Result<i64, FieldProblem> {
    parse_stockholm(date, time).map_err(|problem| match problem {
        _ if date.trim().is_empty() || time.trim().is_empty() => FieldProblem::Required,
        LocalTimeProblem::DateFormat => FieldProblem::DateFormat,
        LocalTimeProblem::TimeFormat => FieldProblem::TimeFormat,
        LocalTimeProblem::NoSuchDate => FieldProblem::NoSuchDate,
        LocalTimeProblem::NoSuchTime => FieldProblem::NoSuchTime,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{AccountId, OrganisationId};
    use FieldProblem::*;

    const HOST: Actor = Actor {
        account_id: AccountId(1),
        organisation_id: OrganisationId(2),
    };

    fn now() -> i64 {
        parse_stockholm("2030-01-01", "00:00").unwrap()
    }

    fn open() -> Vec<OpenNeed> {
        let need = |id, public_id: &str| OpenNeed {
            id: NeedId(id),
            public_id: public_id.into(),
        };
        vec![need(8, "elbussar"), need(7, "laddning")]
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    fn form() -> DialogueForm {
        DialogueForm {
            organisation: "org".into(),
            title: " Dialog om elbussar ".into(),
            purpose: "Vi vill höra marknaden.".into(),
            form: "dialogmote".into(),
            needs: strings(&["laddning", " elbussar", "laddning"]),
            questions: "Hur långt räcker en laddning?\n\n  Vilka depåkrav finns? ".into(),
            cpv: "34".into(),
            lan: "01".into(),
            estimated_value: "120 000 000".into(),
            deadline_date: "2030-04-30".into(),
            deadline_time: "23:59".into(),
            capacity: "5".into(),
            session_date: strings(&["2030-03-29", "", "2030-04-01"]),
            session_start: strings(&["10:00", "", "10:00"]),
            session_end: strings(&["12:00", "", "11:30"]),
            session_place: strings(&["Stadshuset", "", ""]),
            session_link: strings(&["", "", "https://mote.example.se/abc"]),
            session_id: strings(&["m1", "", ""]),
        }
    }

    fn parse(form: &DialogueForm) -> Result<NewDialogue, AppError> {
        NewDialogue::parse(form, now(), Some(HOST), &open())
    }

    /// The problem with `field` once `change` is made to a valid form.
    fn problem(change: impl FnOnce(&mut DialogueForm), field: &str) -> Option<FieldProblem> {
        let mut sent = form();
        change(&mut sent);
        let err = parse(&sent).unwrap_err();
        assert_eq!(err.sent_value("title"), Some(sent.title.as_str()));
        assert_eq!(err.sent_values("session_date"), sent.session_date);
        err.field_problem(field)
    }

    #[test]
    fn a_valid_plan_is_accepted_trimmed_and_in_order() {
        let plan = parse(&form()).unwrap();
        assert_eq!(plan.host(), HOST);
        assert_eq!(plan.title(), "Dialog om elbussar");
        assert_eq!(plan.format(), DialogueFormat::Dialogmote);
        assert_eq!(plan.cpv().as_str(), "34000000-7");
        assert_eq!(plan.lan().as_str(), "01");
        assert_eq!(plan.estimated_value(), Some(120_000_000));
        assert_eq!(plan.capacity(), 5);
        assert_eq!(plan.needs(), [NeedId(7), NeedId(8)]);
        let questions = ["Hur långt räcker en laddning?", "Vilka depåkrav finns?"];
        assert_eq!(plan.questions(), questions);
        let meetings = plan.meetings();
        assert_eq!(meetings.len(), 2, "the blank row is skipped");
        assert_eq!(meetings[0].place(), "Stadshuset");
        assert_eq!(meetings[0].ends_at() - meetings[0].starts_at(), 7_200_000);
        assert_eq!(meetings[1].link(), "https://mote.example.se/abc");
        let no_value = DialogueForm {
            estimated_value: " ".into(),
            ..form()
        };
        assert_eq!(parse(&no_value).unwrap().estimated_value(), None);
    }

    #[test]
    fn each_refused_field_is_named_and_every_value_comes_back() {
        assert_eq!(problem(|f| f.title = " ".into(), "title"), Some(Required));
        assert_eq!(problem(|f| f.purpose.clear(), "purpose"), Some(Required));
        assert_eq!(
            problem(|f| f.form = "möte".into(), "form"),
            Some(InvalidChoice)
        );
        assert_eq!(problem(|f| f.needs.clear(), "needs"), Some(Required));
        let unknown = |f: &mut DialogueForm| f.needs.push("finnsinte".into());
        assert_eq!(problem(unknown, "needs"), Some(InvalidChoice));
        let blank = |f: &mut DialogueForm| f.questions = "\n \n".into();
        assert_eq!(problem(blank, "questions"), Some(Required));
        let long = |f: &mut DialogueForm| f.questions = "x".repeat(QUESTION_MAX + 1);
        let max = QUESTION_MAX as u32;
        assert_eq!(problem(long, "questions"), Some(TooLong { max }));
        assert_eq!(
            problem(|f| f.cpv = "34144900-8".into(), "cpv"),
            Some(CpvCheckDigit)
        );
        assert_eq!(problem(|f| f.cpv.clear(), "cpv"), Some(Required));
        assert_eq!(problem(|f| f.lan = "99".into(), "lan"), Some(InvalidChoice));
        let words = |f: &mut DialogueForm| f.estimated_value = "mycket".into();
        assert_eq!(problem(words, "estimated_value"), Some(NotAWholeNumber));
        let month = |f: &mut DialogueForm| f.deadline_date = "2030-13-01".into();
        assert_eq!(problem(month, "deadline"), Some(NoSuchDate));
        let past = |f: &mut DialogueForm| f.deadline_date = "2029-12-31".into();
        assert_eq!(problem(past, "deadline"), Some(InThePast));
        let max = CAPACITY_MAX;
        assert_eq!(
            problem(|f| f.capacity = "0".into(), "capacity"),
            Some(OutOfRange { min: 1, max })
        );
        let err = NewDialogue::parse(&form(), now(), None, &open()).unwrap_err();
        assert_eq!(err.field_problem("organisation"), Some(InvalidChoice));
        assert_eq!(err.sent_value("organisation"), Some("org"));
    }

    #[test]
    fn meeting_rows_are_named_by_their_number() {
        let link = |f: &mut DialogueForm| f.session_link[2] = "javascript:alert(1)".into();
        assert_eq!(problem(link, "session_3"), Some(InvalidUrl));
        assert_eq!(problem(link, "session_1"), None);
        let half = |f: &mut DialogueForm| f.session_start[1] = "10:00".into();
        assert_eq!(
            problem(half, "session_2"),
            Some(Required),
            "a half-filled row"
        );
        let place = |f: &mut DialogueForm| f.session_place[0] = "x".repeat(PLACE_MAX + 1);
        let max = PLACE_MAX as u32;
        assert_eq!(problem(place, "session_1"), Some(TooLong { max }));
        let none = |f: &mut DialogueForm| {
            f.session_date = strings(&["", ""]);
            f.session_start = strings(&["", ""]);
            f.session_end.clear();
        };
        assert_eq!(problem(none, "session_1"), Some(Required));
    }

    #[test]
    fn more_meetings_or_questions_than_the_form_takes_are_refused() {
        let rows = |n: usize| {
            move |f: &mut DialogueForm| {
                f.session_date = vec!["2030-03-29".into(); n];
                f.session_start = vec!["10:00".into(); n];
                f.session_end = vec!["12:00".into(); n];
                f.session_place = vec!["Stadshuset".into(); n];
                f.session_link = vec![String::new(); n];
                f.session_id = vec![String::new(); n];
            }
        };
        let mut full = form();
        rows(MEETINGS_MAX)(&mut full);
        assert!(
            parse(&full).is_ok(),
            "as many meetings as the form has rows"
        );
        let max = MEETINGS_MAX as u32;
        assert_eq!(
            problem(rows(MEETINGS_MAX + 1), "session_1"),
            Some(TooMany { max })
        );
        let lines = |n: usize| move |f: &mut DialogueForm| f.questions = "Hur?\n".repeat(n);
        let mut full = form();
        lines(QUESTIONS_MAX)(&mut full);
        assert!(
            parse(&full).is_ok(),
            "as many questions as a dialogue takes"
        );
        let max = QUESTIONS_MAX as u32;
        assert_eq!(
            problem(lines(QUESTIONS_MAX + 1), "questions"),
            Some(TooMany { max })
        );
    }

    #[test]
    fn times_and_links_as_swedes_write_them_and_one_problem_a_row() {
        let mut sent = form();
        (sent.session_start[0], sent.session_end[0]) = ("9".into(), "12.00".into());
        sent.session_link[0] = "www.enkoping.se/mote".into();
        let plan = parse(&sent).unwrap();
        let first = &plan.meetings()[0];
        assert_eq!(first.ends_at() - first.starts_at(), 3 * 3_600_000);
        assert_eq!(first.link(), "https://www.enkoping.se/mote");
        assert_eq!(first.existing(), Some("m1"));
        assert_eq!(plan.meetings()[1].existing(), None);
        sent.session_date[0] = "2030-02-30".into();
        sent.session_link[0] = "inte en adress".into();
        let AppError::Validation { fields, .. } = parse(&sent).unwrap_err() else {
            panic!("a refused form")
        };
        let row: Vec<_> = fields.iter().filter(|f| f.field == "session_1").collect();
        assert_eq!(row.len(), 1, "{fields:?}");
        assert_eq!(row[0].problem, NoSuchDate);
    }

    #[test]
    fn a_meeting_is_in_the_future_ends_after_it_starts_and_exists_on_the_clock() {
        let row = |date: &str, start: &str, end: &str| {
            let (date, start, end) = (strings(&[date]), strings(&[start]), strings(&[end]));
            move |f: &mut DialogueForm| {
                (f.session_date, f.session_start, f.session_end) = (date, start, end);
            }
        };
        let cases = [
            (row("2029-12-31", "10:00", "12:00"), InThePast),
            (row("2030-03-29", "10:00", "09:00"), EndsBeforeStart),
            (row("2030-03-29", "10:00", "10:00"), EndsBeforeStart),
            // 2030-03-31 is the last Sunday of March: 02:00–02:59 is skipped.
            (row("2030-03-31", "02:30", "04:00"), NoSuchTime),
            (row("2030-02-30", "10:00", "11:00"), NoSuchDate),
        ];
        for (change, expected) in cases {
            assert_eq!(problem(change, "session_1"), Some(expected));
        }
        let mut sent = form();
        row("2030-03-31", "03:00", "04:00")(&mut sent);
        assert_eq!(parse(&sent).unwrap().meetings().len(), 1);
    }
}
