//! The crate's error type.

use std::fmt;
use std::path::PathBuf;

/// An error from building, loading or reading back a gazetteer. It says what went wrong and
/// where: the file, line and field for a bad gazetteer file, the entry and alias for a bad entry.
///
/// ```
/// use byline_gazetteer::Gazetteer;
///
/// let err = Gazetteer::builder()
///     .add_tsv_reader("Q90\tParis\tCITY\tParis".as_bytes(), "places.tsv")
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "places.tsv: line 1, field 3 (label): unknown label \"CITY\" \
///      (expected PERSON, NORP, FAC, ORG, GPE, LOC or MISC)"
/// );
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
pub(crate) enum ErrorKind {
    /// A gazetteer file could not be opened or read.
    Io { path: PathBuf, err: std::io::Error },
    /// A record of a gazetteer file is malformed.
    Record {
        source: String,
        line: u64,
        field: Option<String>,
        message: String,
    },
    /// An entry given to the builder is unusable.
    Entry {
        index: usize,
        name: String,
        message: String,
    },
    /// Bytes given to [`crate::Gazetteer::from_bytes`] are not a saved gazetteer.
    Bytes { message: String },
    /// The matcher could not be built.
    Build { message: String },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io {
            path: path.into(),
            err,
        })
    }

    pub(crate) fn record(
        source: &str,
        line: u64,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::Record {
            source: source.to_owned(),
            line,
            field: field.map(str::to_owned),
            message: message.into(),
        })
    }

    pub(crate) fn bytes(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Bytes {
            message: message.into(),
        })
    }

    /// The line of the gazetteer file that caused the error (1-based), when there is one.
    ///
    /// ```
    /// use byline_gazetteer::Gazetteer;
    ///
    /// let data = "{\"name\": \"Paris\", \"label\": \"GPE\"}\n{\"name\": 3}\n";
    /// let err = Gazetteer::builder().add_jsonl_reader(data.as_bytes(), "x.jsonl").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<u64> {
        match self.kind {
            ErrorKind::Record { line, .. } => Some(line),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io { path, err } => write!(f, "{}: {}", path.display(), err),
            ErrorKind::Record {
                source,
                line,
                field,
                message,
            } => match field {
                Some(field) => write!(f, "{source}: line {line}, field {field}: {message}"),
                None => write!(f, "{source}: line {line}: {message}"),
            },
            ErrorKind::Entry {
                index,
                name,
                message,
            } => {
                write!(f, "entry {index} ({name:?}): {message}")
            }
            ErrorKind::Bytes { message } => write!(f, "not a saved gazetteer: {message}"),
            ErrorKind::Build { message } => write!(f, "cannot build the matcher: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { err, .. } => Some(err),
            _ => None,
        }
    }
}
