//! What is planned: the agenda model, its RON format, its rules and the bundled agendas.

mod bundled;
mod defaults;
mod diagnostic;
mod error;
mod locate;
mod model;
mod parse;
mod people;
mod source;
mod validate;

pub use bundled::{BUNDLED, DEFAULT_AGENDA, TEMPLATE, WORKSHOP_TEMPLATE, WORKSHOP_TEMPLATE_NAME};
pub use diagnostic::{Rule, Syntax};
pub use error::{AgendaError, Place, Problem};
pub use model::{
    Agenda, Event, EventName, GroupSet, Language, QuestionKind, Scale, Segment, SegmentKind,
    SetGroup, Statement, Task, ThemeSplit, stem_opened_at,
};
pub use parse::{parse_agenda, syntax_of};
pub use people::{Role, Sector, SectorDef, Sectors};
pub use source::{
    Found, MAX_AGENDA_BYTES, Origin, agenda_id, bundled_name, bundled_source, find_agenda,
    load_agenda_file, load_bundled,
};
pub use validate::{MAX_GROUPS, MAX_OPTIONS, validate};
