//! The retry policy as a pure function: given what happened on an attempt, retry after Δ or give up.
//! Exponential backoff with jitter and a cap, honouring `Retry-After`, and never a blind retry of
//! a request that is not safe to repeat once it may have reached the server.

/// Helper C: define Policy, Outcome, Decision and `decide` here.
pub struct Todo;
