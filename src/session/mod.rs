//! What happened in a seminar: timings as timestamps, groups and cards. Pure data
//! and pure rules, no input or output.
