//! One call from request to result, as a state machine with no I/O (the binding drives it).
