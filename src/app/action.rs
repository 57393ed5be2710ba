//! What can happen to the run screen: what a key asks for, grouped by the mode
//! it works in, and what the effects that ran report back.

use std::io::ErrorKind;
use std::path::PathBuf;

use ratatui_textarea::Input;

use crate::session::{Lane, SessionAction};

/// One thing for [`super::AppState::update`] to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A change to the schedule.
    Session(SessionAction),
    /// Selection and cards on the board.
    Board(BoardAction),
    /// A key typed while the editor is open.
    Editor(EditorAction),
    /// A key on the roster.
    Roster(RosterKey),
    /// A key while counting hands.
    Tally(TallyAction),
    /// Show or hide the help.
    ToggleHelp,
    /// Propose a rebalanced plan.
    ProposeRebalance,
    /// Yes to the question on screen (rebalance, delete, quit, remove).
    Confirm,
    /// Close the overlay on screen, or say no to its question.
    Dismiss,
    /// Neither yes nor no to the question on screen: it is cancelled, and
    /// the status line says so.
    Cancel,
    /// Text pasted: into the editor, or into a new card.
    Paste(String),
    /// Write the summary and copy it to the clipboard.
    Export,
    /// Remind how to quit (Ctrl+C must not end a seminar by accident).
    QuitHint,
    /// Leave samla.
    Quit,
    /// Time passed: the bell and a save held back while typing may be due.
    Tick,
    /// The saver wrote the session.
    Saved,
    /// The saver could not write the session; so many changes from the room
    /// wait in memory for the disk.
    SaveFailed(ErrorKind, usize),
    /// The summary was written to `path` (copied as `copied`), or could not be.
    Exported(Result<Exported, ErrorKind>),
    /// Open the room, or show its join screen when it is open (`w`).
    Room,
    /// Close the room (`w` on its join screen).
    CloseRoom,
    /// A new join code for the room, for one photographed and shared (`n`
    /// on its join screen); devices that joined stay joined.
    NewCode,
    /// The room's new join code, or why there is none.
    CodeChanged(Result<String, ErrorKind>),
    /// Open the wall (every group's cards on the room's page), or close it.
    ToggleWall,
    /// Let the room's page mark the segment's priorities, or stop it (`P`).
    ToggleRoomVotes,
    /// The room's server listens at the door, or could not start.
    RoomOpened(Result<crate::room::Door, ErrorKind>),
    /// A device asks for a change; the answer goes back under the request's number.
    FromRoom(u64, crate::room::RoomAction),
}

/// What became of an export asked for with `x`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file written.
    pub path: PathBuf,
    /// Where the text was copied to, if anywhere.
    pub copied: Option<crate::clipboard::Copied>,
    /// How many of its texts may hold personal data.
    pub flagged: usize,
}

/// Keys of the board: the selection and the cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardAction {
    /// Select a group (0-based), or the whole room.
    SelectGroup(Lane),
    /// Select the group before (-1) or after (+1) the selected one.
    StepGroup(i8),
    /// Select the card above (-1) or below (+1) the selected one.
    StepCard(i8),
    /// Open the editor for a new card of the selected group.
    NewCard,
    /// Open the editor for a new card of the selected group in this column
    /// (0-based), which becomes the selected one.
    NewCardIn(usize),
    /// Select the column after (+1) or before (-1) the selected one.
    StepColumn(i8),
    /// Open the editor on the selected card.
    EditCard,
    /// Open the editor on the segment's private note.
    EditPrivateNote,
    /// Cycle the selected card's tag.
    CycleTag,
    /// Mark the selected card as a quote, or unmark it.
    ToggleQuote,
    /// Mark the selected card as one of its group's priorities, or unmark it.
    TogglePriority,
    /// One dot more on the selected card, counted from the wall (+1), or
    /// one fewer (-1), where the room votes across its groups.
    CountDot(i8),
    /// Step the selected follow-up item's status.
    CycleStatus,
    /// Open the editor on the selected follow-up item's comment.
    EditComment,
    /// Move the selected card to the next column.
    NextColumn,
    /// Move the selected card to the column before.
    PreviousColumn,
    /// Ask which group the selected card moves to.
    AskMove,
    /// Rename the selected group.
    RenameGroup,
    /// Move the selected card up (-1) or down (+1) within its column.
    MoveCardWithin(i8),
    /// Move the card asked about to this group, or the whole room.
    MoveTo(Lane),
    /// Ask whether to delete the selected card.
    AskDelete,
    /// Open the roster.
    OpenRoster,
    /// Type respondent lines into the current poll.
    OpenPollLine,
    /// Count hands for the current poll.
    OpenTally,
    /// Close the current poll to the room's page, or open it again.
    ClosePoll,
    /// Show the current poll's results to the room, or hide them.
    RevealPoll,
    /// Turn the current poll's free-text answers into cards of the nearest
    /// segment where people write.
    TextsToCards,
}

/// Keys of the open editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorAction {
    /// A key for the text area.
    Input(Input),
    /// Letters typed in one burst, as one text.
    Type(String),
    /// Take back the last change (on an empty respondent line: the last line).
    Undo,
    /// Do again what was taken back.
    Redo,
    /// Save what the editor holds and close it.
    Close,
    /// Close the editor without saving: a new card is dropped, an edited one
    /// keeps its old text.
    Cancel,
    /// Enter the typed respondent line.
    SubmitLine,
    /// Bring back the oldest line set aside to fix (on an empty respondent line).
    RecallLine,
}

/// Keys of the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterKey {
    /// Move the cursor up (-1) or down (+1).
    Step(i8),
    /// Mark the member under the cursor present today, or not.
    TogglePresent,
    /// Add a member to the cursor's group.
    Add,
    /// Rename the member under the cursor.
    Rename,
    /// The next sector for the member under the cursor.
    CycleSector,
    /// The next role category for the member under the cursor.
    CycleRole,
    /// Move the member under the cursor to the next group.
    Move,
    /// Ask whether to remove the member under the cursor.
    Remove,
}

/// Keys of hand counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TallyAction {
    /// The statement above (-1) or below (+1).
    Step(i8),
    /// One hand more for the answer a key stands for (a value, a letter
    /// of an option, `j`/`n`, `x`) to the selected question.
    Hand(char),
    /// Take back the last hand counted.
    Undo,
}
