//! Input validation on any JSON: the upsert and task validators, page queries, lead ids and the
//! lookup phone. Whatever the validators accept, the typed model must accept too (`check`).
//!
//! Input: a mode byte. Even: the rest is JSON text (skipped if it does not parse). Odd: the rest
//! drives a structured generator that builds objects from the API's own field names.
#![no_main]

mod common;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use superfone_crm::endpoint::{check, Call, Catalog, Endpoint};
use superfone_crm::validate::{
    validate_create_task, validate_lead_id, validate_lookup_phone, validate_page_query,
    validate_upsert_lead, QueryKind, MAX_SAFE_INTEGER,
};
use superfone_crm::{ErrorKind, ValidationIssue};

const NOW: f64 = 1_779_285_600_000.0; // 2026-05-20T14:00:00Z

fn issues_are_well_formed(issues: &[ValidationIssue]) {
    for issue in issues {
        assert!(!issue.field.is_empty(), "{issue:?}");
        assert!(issue.field.chars().count() <= 100, "{issue:?}");
        assert!(!issue.message.is_empty(), "{issue:?}");
        assert!(issue.message.chars().count() <= 1000, "{issue:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let input: Value = if mode % 2 == 0 {
        match serde_json::from_slice(rest) {
            Ok(v) => v,
            Err(_) => return,
        }
    } else {
        let mut u = Unstructured::new(rest);
        match common::object(&mut u, 3) {
            Ok(v) => v,
            Err(_) => return,
        }
    };
    // The validators read the crate's own JSON value, as the JS binding builds it.
    let input = superfone_crm::json::Value::from(input);
    let now = if mode & 0x80 != 0 { f64::NAN } else { NOW };

    let upsert = validate_upsert_lead(&input);
    issues_are_well_formed(&upsert);
    let call = Call::new(Endpoint::UpsertLead).with_input(input.clone());
    match check(&call, now) {
        Ok(_) => assert!(upsert.is_empty()),
        Err(err) => {
            assert_eq!(err.kind, ErrorKind::Validation);
            assert!(
                !upsert.is_empty(),
                "validator accepted, model refused: {err:?}"
            );
        }
    }

    let task = validate_create_task(&input, now);
    issues_are_well_formed(&task);
    let call = Call::new(Endpoint::CreateTask)
        .with_lead_id(1)
        .with_input(input.clone());
    match check(&call, now) {
        Ok(_) => assert!(task.is_empty()),
        Err(err) => assert!(
            !task.is_empty(),
            "validator accepted, model refused: {err:?}"
        ),
    }

    for (kind, endpoint) in [
        (QueryKind::Tasks, Endpoint::ListTasks),
        (QueryKind::Catalog, Endpoint::List(Catalog::Labels)),
    ] {
        for allow_limit in [false, true] {
            let issues = validate_page_query(&input, kind, allow_limit);
            issues_are_well_formed(&issues);
            let mut call = Call::new(endpoint)
                .with_lead_id(1)
                .with_input(input.clone());
            call.allow_limit = allow_limit;
            assert_eq!(check(&call, now).is_ok(), issues.is_empty());
        }
    }

    // The small validators, on the input itself and on each of its values.
    let values =
        std::iter::once(&input).chain(input.as_object().into_iter().flat_map(|o| o.values()));
    for value in values {
        match validate_lead_id(value) {
            Ok(id) => {
                assert!((1..=MAX_SAFE_INTEGER).contains(&id), "{value} → {id}");
                assert!(value.is_number());
            }
            Err(issue) => {
                assert_eq!(issue.field, "lead_id");
                issues_are_well_formed(&[issue]);
            }
        }
        match validate_lookup_phone(value) {
            Ok(phone) => assert_eq!(Some(phone.as_str()), value.as_str()),
            Err(issue) => {
                assert_eq!(issue.field, "phone");
                issues_are_well_formed(&[issue]);
            }
        }
    }
});
