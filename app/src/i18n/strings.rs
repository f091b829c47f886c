/// Every piece of UI text, once per language (`sv.rs`, `en.rs`).
pub struct Strings {
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_start: &'static str,
    pub nav_accessibility: &'static str,
    pub switch_language: &'static str,
    pub footer_label: &'static str,
    pub footer_text: &'static str,

    pub start_title: &'static str,
    pub start_lead: &'static str,
    pub start_networks_heading: &'static str,
    pub start_networks_text: &'static str,
    pub start_needs_heading: &'static str,
    pub start_needs_text: &'static str,
    pub start_dialogue_heading: &'static str,
    pub start_dialogue_text: &'static str,
    pub start_rules_heading: &'static str,
    pub start_rules_text: &'static str,

    pub staircase_heading: &'static str,
    pub staircase_intro: &'static str,
    pub staircase_steps_label: &'static str,
    pub staircase_infora: &'static str,
    pub staircase_infora_text: &'static str,
    pub staircase_introducera: &'static str,
    pub staircase_introducera_text: &'static str,
    pub staircase_initiera: &'static str,
    pub staircase_initiera_text: &'static str,

    pub a11y_title: &'static str,
    /// The button that opens the main menu on narrow screens.
    pub a11y_menu: &'static str,

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub not_found_back: &'static str,

    pub optional: &'static str,
    pub error_summary_heading: &'static str,
    pub required: &'static str,
    pub error_title_prefix: &'static str,
    pub chars_count: &'static str,
    pub chars_over: &'static str,
    pub restored_heading: &'static str,
}
