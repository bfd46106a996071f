//! The trigger lexicon.

/// A bad lexicon entry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// A malformed line.
    #[error("{path}:{line}: {reason}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// The compiled trigger lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The lexicon shipped in the binary.
    pub fn builtin() -> Lexicon {
        Lexicon {}
    }
}
