//! `samla present`: the projector's view of a session, following its file.
//! Read-only: it never writes and never takes the session's lock; the
//! countdown comes from the timestamps, so it ticks without the run screen
//! writing anything. Shaped like the run screen: `update` takes an action and
//! returns what to do; the loop does it and feeds the outcome back.

use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant, SystemTime};

use chrono::{DateTime, FixedOffset, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::events::AppEvent;
use super::inputs::Inputs;
use super::screen::Screen;
use super::state::until_next_change;
use crate::clock::{Clock, local_offset};
use crate::store::SessionFile;
use crate::ui::{self, DrawCache, PresentView, Theme};

/// What a key asks of the projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentKey {
    /// Show or hide the board of cards.
    ToggleBoard,
    /// Show or hide the room's QR code.
    ToggleQr,
    /// Show or hide the keys.
    ToggleHelp,
    /// Close the help, or leave.
    Back,
    /// Leave.
    Quit,
}

/// The meaning of `key` on the projector: `b` for the board, `w` for the
/// QR code (the run screen's key for the way in); Esc, Ctrl+Q
/// and Ctrl+C leave (nothing here can be lost). `q` marks a quote on the run
/// screen, so it does nothing here rather than something else.
pub fn present_key(key: KeyEvent) -> Option<PresentKey> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('q' | 'c') if ctrl => Some(PresentKey::Quit),
        KeyCode::Esc => Some(PresentKey::Back),
        KeyCode::Char('b') => Some(PresentKey::ToggleBoard),
        KeyCode::Char('w') => Some(PresentKey::ToggleQr),
        KeyCode::Char('?') => Some(PresentKey::ToggleHelp),
        _ => None,
    }
}

/// What tells one version of the file from the next: the store replaces it
/// by a rename, so a new version is a new file with its own change time.
pub type Stamp = Option<(SystemTime, u64)>;

/// What happens to the projector.
#[derive(Debug)]
pub enum PresentAction {
    /// A key's meaning.
    Key(PresentKey),
    /// The followed file was written (one save is several file events).
    FileWritten,
    /// The time for a held-back reload came.
    Tick,
    /// The file read again, as it is on disk now.
    Loaded(Box<SessionFile>, Stamp),
}

/// What the projector's loop is to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentEffect {
    /// Nothing but maybe a frame.
    Nothing,
    /// Read the file again, if its stamp changed.
    Reload,
    /// Leave.
    Quit,
}

/// The shortest time between two reloads: a room taking twenty posts a
/// second is shown two and a half times a second, which reads as live,
/// instead of parsing a large file twenty times a second. A change after a
/// quiet moment is read at once; one in a stream waits at most this long,
/// which keeps a change on the projector within half a second.
pub const RELOAD_SPACING: Duration = Duration::from_millis(400);

/// Everything the projector knows.
pub struct Present {
    file: SessionFile,
    stamp: Stamp,
    theme: Theme,
    board: bool,
    qr: bool,
    help: bool,
    /// When the file was last read; a write sooner after waits for the spacing.
    loaded_at: Option<Instant>,
    /// A write came while reloads were spaced out: read it when the time comes.
    reload_due: bool,
    /// Something shown changed since the last frame.
    redraw: bool,
    /// Cards as drawn before.
    cache: DrawCache,
}

impl Present {
    /// The projector on `file` as read with `stamp`.
    pub fn new(file: SessionFile, stamp: Stamp, theme: Theme) -> Self {
        Self {
            file,
            stamp,
            theme,
            board: false,
            qr: true,
            help: false,
            loaded_at: None,
            reload_due: false,
            redraw: true,
            cache: DrawCache::default(),
        }
    }

