//! An HTTP server that checks KYC onboarding requests before they reach the provider,
//! answering like the provider would: 422/403/409/423/413/400 with an RFC 9457
//! `application/problem+json` body, or 200 `{"valid": true}`.
//!
//! Run it with `cargo run --example server` (it listens on 127.0.0.1:3000, or `$PORT`), then:
//!
//! ```sh
//! curl -s -X POST localhost:3000/v2/customers/individual -d @examples/create-individual-v2.json
//! ```
//!
//! The context (today's date, the client's settings, the stored customer) comes from a
//! closure: a real server would read the customer from its database.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use kyc_rules::http::{DEFAULT_TYPE_BASE, PROBLEM_JSON};
use kyc_rules::{validate, Context, Date, Options, Report, Request, RequestKind};
use std::sync::Arc;

/// Where the server gets the context of a request: the customer ID for attach requests.
type ContextSource = Arc<dyn Fn(Option<&str>) -> Context + Send + Sync>;

#[derive(Clone)]
struct AppState {
    context: ContextSource,
    options: Options,
}

/// The routes, with their context source.
fn router(context: ContextSource) -> Router {
    let state = AppState { context, options: Options::default() };
    Router::new()
        .route("/v2/customers/individual", post(create))
        .route("/v2/customers/{customer_id}/individual/attach", post(attach))
        .with_state(state)
}

async fn create(State(s): State<AppState>, body: Bytes) -> Response {
    let ctx = (s.context)(None);
    answer(validate(Request::json(RequestKind::CreateIndividualV2, &body), &ctx, &s.options))
}

async fn attach(State(s): State<AppState>, Path(customer_id): Path<String>, body: Bytes) -> Response {
    let ctx = (s.context)(Some(&customer_id));
    let request = Request::json(RequestKind::AttachIndividualV2, &body).with_customer_id(&customer_id);
    answer(validate(request, &ctx, &s.options))
}

/// 200 `{"valid": true}`, or the report's status with a problem details body.
fn answer(report: Report) -> Response {
    match report.to_problem_details(DEFAULT_TYPE_BASE) {
        None => Json(serde_json::json!({"valid": true})).into_response(),
        Some(problem) => {
            let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
            (status, [(header::CONTENT_TYPE, PROBLEM_JSON)], Json(problem)).into_response()
        }
    }
}

/// Today's UTC date from the clock (the library itself never reads it).
fn today() -> Option<Date> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Date::from_days_since_unix_epoch(i64::try_from(secs / 86_400).ok()?)
}

#[tokio::main]
async fn main() {
    let port = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3000u16);
    // A demo context: today's date, and no stored customers (so the customer rules are off).
    let app = router(Arc::new(|_| Context { today: today(), ..Context::default() }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind");
    eprintln!("kyc-rules example server on http://127.0.0.1:{port}");
    axum::serve(listener, app).await.expect("serve");
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request as HttpRequest;
    use http_body_util::BodyExt;
    use kyc_rules::{Client, Customer};
    use tower::ServiceExt;

    const CREATE: &str = include_str!("create-individual-v2.json");
    const ATTACH: &str = include_str!("attach-individual-v2.json");
    const OWNER: &str = "55bd6b4e-c20a-4cc8-9535-91d5557a67d9";
    const APPROVED: &str = "11111111-2222-4333-8444-555555555555";
    const BUSY: &str = "66666666-7777-4888-8999-aaaaaaaaaaaa";

    /// Stored customers: OWNER may attach; APPROVED may not (403); BUSY has an attach in flight (409).
    fn app() -> Router {
        router(Arc::new(|customer_id| {
            let attach_ctx: Context = serde_json::from_str(include_str!("attach-context.json")).unwrap();
            let mut customer: Customer = attach_ctx.customer.unwrap();
            match customer_id {
                Some(APPROVED) => customer.status = Some("APPROVED".into()),
                Some(BUSY) => customer.attach_in_flight = Some(true),
                _ => {}
            }
            Context {
                today: Date::parse("2026-11-26").ok(),
                client: Some(Client { reliance_enabled: Some(false), selfie_required: Some(true) }),
                customer: customer_id.map(|_| customer),
                catalog: None,
            }
        }))
    }

    async fn post(uri: &str, body: String) -> (StatusCode, Option<String>, serde_json::Value) {
        let request = HttpRequest::post(uri).body(axum::body::Body::from(body)).unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status();
        let content_type = response.headers().get(header::CONTENT_TYPE).map(|v| v.to_str().unwrap().to_owned());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, content_type, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn valid_requests_get_200() {
        let (status, _, body) = post("/v2/customers/individual", CREATE.to_owned()).await;
        assert_eq!((status, body), (StatusCode::OK, serde_json::json!({"valid": true})));
        let (status, _, body) = post(&format!("/v2/customers/{OWNER}/individual/attach"), ATTACH.to_owned()).await;
        assert_eq!((status, body), (StatusCode::OK, serde_json::json!({"valid": true})));
    }

    #[tokio::test]
    async fn invalid_create_gets_422_problem_details() {
        let body = CREATE.replace("\"FEMALE\"", "\"female\"").replace("\"US-CA\"", "\"CA\"");
        let (status, content_type, problem) = post("/v2/customers/individual", body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(content_type.as_deref(), Some("application/problem+json"));
        assert_eq!(problem["type"], "urn:kyc-rules:problem:validation-failed");
        assert_eq!(problem["title"], "Validation failed");
        assert_eq!(problem["status"], 422);
        assert_eq!(problem["detail"], "The request has 2 errors.");
        assert_eq!(problem["errors"][0]["pointer"], "#/address/subdivision_code");
        assert_eq!(problem["errors"][0]["code"], "unknown_subdivision");
        assert_eq!(problem["errors"][1]["pointer"], "#/basic_info/gender");
        assert_eq!(problem["errors"][1]["code"], "invalid_enum");
    }

    #[tokio::test]
    async fn reliance_for_a_client_without_it_gets_423() {
        let body = CREATE.replace("\"STANDARD\"", "\"RELIANCE\"");
        let (status, _, problem) = post("/v2/customers/individual", body).await;
        assert_eq!(status, StatusCode::LOCKED);
        assert_eq!(problem["type"], "urn:kyc-rules:problem:reliance-not-available");
    }

    #[tokio::test]
    async fn customer_state_gives_403_and_409() {
        let (status, _, problem) =
            post(&format!("/v2/customers/{APPROVED}/individual/attach"), ATTACH.to_owned()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(problem["errors"][0]["code"], "customer_not_eligible");
        assert_eq!(problem["errors"][0]["pointer"], "#");
        let (status, _, problem) = post(&format!("/v2/customers/{BUSY}/individual/attach"), ATTACH.to_owned()).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(problem["type"], "urn:kyc-rules:problem:conflict");
    }

    #[tokio::test]
    async fn a_bad_customer_id_and_a_bad_body() {
        let (status, _, problem) = post("/v2/customers/not-a-uuid/individual/attach", ATTACH.to_owned()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let codes: Vec<&str> =
            problem["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
        assert!(codes.contains(&"invalid_uuid"), "{codes:?}");
        let uuid = problem["errors"].as_array().unwrap().iter().find(|e| e["code"] == "invalid_uuid").unwrap();
        assert_eq!(uuid["parameter"], "customer_id");
        assert!(uuid.get("pointer").is_none());

        let (status, _, problem) = post("/v2/customers/individual", "{\"oops\"".to_owned()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(problem["type"], "urn:kyc-rules:problem:malformed-request");
    }
}
