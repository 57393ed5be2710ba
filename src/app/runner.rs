//! Runs the effects `update` returns: saving (handed to the saver), exporting,
//! the bell, quitting. What came of an effect goes back to `update` as an action.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::action::{Action, Exported};
use super::effect::{Effect, Effects};
use super::export::{ExportRequest, deliver};
use super::room_host::RoomHost;
use super::state::AppState;
use crate::clipboard::Clipboard;
use crate::clock::local_offset;
use crate::export::{Composition, compose};
use crate::store::{Saver, SessionFile, VERSION, session_id};

/// What the effects of a burst of actions came to.
#[derive(Debug, Default)]
pub struct Ran {
    /// The screen is to end.
    pub quit: bool,
    /// Outcomes to hand back to `update`.
    pub outcomes: Vec<Action>,
}

/// Everything effects reach: the saver, the exports folder, the clipboard.
pub struct Runner<'a> {
    /// Writes snapshots off the keystroke path.
    pub saver: &'a Saver,
    /// The id of the agenda the session runs.
    pub agenda_id: &'a str,
    /// The folder summaries are written to.
    pub exports_dir: &'a Path,
    /// The clipboard, one handle for the screen's life.
    pub clipboard: Clipboard,
    /// The room's server, when the facilitator opens the room.
    pub room: RoomHost,
    /// A save was asked for in this burst and not handed over yet.
    pub save_due: bool,
    /// The number of the newest snapshot handed to the saver.
    pub handed: u64,
}

impl Runner<'_> {
    /// Runs `effects` of `state` at `now`; `terminal` is where the screen is
    /// drawn (the bell and OSC 52 go there, between frames).
    pub fn run(
        &mut self,
        effects: &Effects,
        state: &AppState,
        terminal: &mut dyn Write,
        now: DateTime<Utc>,
    ) -> Ran {
        let mut ran = Ran::default();
        for effect in effects.iter() {
            match effect {
                // Handed over once per burst: a hundred posts from the room
                // in one wake-up are one copy of the session, not a hundred.
                Effect::Save => self.save_due = true,
                Effect::Export(request) => {
                    ran.outcomes
                        .push(self.export(request, state, terminal, now));
                }
                Effect::Bell => {
                    let _ = terminal.write_all(b"\x07").and_then(|()| terminal.flush());
                }
                Effect::Quit => ran.quit = true,
                Effect::OpenRoom => ran
                    .outcomes
                    .push(Action::RoomOpened(self.room.open(state, now))),
                Effect::CloseRoom => {
                    // What the burst took so far is on its way to disk
                    // before the pages hear the room closed.
                    self.save_if_due(state, now);
                    self.room.publish(state, now, self.handed);
                }
                Effect::NewCode => ran.outcomes.push(Action::CodeChanged(self.room.new_code())),
                Effect::Answer(request, reply) => self.room.answer(*request, *reply),
            }
        }
        ran
    }

    /// Hands the state at `now` to the saver.
    pub fn save(&mut self, state: &AppState, now: DateTime<Utc>) {
        self.save_due = false;
        self.handed = self.saver.save(snapshot(state, self.agenda_id, now));
    }

    /// Hands the state to the saver if the burst asked for a save.
    pub fn save_if_due(&mut self, state: &AppState, now: DateTime<Utc>) {
        if self.save_due {
            self.save(state, now);
        }
    }

    fn export(
        &mut self,
        request: &ExportRequest,
        state: &AppState,
        terminal: &mut dyn Write,
        now: DateTime<Utc>,
    ) -> Action {
        let composition =
            Composition::participants(now, local_offset(state.session().planned_start));
        let Ok(composed) = compose(state.session(), &composition, request.format, &[]) else {
            return Action::Exported(Err(std::io::ErrorKind::InvalidData));
        };
        let default = self.exports_dir.join(format!(
            "{}.{}",
            session_id(self.saver.path()),
            request.format.extension()
        ));
        let clipboard = &mut self.clipboard;
        let delivered = deliver(
            &composed.bytes,
            request,
            default,
            &mut std::io::sink(),
            |text| clipboard.copy(text, terminal),
        );
        Action::Exported(match delivered {
            Ok(delivered) => Ok(Exported {
                path: delivered.path.unwrap_or_default(),
                copied: delivered.copied.and_then(Result::ok),
                flagged: composed.flags.len(),
            }),
            Err(not_written) => Err(not_written.error.kind()),
        })
    }
}

/// What is saved of `state`: the session and the editor's unsaved text.
pub fn snapshot(state: &AppState, agenda_id: &str, now: DateTime<Utc>) -> SessionFile {
    SessionFile {
        version: VERSION,
        agenda_id: agenda_id.to_owned(),
        saved: now,
        language: state.language,
        session: state.session.clone(),
        draft: state.draft(),
        room: state.room.door.clone(),
        devices: state.room.devices.clone(),
    }
}
