//! Rendering: a pure function of the state and the time, one file per pane.
