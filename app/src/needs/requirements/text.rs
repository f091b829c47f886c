//! The requirements' UI text, in Swedish and English.

use super::Level;
use crate::i18n::Lang;

pub struct RequirementStrings {
    pub requirements_heading: &'static str,
    pub requirements_none: &'static str,
    pub requirement: &'static str,
    pub requirement_text: &'static str,
    pub requirement_text_hint: &'static str,
    pub motive: &'static str,
    pub motive_hint: &'static str,
    pub verification: &'static str,
    pub level: &'static str,
    pub level_must: &'static str,
    pub level_should: &'static str,
    pub propose_heading: &'static str,
    pub propose_button: &'static str,
    pub proposed: &'static str,
    pub accepted: &'static str,
    pub accept_button: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub edit_requirement: &'static str,
    pub cancel_edit: &'static str,
    pub save_requirement: &'static str,
    pub requirement_proposed: &'static str,
    pub requirement_edited: &'static str,
    pub requirement_accepted: &'static str,
    pub requirements_history: &'static str,
    pub proposed_by: &'static str,
    pub edited_by: &'static str,
}

pub fn text(lang: Lang) -> &'static RequirementStrings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// "Ska (obligatoriskt)" / "Bör (önskvärt)": the level as a list shows it.
pub fn level_label(level: Level, lang: Lang) -> &'static str {
    let t = text(lang);
    match level {
        Level::Must => t.level_must,
        Level::Should => t.level_should,
    }
}

/// "Ska" / "Bör": the level as one word, for the history.
pub fn level_word(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Must, Lang::Sv) => "Ska",
        (Level::Should, Lang::Sv) => "Bör",
        (Level::Must, Lang::En) => "Must",
        (Level::Should, Lang::En) => "Should",
    }
}

const SV: RequirementStrings = RequirementStrings {
    requirements_heading: "Funktionskrav",
    requirements_none: "Inga krav är föreslagna än.",
    requirement: "Krav",
    requirement_text: "Kravet",
    requirement_text_hint: "Beskriv vad lösningen ska klara, inte hur.",
    motive: "Motivering",
    motive_hint: "Varför behövs kravet?",
    verification: "Hur kravet verifieras",
    level: "Ska eller bör",
    level_must: "Ska (obligatoriskt)",
    level_should: "Bör (önskvärt)",
    propose_heading: "Föreslå ett krav",
    propose_button: "Föreslå kravet",
    proposed: "Föreslaget",
    accepted: "Accepterat",
    accept_button: "Acceptera",
    move_up: "Flytta upp",
    move_down: "Flytta ned",
    edit_requirement: "Ändra kravet",
    cancel_edit: "Avbryt ändringen",
    save_requirement: "Spara kravet",
    requirement_proposed: "Kravet är föreslaget. Behovets ägare kan nu acceptera det.",
    requirement_edited: "Kravet är ändrat. Ändringen behöver accepteras av behovets ägare.",
    requirement_accepted: "Kravet är accepterat.",
    requirements_history: "Funktionskravens historik",
    proposed_by: "Föreslaget av",
    edited_by: "ändrat av",
};

const EN: RequirementStrings = RequirementStrings {
    requirements_heading: "Functional requirements",
    requirements_none: "No requirements have been proposed yet.",
    requirement: "Requirement",
    requirement_text: "The requirement",
    requirement_text_hint: "Describe what the solution must do, not how.",
    motive: "Reason",
    motive_hint: "Why is the requirement needed?",
    verification: "How it is verified",
    level: "Must or should",
    level_must: "Must (mandatory)",
    level_should: "Should (desirable)",
    propose_heading: "Propose a requirement",
    propose_button: "Propose the requirement",
    proposed: "Proposed",
    accepted: "Accepted",
    accept_button: "Accept",
    move_up: "Move up",
    move_down: "Move down",
    edit_requirement: "Edit the requirement",
    cancel_edit: "Cancel the edit",
    save_requirement: "Save the requirement",
    requirement_proposed: "The requirement is proposed. The need's owner can now accept it.",
    requirement_edited: "The requirement is changed. The need's owner needs to accept the change.",
    requirement_accepted: "The requirement is accepted.",
    requirements_history: "History of the requirements",
    proposed_by: "Proposed by",
    edited_by: "changed by",
};
