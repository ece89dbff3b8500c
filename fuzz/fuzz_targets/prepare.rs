//! Building requests from loose input: `ClientConfig::new` and `endpoint::prepare` for every
//! endpoint. A built URL is the base URL plus percent-encoded parts (no raw space, `#`, second
//! `?`, control or non-ASCII character); the API key is only ever in the `x-api-key` header and
//! never in an error.
#![no_main]

mod common;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use superfone_crm::endpoint::{prepare, Call, ClientConfig, Endpoint, DEFAULT_BASE_URL};

const KEY: &str = "sk_live_Zq8WfuzzKEY";
const NOW: f64 = 1_779_285_600_000.0;

const BASE_URLS: [Option<&str>; 6] = [
    None,
    Some("http://localhost:4010/superfone/"),
    Some("https://API.example.com:8443/a%20b/"),
    Some("http://[::1]:1"),
    Some("https://h/x?y"),
    Some("http://evil.com"),
];

#[derive(Debug, Arbitrary)]
struct Config {
    key: Option<String>,
    base_url: Result<u8, String>,
    user_agent: Option<String>,
    headers: Vec<(String, String)>,
}

fn url_is_clean(url: &str, base: &str) {
    assert!(url.starts_with(base), "{url} does not start with {base}");
    assert!(url.is_ascii(), "{url}");
    assert!(
        !url.chars()
            .any(|c| c.is_ascii_whitespace() || c.is_control()),
        "{url}"
    );
    assert!(!url.contains('#'), "{url}");
    assert!(url.matches('?').count() <= 1, "{url}");
    let rest = &url[base.len()..];
    assert!(rest.starts_with("/enterprise/api/"), "{url}");
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(config) = Config::arbitrary(&mut u) else {
        return;
    };

    // Any options: errors never carry the key. A fuzzed key is wrapped in markers no message
    // template contains, so finding it in a message means the key leaked.
    let key = match &config.key {
        Some(k) => format!("K3y{k}Z9q"),
        None => KEY.to_owned(),
    };
    let key = key.as_str();
    let base_url = match &config.base_url {
        Ok(i) => BASE_URLS[usize::from(*i) % BASE_URLS.len()],
        Err(s) => Some(s.as_str()),
    };
    let built = ClientConfig::new(
        key,
        base_url,
        config.user_agent.as_deref(),
        config.headers.clone(),
    );
    match &built {
        Ok(c) => {
            assert!(!c.base_url().contains(['?', '#', ' ']), "{c:?}");
            assert!(!c.base_url().ends_with('/'));
            let echoed = config
                .headers
                .iter()
                .any(|(n, v)| n.contains(key) || v.contains(key))
                || config
                    .user_agent
                    .as_deref()
                    .is_some_and(|a| a.contains(key));
            assert!(echoed || !format!("{c:?}").contains(key), "{c:?}");
        }
        Err(err) => {
            let echoed = config
                .headers
                .iter()
                .any(|(n, v)| n.contains(key) || v.contains(key))
                || base_url.is_some_and(|b| b.contains(key))
                || config
                    .user_agent
                    .as_deref()
                    .is_some_and(|a| a.contains(key));
            if !echoed {
                assert!(!err.message.contains(key), "{err:?}");
                assert!(!err.field.as_deref().unwrap_or("").contains(key));
            }
        }
    }

    // Any call, against a fixed valid configuration.
    let config = ClientConfig::new(KEY, base_url.filter(|_| built.is_ok()), None, vec![])
        .expect("the fixed configuration is valid");
    let endpoint = *u.choose(&Endpoint::ALL).unwrap_or(&Endpoint::GetLead);
    let mut call = Call::new(endpoint);
    let part = |u: &mut Unstructured| -> Option<superfone_crm::json::Value> {
        let value = match u.int_in_range(0..=3u8).unwrap_or(0) {
            0 => None,
            1 => common::value(u, 2).ok(),
            _ => common::object(u, 3).ok(),
        };
        value.map(Into::into)
    };
    call.lead_id = part(&mut u);
    call.phone = part(&mut u);
    call.input = part(&mut u);
    call.allow_limit = u.arbitrary().unwrap_or(false);

    let given = format!("{call:?}");
    match prepare(&config, &call, NOW) {
        Ok(request) => {
            assert_eq!(request.endpoint, endpoint);
            assert_eq!(request.method, endpoint.method());
            url_is_clean(&request.url, config.base_url());
            assert!(config.base_url() == DEFAULT_BASE_URL || base_url.is_some());
            if !given.contains(KEY) {
                assert!(!request.url.contains(KEY));
                assert!(!request.body.as_deref().unwrap_or("").contains(KEY));
                assert!(!format!("{request:?}").contains(KEY));
            }
            let keyed: Vec<_> = request.headers.iter().filter(|(_, v)| v == KEY).collect();
            assert_eq!(keyed.len(), 1);
            assert_eq!(keyed[0].0, "x-api-key");
            if let Some(body) = &request.body {
                let json: Value = serde_json::from_str(body).expect("the body is JSON");
                assert!(json.is_object());
            }
        }
        Err(err) => {
            assert_eq!(err.kind, superfone_crm::ErrorKind::Validation, "{err:?}");
            assert!(err.field.is_some());
            if !given.contains(KEY) {
                assert!(!err.message.contains(KEY));
            }
        }
    }
});
