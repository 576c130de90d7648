//! The HTTP side the API clients share: timeouts, a size cap, proxies from
//! the environment, and the server's answers turned into `RemoteError`s
//! that quote what it said (without control characters).

use std::time::Duration;

use ureq::Agent;

use super::remote::{RemoteError, RemoteResult};

/// Largest answer read (a page of articles with their HTML).
const MAX_BODY: u64 = 64 * 1024 * 1024;
/// How much of an error answer is quoted.
const QUOTED: usize = 200;

/// An answer with a success status.
pub struct Reply {
    pub body: String,
    /// The server's clock when it answered (its `Date` header), seconds.
    pub date: Option<i64>,
}

#[derive(Clone)]
pub struct Client {
    agent: Agent,
}

impl Default for Client {
    fn default() -> Client {
        Client::new(Duration::from_secs(60))
    }
}

impl Client {
    pub fn new(timeout: Duration) -> Client {
        let config = Agent::config_builder()
            .timeout_global(Some(timeout))
            .timeout_connect(Some(Duration::from_secs(10)))
            .http_status_as_error(false)
            .user_agent(crate::fetch::http::USER_AGENT)
            .proxy(ureq::Proxy::try_from_env())
            .build();
        Client {
            agent: config.new_agent(),
        }
    }

    pub fn get(&self, url: &str, headers: &[(&str, &str)]) -> RemoteResult<Reply> {
        let mut request = self.agent.get(url);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        answer(request.call())
    }

    pub fn post_form(
        &self,
        url: &str,
        headers: &[(&str, &str)],
        form: &[(&str, &str)],
    ) -> RemoteResult<Reply> {
        let mut request = self.agent.post(url);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        answer(request.send_form(form.iter().copied()))
    }

    /// Sends a JSON body with `method` (POST, PUT).
    pub fn send_json(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        json: &str,
    ) -> RemoteResult<Reply> {
        let mut request = match method {
            "PUT" => self.agent.put(url),
            _ => self.agent.post(url),
        };
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        answer(request.content_type("application/json").send(json))
    }

    pub fn delete(&self, url: &str, headers: &[(&str, &str)]) -> RemoteResult<Reply> {
        let mut request = self.agent.delete(url);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        answer(request.call())
    }
}

fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> RemoteResult<Reply> {
    let mut response = result.map_err(transport)?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let date = response
        .headers()
        .get("date")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| chrono::DateTime::parse_from_rfc2822(v.trim()).ok())
        .map(|t| t.timestamp());
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_string()
        .map_err(transport)?;
    match status {
        200..=299 => Ok(Reply { body, date }),
        401 | 403 => Err(RemoteError::Auth(quote(&body, status))),
        429 => Err(RemoteError::RateLimited { retry_after }),
        _ => Err(RemoteError::Server {
            status,
            message: quote(&body, status),
        }),
    }
}

/// The start of what the server said, on one line, without controls.
pub fn quote(body: &str, status: u16) -> String {
    let text: String = crate::text::controls::without_controls(body)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text: String = text.chars().take(QUOTED).collect();
    if text.is_empty() {
        format!("HTTP {status}")
    } else {
        text
    }
}

fn transport(e: ureq::Error) -> RemoteError {
    match e {
        ureq::Error::Timeout(_) => RemoteError::Timeout,
        ureq::Error::BodyExceedsLimit(n) => {
            RemoteError::Protocol(format!("answer larger than {n} bytes"))
        }
        other => RemoteError::Unreachable(quote(&other.to_string(), 0)),
    }
}

/// Parses a JSON answer.
pub fn json<T: serde::de::DeserializeOwned>(reply: &Reply) -> RemoteResult<T> {
    serde_json::from_str(&reply.body)
        .map_err(|e| RemoteError::Protocol(format!("{e} in {}", quote(&reply.body, 0))))
}
