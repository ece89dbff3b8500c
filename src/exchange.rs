//! One call from request to result, as a state machine with no I/O: the binding sends
//! [`Exchange::request`], reports what came back, and is told to finish, wait and send again, or
//! fail. Every decision (decoding, error kinds, retries) is made here, where it can be tested.

use crate::decode::{check_response, page_mismatch};
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
    /// A custom `fetch` followed a redirect the SDK asked it not to (`redirect: 'manual'`): the
    /// request, x-api-key included, may have reached another host. Never retried.
    Redirected,
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
    /// The list page asked for, when a good response must be that page (iterating).
    expected_page: Option<u64>,
}

impl Exchange {
    /// A call that will send `request`, retrying by `policy`.
    pub fn new(request: HttpRequest, policy: RetryPolicy) -> Self {
        Exchange {
            request,
            policy,
            retries_done: 0,
            expected_page: None,
        }
    }

    /// A good response must be list page `page` (its `current_page`): a page of an iteration.
    /// A server that answers another page (the list shrank under the iteration, or it ignores
    /// `page`) would make the iteration yield rows twice or skip them; it is a decode error.
    pub fn expecting_page(mut self, page: u64) -> Self {
        self.expected_page = Some(page);
        self
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
        self.on_response_with(status, body, || {
            (retry_after.map(str::to_owned), now_ms, jitter)
        })
    }

    /// [`Exchange::on_response`], with the `Retry-After` header, the time and the jitter asked
    /// for only when the response is not good (each is a crossing into JS in the binding, and
    /// most responses are good).
    pub fn on_response_with(
        &mut self,
        status: u16,
        body: &str,
        context: impl FnOnce() -> (Option<String>, f64, f64),
    ) -> Step {
        match check_response(self.request.endpoint, status, body) {
            Ok(()) => match self
                .expected_page
                .and_then(|p| page_mismatch(status, body, p))
            {
                Some(err) => Step::Fail(err),
                None => Step::Done,
            },
            Err(err) => {
                let (retry_after, now_ms, jitter) = context();
                self.next(
                    Outcome::Status(status),
                    err,
                    retry_after.as_deref(),
                    now_ms,
                    jitter,
                )
            }
        }
    }

    /// The attempt ended without a response.
    pub fn on_failure(&mut self, failure: Failure, now_ms: f64, jitter: f64) -> Step {
        let (outcome, err) = match failure {
            Failure::Aborted => return Step::Fail(Error::aborted()),
            Failure::Redirected => {
                let mut err = Error::network(
                    "the custom fetch followed a redirect (the SDK asks for redirect: 'manual'), \
                     so the x-api-key may have reached another host; pass the Request on unchanged",
                );
                err.retryable = false;
                return Step::Fail(err);
            }
            Failure::Network(detail) => (Outcome::Network, Error::network(self.redact(&detail))),
            Failure::Timeout(ms) => (Outcome::Timeout, Error::timeout(ms)),
        };
        self.next(outcome, err, None, now_ms, jitter)
    }

