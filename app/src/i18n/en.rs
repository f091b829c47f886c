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
    a11y_intro: "Samråd should be usable by as many people as possible. This page describes \
        how the service meets the Swedish act on accessibility of digital public services, \
        known shortcomings, and how to report a problem to us.",
    a11y_status_heading: "How accessible is the service?",
    a11y_status_text: "The service is built to meet WCAG 2.1 level AA (EN 301 549). Every \
        page works with a keyboard and a screen reader, and with JavaScript turned off. \
        Every page is checked automatically with axe-core in our tests.",
    a11y_known_heading: "Known shortcomings",
    a11y_known_text: "We know of no shortcomings at the moment. Automated tests do not find \
        everything, so please tell us if you run into a problem.",
    a11y_report_heading: "Report a problem",
    a11y_report_text: "Do you have a problem with accessibility, or need content in another \
        format? Describe it here, and we will reply if you leave an email address.",
    a11y_field_description: "Describe the problem",
    a11y_field_description_hint: "What were you trying to do, and what happened?",
    a11y_field_page: "Which page is it about?",
    a11y_field_email: "Your email address",
    a11y_field_email_hint: "If you would like a reply.",
    a11y_submit: "Send the report",
    a11y_thanks: "Thank you! Your report has been received.",
    a11y_reports_title: "Accessibility reports",
    a11y_reports_lead:
        "What has been sent through the accessibility statement's form, newest first.",
    a11y_reports_none: "No reports have come in.",
    a11y_reports_for_admins: "This page is for Samråd's administrators.",
    a11y_report_contact: "Contact",
    a11y_report_anonymous: "no address given",
    a11y_supervision_heading: "Supervision",
    a11y_supervision_text: "The Agency for Digital Government (Digg) supervises the act on \
        accessibility of digital public services. If you are not satisfied with how we \
        handle your report, you can contact Digg.",
    a11y_made_heading: "How we tested the service",
    a11y_made_text: "We test every page automatically with axe-core in a real browser, with \
        and without JavaScript, and review keyboard navigation with every change.",

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
