//! The agendas that ship inside the binary, so `samla` works from any folder.

/// The template `samla agendas new` starts from: every field shown, most optional.
pub const TEMPLATE: &str = include_str!("../../assets/agenda-template.ron");

/// The template of a development workshop (`--from workshop-mall`): a
/// current-state analysis with a matrix, priorities, an action plan with owners.
pub const WORKSHOP_TEMPLATE: &str = include_str!("../../assets/workshop-template.ron");

/// What `--from` names besides the bundled agendas.
pub const WORKSHOP_TEMPLATE_NAME: &str = "workshop-mall";

/// Id (the file stem in `agendas/`) and text of every bundled agenda.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "seminarium-1",
        include_str!("../../agendas/seminarium-1.ron"),
    ),
    (
        "seminarium-2",
        include_str!("../../agendas/seminarium-2.ron"),
    ),
    (
        "seminarium-3",
        include_str!("../../agendas/seminarium-3.ron"),
    ),
    (
        "erfarenhetsutbyte",
        include_str!("../../agendas/erfarenhetsutbyte.ron"),
    ),
    ("formote", include_str!("../../agendas/formote.ron")),
    ("eftermote", include_str!("../../agendas/eftermote.ron")),
    ("workshop-en", include_str!("../../agendas/workshop-en.ron")),
    (
        "nulagesanalys",
        include_str!("../../agendas/nulagesanalys.ron"),
    ),
    ("uppfoljning", include_str!("../../agendas/uppfoljning.ron")),
    ("dialogmote", include_str!("../../agendas/dialogmote.ron")),
    ("temadag", include_str!("../../agendas/temadag.ron")),
];

/// The agenda `samla` runs when none is named.
pub const DEFAULT_AGENDA: &str = "seminarium-1";

/// The text of the bundled agenda with this id.
pub fn bundled_text(id: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(bundled_id, _)| *bundled_id == id)
        .map(|(_, text)| *text)
}
