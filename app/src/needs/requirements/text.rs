//! The requirements' UI text, in Swedish and English.

use crate::i18n::Lang;

pub struct RequirementStrings {
    pub requirements_heading: &'static str,
    pub requirements_none: &'static str,
    pub requirement: &'static str,
    pub requirement_text: &'static str,
    pub requirement_text_hint: &'static str,
    pub motive: &'static str,
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
    pub save_requirement: &'static str,
    pub requirement_saved: &'static str,
    pub requirement_accepted: &'static str,
    pub requirements_history: &'static str,
    pub proposed_by: &'static str,
}

pub fn text(lang: Lang) -> &'static RequirementStrings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: RequirementStrings = RequirementStrings {
    requirements_heading: "Funktionskrav",
    requirements_none: "Inga krav är föreslagna än.",
    requirement: "Krav",
    requirement_text: "Kravet",
    requirement_text_hint: "Beskriv vad lösningen ska klara, inte hur.",
    motive: "Motiv",
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
    save_requirement: "Spara kravet",
    requirement_saved: "Kravet är sparat.",
    requirement_accepted: "Kravet är accepterat.",
    requirements_history: "Funktionskravens historik",
    proposed_by: "Föreslaget av",
};

const EN: RequirementStrings = RequirementStrings {
    requirements_heading: "Functional requirements",
    requirements_none: "No requirements have been proposed yet.",
    requirement: "Requirement",
    requirement_text: "The requirement",
    requirement_text_hint: "Describe what the solution must do, not how.",
    motive: "Motive",
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
    save_requirement: "Save the requirement",
    requirement_saved: "The requirement is saved.",
    requirement_accepted: "The requirement is accepted.",
    requirements_history: "History of the requirements",
    proposed_by: "Proposed by",
};
