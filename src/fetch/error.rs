//! Why a fetch failed, in words a reader of the status bar understands.

/// A failed request or an unusable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("timed out")]
    TimedOut,
    #[error("host not found (DNS)")]
    HostNotFound,
    #[error("connection failed: {0}")]
    Connection(String),
    /// The server answered with an error status ("404 Not Found").
    #[error("HTTP {0}")]
    Status(String),
    #[error("HTTP {0} without a Location")]
    RedirectWithoutLocation(String),
    #[error("bad redirect to {location:?}: {reason}")]
    BadRedirect { location: String, reason: String },
    #[error(
        "redirect to {to} refused: it is a {scheme}: address; only http: and https: are followed"
    )]
    RedirectScheme { to: String, scheme: String },
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("response larger than {0} MB")]
    TooLarge(u64),
    /// A 304 to a request that asked for the whole document.
    #[error("the server sent nothing")]
    Empty,
    #[error("not a feed (the server sent {0})")]
    NotAFeed(&'static str),
    /// The document could not be read (the importer's reason).
    #[error("{0}")]
    Unreadable(#[from] crate::ingest::ParseError),
    /// Any other failure of the HTTP client.
    #[error("{0}")]
    Other(String),
}

impl From<ureq::Error> for FetchError {
    fn from(e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::TimedOut,
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::Io(io) => FetchError::Connection(io.to_string()),
            ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n / (1024 * 1024)),
            other => FetchError::Other(other.to_string()),
        }
    }
}
