use super::Strings;

pub const STRINGS: Strings = Strings {
    site_name: "Samråd",
    site_tagline: "Buyer networks for public organisations",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_start: "Home",
    nav_accessibility: "Accessibility",
    switch_language: "På svenska",
    footer_label: "Footer",
    footer_text: "Samråd – for buyer networks, shared needs and market dialogues.",

    start_title: "Samråd – buyer networks for public organisations",
    start_lead: "Samråd helps municipalities, regions, government agencies and municipal \
        companies form buyer networks, describe shared needs, show the size of their \
        combined demand and hold market dialogues with suppliers before they procure.",
    start_networks_heading: "Buyer networks",
    start_networks_text: "A buyer network is a group of organisations working together on \
        needs, requirements and dialogues. It is not legally binding. A coordinator runs it, \
        and other organisations can ask to join or be invited.",
    start_needs_heading: "Needs",
    start_needs_text: "A need describes a problem and the effect you want – what, never how. \
        Members write functional requirements together and declare their interest with \
        volume and value, so the combined demand becomes visible.",
    start_dialogue_heading: "Market dialogue",
    start_dialogue_text: "In a market dialogue the network meets suppliers before the \
        procurement: a request for information, dialogue meetings, workshops or hearings. \
        Every supplier gets the same information, questions and answers are shared with all, \
        and every meeting is minuted.",
    start_rules_heading: "Equal treatment and public records",
    start_rules_text: "What is said in a dialogue may become a public record. Samråd keeps \
        who said what and when, so every member can register the record and show that \
        suppliers were treated equally.",

    staircase_heading: "The innovation staircase",
    staircase_intro: "How new is what you need? The innovation staircase has three steps. \
        Choose a step to read what it means.",
    staircase_steps_label: "Steps of the innovation staircase",
    staircase_infora: "Adopt (införa)",
    staircase_infora_text: "Buy what already exists, but set functional requirements that \
        leave room for new solutions (development-friendly procurement).",
    staircase_introducera: "Introduce (introducera)",
    staircase_introducera_text: "Be the first or a reference customer for new solutions and \
        prototypes not yet established on the market.",
    staircase_initiera: "Initiate (initiera)",
    staircase_initiera_text: "Start research and development when the market has no \
        solution, for example through an innovation partnership or pre-commercial \
        procurement.",

    a11y_title: "Accessibility statement",
    a11y_menu: "Menu",

    not_found_title: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the address \
        may be mistyped.",
    not_found_back: "Go to the home page",

    optional: "optional",
    error_summary_heading: "Something needs correcting",
    required: "required",
    error_title_prefix: "Error: ",
    chars_count: "{n} of at most {max} characters",
    chars_over: "{n} characters too many",
    restored_heading: "What you wrote is still here",
};
