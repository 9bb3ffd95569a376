//! Errors of the tagger: malformed models and training corpora.

use std::fmt;

/// What went wrong, and at which byte (model) or line (corpus).
///
/// ```
/// let err = byline_tag::Model::from_bytes(b"nope").unwrap_err();
/// assert!(err.to_string().contains("magic"));
/// assert_eq!(err.position(), 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    position: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    BadModel(String),
    BadCorpus(String),
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, position: usize) -> Error {
        Error { kind, position }
    }

    /// The byte offset (model) or 1-based line (corpus) where the problem was found.
    ///
    /// ```
    /// let err = byline_tag::corpus::read_conllu("1\tword\n", 3).unwrap_err();
    /// assert_eq!(err.position(), 1);
    /// ```
    pub fn position(&self) -> usize {
        self.position
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::BadModel(what) => {
                write!(f, "bad tagger model at byte {}: {what}", self.position)
            }
            ErrorKind::BadCorpus(what) => write!(f, "bad corpus at line {}: {what}", self.position),
        }
    }
}

impl std::error::Error for Error {}
