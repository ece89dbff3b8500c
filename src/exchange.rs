//! One call from request to result, as a state machine with no I/O: the binding sends
//! [`Exchange::request`], reports what came back, and is told to finish, wait and send again, or
//! fail. Every decision (decoding, error kinds, retries) is made here, where it can be tested.

use crate::decode::check_response;
use crate::endpoint::HttpRequest;
use crate::error::Error;
use crate::retry::{decide, Decision, Outcome, RetryPolicy};

/// An attempt that ended without a response.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// No response: the runtime's fetch rejected (connection refused or reset, DNS, CORS…).
    Network(String),
    /// The attempt ran past its timeout (milliseconds).
    Timeout(f64),
    /// The caller's signal fired.
    Aborted,
}

/// What the driver does next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The response is good: hand its `data` to the caller.
    Done,
    /// Wait this long, then send the same request again.
    Retry { after_ms: f64 },
    /// Stop with this error.
    Fail(Error),
}

/// The state of one call: the request and how many retries it has had.
#[derive(Debug, Clone)]
pub struct Exchange {
    request: HttpRequest,
    policy: RetryPolicy,
    retries_done: u32,
}

impl Exchange {
    /// A call that will send `request`, retrying by `policy`.
    pub fn new(request: HttpRequest, policy: RetryPolicy) -> Self {
        Exchange {
            request,
            policy,
            retries_done: 0,
        }
    }

    /// The request to send on every attempt.
    pub fn request(&self) -> &HttpRequest {
        &self.request
    }

    /// How many attempts have been made, once the current one is reported.
    pub fn attempts(&self) -> u32 {
        self.retries_done + 1
    }

    /// A response arrived: `retry_after` is its `Retry-After` header, `jitter` a uniform random
    /// number in `[0, 1)` and `now_ms` the current time (for HTTP-date `Retry-After` values).
    pub fn on_response(
        &mut self,
        status: u16,
        retry_after: Option<&str>,
        body: &str,
        now_ms: f64,
        jitter: f64,
    ) -> Step {
        match check_response(self.request.endpoint, status, body) {
            Ok(()) => Step::Done,
            Err(err) => self.next(Outcome::Status(status), err, retry_after, now_ms, jitter),
        }
    }

    /// The attempt ended without a response.
    pub fn on_failure(&mut self, failure: Failure, now_ms: f64, jitter: f64) -> Step {
        let (outcome, err) = match failure {
            Failure::Aborted => return Step::Fail(Error::aborted()),
            Failure::Network(detail) => (Outcome::Network, Error::network(detail)),
            Failure::Timeout(ms) => (Outcome::Timeout, Error::timeout(ms)),
        };
        self.next(outcome, err, None, now_ms, jitter)
    }

    fn next(
        &mut self,
        outcome: Outcome,
        mut err: Error,
        retry_after: Option<&str>,
        now_ms: f64,
        jitter: f64,
    ) -> Step {
        let safe = self.request.retry_safe;
        match decide(
            &self.policy,
            safe,
            self.retries_done,
            &outcome,
            retry_after,
            now_ms,
            jitter,
        ) {
            Decision::Retry { after_ms } => {
                self.retries_done += 1;
                Step::Retry { after_ms }
            }
            Decision::GiveUp => {
                // Our own messages say how hard we tried; the server's stay verbatim.
                if err.status.is_none() && self.retries_done > 0 {
                    err.message = format!("{} (after {} attempts)", err.message, self.attempts());
                }
                // A request that may have reached the server and is not safe to repeat is not
                // retryable for the caller either: repeating it could, say, create a second task.
                if !safe && err.retryable && outcome != Outcome::Status(429) {
                    err.retryable = false;
                    if err.status.is_none() && self.retries_done < self.policy.max_retries {
                        err.message.push_str(
                            "; not retried: the request may have reached the server and is not safe to repeat",
                        );
                    }
                }
                Step::Fail(err)
            }
        }
    }
}
