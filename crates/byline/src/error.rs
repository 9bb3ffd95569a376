use std::fmt;

/// What kind of failure an [`Error`] reports, to tell them apart without parsing messages.
///
/// ```
/// let err = byline::Pipeline::builder().gazetteer_file("missing.tsv").build().unwrap_err();
/// match err.kind() {
///     byline::ErrorKind::Gazetteer => {}
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A gazetteer could not be loaded or built (a bad file, a bad line).
    Gazetteer,
    /// Annotating a document panicked; the message says where. Other documents are unaffected.
    Panic,
}

/// The error of the byline facade: a gazetteer that could not be loaded, or a document whose
/// annotation failed.
///
/// Its `Display` says what went wrong and where (file and line for gazetteer files).
///
/// ```
/// let err = byline::Pipeline::builder()
///     .gazetteer_file("no/such/gazetteer.tsv")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.kind(), byline::ErrorKind::Gazetteer);
/// assert!(err.to_string().contains("no/such/gazetteer.tsv"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Gazetteer(byline_gazetteer::Error),
    Panic(String),
}

impl Error {
    pub(crate) fn gazetteer(err: byline_gazetteer::Error) -> Error {
        Error {
            kind: Kind::Gazetteer(err),
        }
    }

    pub(crate) fn panic(message: String) -> Error {
        Error {
            kind: Kind::Panic(message),
        }
    }

    /// What kind of failure this is.
    ///
    /// ```
    /// let err = byline::Pipeline::builder()
    ///     .gazetteer_file("missing.tsv")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), byline::ErrorKind::Gazetteer);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self.kind {
            Kind::Gazetteer(_) => ErrorKind::Gazetteer,
            Kind::Panic(_) => ErrorKind::Panic,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Gazetteer(err) => write!(f, "gazetteer: {err}"),
            Kind::Panic(msg) => write!(f, "annotation failed: {msg}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            Kind::Gazetteer(err) => Some(err),
            _ => None,
        }
    }
}

/// The message of a caught panic payload.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_owned()
    }
}