    /// Text from the runtime (a custom `fetch` may quote the request it was given) with the API
    /// key taken out: the key never appears in an error.
    fn redact(&self, text: &str) -> String {
        let key = self
            .request
            .headers
            .iter()
            .find(|(name, _)| name == "x-api-key");
        match key {
            Some((_, key)) if !key.is_empty() => text.replace(key.as_str(), "[redacted]"),
            _ => text.to_owned(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::{prepare, Call, ClientConfig, Endpoint};
    use crate::error::ErrorKind;
    use crate::json;
    use crate::retry::RetryPolicy;

    const KEY: &str = "sk_live_SECRET";

    fn exchange(call: Call) -> Exchange {
        let config =
            ClientConfig::new(KEY, Some("http://127.0.0.1:4010/superfone"), None, vec![]).unwrap();
        Exchange::new(
            prepare(&config, &call, 0.0).unwrap(),
            RetryPolicy::default(),
        )
    }

    fn get_labels() -> Exchange {
        exchange(Call::new(Endpoint::List(crate::endpoint::Catalog::Labels)))
    }

    fn create_task() -> Exchange {
        exchange(
            Call::new(Endpoint::CreateTask)
                .with_lead_id(json!(7))
                .with_input(json!({ "type": "REMINDER", "due_date": "2030-01-01T00:00:00Z" })),
        )
    }

    const PAGE: &str = r#"{"data":{"rows":[],"total_pages":0,"current_page":1,"page_size":50,"total_items":0},"message":"success"}"#;

    #[test]
    fn a_documented_response_is_done() {
        assert_eq!(
            get_labels().on_response(200, None, PAGE, 0.0, 0.5),
            Step::Done
        );
    }

    #[test]
    fn a_read_that_meets_a_503_is_retried_until_the_retries_run_out() {
        let mut ex = get_labels();
        let body = r#"{"message":"busy"}"#;
        assert!(matches!(
            ex.on_response(503, None, body, 0.0, 0.5),
            Step::Retry { .. }
        ));
        assert!(matches!(
            ex.on_response(503, None, body, 0.0, 0.5),
            Step::Retry { .. }
        ));
        let Step::Fail(err) = ex.on_response(503, None, body, 0.0, 0.5) else {
            panic!("gives up")
        };
        assert_eq!(
            (err.kind, err.status, err.message.as_str()),
            (ErrorKind::Server, Some(503), "busy")
        );
        assert_eq!(ex.attempts(), 3);
    }

    #[test]
    fn retry_after_sets_the_wait() {
        let mut ex = get_labels();
        assert_eq!(
            ex.on_response(429, Some("2"), "{}", 0.0, 0.5),
            Step::Retry { after_ms: 2000.0 }
        );
    }

    #[test]
    fn a_followed_redirect_fails_at_once_and_is_not_retryable() {
        let Step::Fail(err) = get_labels().on_failure(Failure::Redirected, 0.0, 0.5) else {
            panic!("a followed redirect is never retried");
        };
        assert_eq!(err.kind, ErrorKind::Network);
        assert!(!err.retryable);
        assert!(
            err.message.contains("followed a redirect"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_timed_out_create_task_fails_at_once_and_is_not_retryable() {
        let Step::Fail(err) = create_task().on_failure(Failure::Timeout(100.0), 0.0, 0.5) else {
            panic!("no blind retry")
        };
        assert_eq!(err.kind, ErrorKind::Timeout);
        assert!(!err.retryable);
        assert!(err.message.contains("not retried"), "{}", err.message);
    }

    #[test]
    fn a_create_task_refused_with_429_is_retried() {
        assert!(matches!(
            create_task().on_response(429, None, "{}", 0.0, 0.5),
            Step::Retry { .. }
        ));
    }

    #[test]
    fn an_abort_is_never_retried() {
        assert_eq!(
            get_labels().on_failure(Failure::Aborted, 0.0, 0.5),
            Step::Fail(Error::aborted())
        );
    }

    #[test]
    fn a_network_error_that_quotes_the_key_does_not_carry_it() {
        let mut ex = get_labels();
        ex.policy.max_retries = 0;
        let detail = format!("connect failed; headers were {{\"x-api-key\":\"{KEY}\"}}");
        let Step::Fail(err) = ex.on_failure(Failure::Network(detail), 0.0, 0.5) else {
            panic!("fails")
        };
        assert!(!err.message.contains(KEY), "{}", err.message);
        assert!(err.message.contains("[redacted]"));
    }

    #[test]
    fn our_own_messages_say_how_many_attempts_were_made() {
        let mut ex = get_labels();
        for _ in 0..2 {
            assert!(matches!(
                ex.on_failure(Failure::Timeout(5.0), 0.0, 0.5),
                Step::Retry { .. }
            ));
        }
        let Step::Fail(err) = ex.on_failure(Failure::Timeout(5.0), 0.0, 0.5) else {
            panic!("gives up")
        };
        assert!(
            err.message.ends_with("(after 3 attempts)"),
            "{}",
            err.message
        );
    }
}
