//! Who says so: reporting verbs, quotes and stance.
