//! HTTP(S) GET for feeds and pages: conditional requests, compressed
//! responses, bounded redirects (permanent ones reported), timeouts, a size
//! cap and a clear User-Agent. Proxies come from HTTPS_PROXY / HTTP_PROXY /
//! NO_PROXY.

use std::time::Duration;

use ureq::Agent;

use super::FetchError;
use ureq::http::StatusCode;

/// At most this many bytes of (decompressed) body are read.
pub const MAX_BODY: u64 = 20 * 1024 * 1024;
const MAX_REDIRECTS: usize = 5;
pub const USER_AGENT: &str = concat!(
    "Edicola/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader)"
);

/// Validators from the last successful fetch, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a GET brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: nothing changed since the validators.
    NotModified,
    Body {
        bytes: Vec<u8>,
        content_type: Option<String>,
        final_url: String,
        validators: Validators,
    },
}

/// A GET's result, with the new address when every redirect was permanent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub fetched: Fetched,
    pub moved_to: Option<String>,
}

/// A configured HTTP client, shared by the fetch threads.
#[derive(Clone)]
pub struct Http {
    agent: Agent,
    max_body: u64,
}

impl Http {
    pub fn new(timeout: Duration) -> Http {
        let config = Agent::config_builder()
            .timeout_global(Some(timeout))
            .timeout_connect(Some(Duration::from_secs(10)))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .proxy(ureq::Proxy::try_from_env())
            .build();
        Http {
            agent: config.new_agent(),
            max_body: MAX_BODY,
        }
    }

    /// Sets the body size cap (tests use a small one).
    pub fn with_max_body(mut self, bytes: u64) -> Http {
        self.max_body = bytes;
        self
    }

    /// GETs `url`, following up to five redirects.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Response, FetchError> {
        let mut current = url.to_string();
        let mut permanent = true;
        for _ in 0..=MAX_REDIRECTS {
            let mut request = self
                .agent
                .get(&current)
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
            if let Some(etag) = &validators.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(lm) = &validators.last_modified {
                request = request.header("If-Modified-Since", lm);
            }
            let mut response = request.call()?;
            let status = response.status();
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let location = header("location")
                    .ok_or_else(|| FetchError::RedirectWithoutLocation(status.to_string()))?;
                let next = url::Url::parse(&current)
                    .and_then(|base| base.join(&location))
                    .map_err(|e| FetchError::BadRedirect {
                        location: location.clone(),
                        reason: e.to_string(),
                    })?;
                // A server may not send the reader to local files or other
                // protocols.
                if !is_web(&next) {
                    return Err(FetchError::RedirectScheme {
                        to: next.to_string(),
                        scheme: next.scheme().to_string(),
                    });
                }
                permanent &= matches!(
                    status,
                    StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
                );
                current = next.to_string();
                continue;
            }
            let moved_to = (permanent && current != url).then(|| current.clone());
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Response {
                    fetched: Fetched::NotModified,
                    moved_to,
                });
            }
            if !status.is_success() {
                return Err(FetchError::Status(status_text(status)));
            }
            let validators = Validators {
                etag: header("etag"),
                last_modified: header("last-modified"),
            };
            let content_type = header("content-type");
            let bytes = response
                .body_mut()
                .with_config()
                .limit(self.max_body)
                .read_to_vec()
                .map_err(|e| match e {
                    ureq::Error::BodyExceedsLimit(_) => {
                        FetchError::TooLarge(self.max_body / (1024 * 1024))
                    }
                    other => other.into(),
                })?;
            return Ok(Response {
                fetched: Fetched::Body {
                    bytes,
                    content_type,
                    final_url: current,
                    validators,
                },
                moved_to,
            });
        }
        Err(FetchError::TooManyRedirects(MAX_REDIRECTS))
    }
}

/// True for http and https URLs.
fn is_web(url: &url::Url) -> bool {
    let scheme = url.scheme();
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}