    /// Applies `action` at `at` (the monotonic time reloads are spaced by).
    pub fn update(&mut self, action: PresentAction, at: Instant) -> PresentEffect {
        match action {
            PresentAction::Key(key) => {
                self.redraw = true;
                match key {
                    // Esc closes the help first, as on the run screen.
                    PresentKey::Back if self.help => self.help = false,
                    PresentKey::Back | PresentKey::Quit => return PresentEffect::Quit,
                    PresentKey::ToggleBoard => self.board = !self.board,
                    PresentKey::ToggleQr => self.qr = !self.qr,
                    PresentKey::ToggleHelp => self.help = !self.help,
                }
                PresentEffect::Nothing
            }
            PresentAction::FileWritten | PresentAction::Tick => {
                match action {
                    PresentAction::FileWritten => self.reload_due = true,
                    // The countdown moves on the tick.
                    _ => self.redraw = true,
                }
                if self.reload_due && self.until_reload(at).is_none() {
                    self.reload_due = false;
                    self.loaded_at = Some(at);
                    PresentEffect::Reload
                } else {
                    PresentEffect::Nothing
                }
            }
            PresentAction::Loaded(file, stamp) => {
                self.file = *file;
                self.stamp = stamp;
                self.redraw = true;
                PresentEffect::Nothing
            }
        }
    }

    /// How long until a held-back reload may run; `None` when it may now.
    fn until_reload(&self, at: Instant) -> Option<Duration> {
        let next = self.loaded_at? + RELOAD_SPACING;
        (next > at).then(|| next - at)
    }

    /// The stamp of the version shown.
    pub fn stamp(&self) -> Stamp {
        self.stamp
    }

    /// Whether a frame is due, and none is once this says so.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    /// Asks for a frame (the screen changed size, or took the terminal back).
    pub fn show_again(&mut self) {
        self.redraw = true;
    }

    /// How long the loop may sleep: until the countdown's next second, or a
    /// held-back reload.
    pub fn wait(&self, now: DateTime<Utc>, at: Instant) -> Duration {
        let screen = until_next_change(&self.file.session, now)
            .to_std()
            .unwrap_or_default();
        match self.until_reload(at).filter(|_| self.reload_due) {
            Some(reload) => screen.min(reload),
            None if self.reload_due => Duration::ZERO,
            None => screen,
        }
    }

    /// The frame at `now`, with clock times at `offset`.
    pub fn view(&self, now: DateTime<Utc>, offset: FixedOffset) -> PresentView<'_> {
        PresentView {
            board: self.board,
            qr: self.qr,
            help: self.help,
            ..present_view(&self.file, self.theme, now, offset, &self.cache)
        }
    }
}

/// The projector's frame of `file` at `now`, with clock times at `offset`:
/// the questions and the QR code, no board, no help.
pub fn present_view<'a>(
    file: &'a SessionFile,
    theme: Theme,
    now: DateTime<Utc>,
    offset: FixedOffset,
    cache: &'a DrawCache,
) -> PresentView<'a> {
    PresentView {
        session: &file.session,
        now,
        offset,
        language: file.language,
        theme,
        door: file.room.as_ref(),
        // A join code kept without a door: the room was open, and closed.
        room_closed: file.room.is_none() && file.devices.code.is_some(),
        qr: true,
        board: false,
        help: false,
        cache,
    }
}

