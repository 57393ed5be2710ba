//! The event loop: keys to actions, and the effects of actions on terminal and disk.