/// Shows `present`, the session saved at `path`, on `screen` until the user
/// leaves, a signal arrives or the input ends. `inputs` carries keys, signals
/// and the file's writes.
pub fn present(
    mut present: Present,
    path: &Path,
    clock: &dyn Clock,
    inputs: &Inputs,
    screen: &mut dyn Screen,
) {
    let mut handled = 0;
    loop {
        let now = clock.now();
        if present.take_redraw() {
            let view = present.view(now, local_offset(now));
            match screen.draw(&mut |frame| ui::render_present(frame, &view)) {
                Ok(true) => {}
                Ok(false) => present.show_again(),
                Err(_) => break,
            }
        }
        let action = match inputs.next(present.wait(now, Instant::now()), handled) {
            Ok(event) => {
                handled += 1;
                match event {
                    AppEvent::Key(key) => present_key(key).map(PresentAction::Key),
                    AppEvent::SessionChanged => Some(PresentAction::FileWritten),
                    AppEvent::Resize => {
                        screen.resized();
                        present.show_again();
                        None
                    }
                    AppEvent::Suspend => {
                        screen.suspend();
                        present.show_again();
                        None
                    }
                    AppEvent::Continue => {
                        screen.take_back();
                        present.show_again();
                        None
                    }
                    AppEvent::Paste(_) | AppEvent::Tick | AppEvent::Written(_) => None,
                    AppEvent::Room(_) => None,
                    AppEvent::Signal | AppEvent::InputClosed => break,
                }
            }
            Err(RecvTimeoutError::Timeout) => Some(PresentAction::Tick),
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let Some(action) = action else {
            continue;
        };
        match present.update(action, Instant::now()) {
            PresentEffect::Nothing => {}
            PresentEffect::Quit => break,
            PresentEffect::Reload => {
                let now_stamp = file_stamp(path);
                // A file event for a file that is as it was is no change, and
                // is not read. The store writes atomically, so a file that
                // does not parse is not samla's: the last good one stays.
                let changed = now_stamp.is_none() || now_stamp != present.stamp();
                if changed && let Ok(newer) = SessionFile::load(path) {
                    present.update(
                        PresentAction::Loaded(Box::new(newer), now_stamp),
                        Instant::now(),
                    );
                }
            }
        }
    }
}

/// The stamp of the file at `path` as it is now; take it before reading
/// the file, so a write in between is read again.
pub fn file_stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn present() -> Present {
        let agenda = crate::agenda::load_bundled("seminarium-1")
            .expect("bundled")
            .expect("valid");
        let session = crate::session::Session::new(agenda, vec!["A".into()], Utc::now());
        let file = SessionFile {
            version: crate::store::VERSION,
            agenda_id: "seminarium-1".into(),
            saved: Utc::now(),
            language: crate::agenda::Language::Sv,
            session: session.into(),
            draft: None,
            room: None,
            devices: Default::default(),
        };
        Present::new(file, None, Theme::new(true))
    }

    #[test]
    fn writes_in_quick_succession_are_read_once_per_spacing() {
        let mut present = present();
        let start = Instant::now();
        assert_eq!(
            present.update(PresentAction::FileWritten, start),
            PresentEffect::Reload,
            "the first write is read at once"
        );
        for step in 1..10 {
            let at = start + Duration::from_millis(step * 20);
            assert_eq!(
                present.update(PresentAction::FileWritten, at),
                PresentEffect::Nothing,
                "a write 20 ms later waits"
            );
            assert!(present.wait(Utc::now(), at) <= RELOAD_SPACING);
        }
        let later = start + RELOAD_SPACING;
        assert_eq!(
            present.update(PresentAction::Tick, later),
            PresentEffect::Reload,
            "the writes that waited are read once the spacing has passed"
        );
        assert_eq!(
            present.update(PresentAction::Tick, later + RELOAD_SPACING),
            PresentEffect::Nothing,
            "and nothing more after that"
        );
    }

    #[test]
    fn w_hides_the_qr_code_and_shows_it_again() {
        let mut present = present();
        let offset = FixedOffset::east_opt(0).unwrap();
        assert!(present.view(Utc::now(), offset).qr, "shown at first");
        present.update(PresentAction::Key(PresentKey::ToggleQr), Instant::now());
        assert!(!present.view(Utc::now(), offset).qr);
        present.update(PresentAction::Key(PresentKey::ToggleQr), Instant::now());
        assert!(present.view(Utc::now(), offset).qr);
    }

    #[test]
    fn esc_closes_the_help_before_it_leaves() {
        let mut present = present();
        let now = Instant::now();
        present.update(PresentAction::Key(PresentKey::ToggleHelp), now);
        assert!(
            present
                .view(Utc::now(), FixedOffset::east_opt(0).unwrap())
                .help
        );
        assert_eq!(
            present.update(PresentAction::Key(PresentKey::Back), now),
            PresentEffect::Nothing
        );
        assert!(
            !present
                .view(Utc::now(), FixedOffset::east_opt(0).unwrap())
                .help
        );
        assert_eq!(
            present.update(PresentAction::Key(PresentKey::Back), now),
            PresentEffect::Quit
        );
    }
}
