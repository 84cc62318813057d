//! `kyc_rules._native`: the Python face of the kyc-rules library.
//!
//! Only argument conversion lives here; every rule, message and report format comes from the
//! library, serialised exactly as the CLI serialises it. The engine runs with the GIL released.

use kyc_rules::migrate::MigrateError;
use kyc_rules::{Context, Date, Options, Request, RequestKind};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString, PyTuple};
use serde::Serialize;

/// Validates KYC onboarding requests to the provider's Customers API.
///
/// The engine of the kyc-rules Rust library: the same rules, reports and problem details as the
/// library and the `kyc-rules` CLI. See `validate`, `migrate`, `rules` and `explain`.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_TYPE_BASE", kyc_rules::http::DEFAULT_TYPE_BASE)?;
    m.add("PROBLEM_JSON", kyc_rules::http::PROBLEM_JSON)?;
    m.add("KINDS", PyTuple::new(m.py(), RequestKind::ALL.iter().map(|k| k.as_str()))?)?;
    m.add_class::<Report>()?;
    m.add_class::<Violation>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(migrate, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    Ok(())
}

/// The outcome of a validation. Immutable, so it can be shared between threads.
///
/// `valid` is true when there is no error (warnings allowed); `status` is 200 when valid, else
/// the HTTP status the provider would answer with; `violations` lists every violation in report
/// order (the first `max_violations` of them, with `truncated` true, when there were more).
#[pyclass(frozen, eq, module = "kyc_rules")]
#[derive(PartialEq)]
struct Report(kyc_rules::Report);

#[pymethods]
impl Report {
    /// True when the request has no error (warnings allowed).
    #[getter]
    fn valid(&self) -> bool {
        self.0.valid
    }

    /// 200 when valid; else the provider's status (400, 413, 403, 409, 423 or 422).
    #[getter]
    fn status(&self) -> u16 {
        self.0.status
    }

    /// Whether violations beyond `max_violations` were left out (`valid` and `status` count them).
    #[getter]
    fn truncated(&self) -> bool {
        self.0.truncated
    }

    /// The violations in report order (by path, then code): a new list on every access.
    #[getter]
    fn violations(&self) -> Vec<Violation> {
        self.0.violations.iter().cloned().map(Violation).collect()
    }

    /// The report as the CLI's JSON report, parsed: `{"valid", "status", "violations", "truncated"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// The report as JSON text, byte for byte what `kyc-rules check` prints (pretty, newline-terminated).
    fn to_json(&self) -> PyResult<String> {
        Ok(serde_json::to_string_pretty(&self.0).map_err(serialisation_error)? + "\n")
    }

    /// The RFC 9457 problem details for an invalid report (`None` when valid), with `type` URIs
    /// under `type_base`. Answer with media type `PROBLEM_JSON` and the report's `status`.
    #[pyo3(signature = (type_base = kyc_rules::http::DEFAULT_TYPE_BASE))]
    fn problem_details<'py>(&self, py: Python<'py>, type_base: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.to_problem_details(type_base).map(|p| to_python(py, &p)).transpose()
    }

    /// The body the provider itself answers with for this report's status (`None` when valid).
    fn provider_body<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.to_provider_body().map(|b| to_python(py, &b)).transpose()
    }

    /// `Report(valid=..., status=..., violations=<N violations>, truncated=...)`.
    fn __repr__(&self) -> String {
        let r = &self.0;
        format!(
            "Report(valid={}, status={}, violations=<{} violations>, truncated={})",
            py_bool(r.valid),
            r.status,
            r.violations.len(),
            py_bool(r.truncated)
        )
    }
}

/// One reason the request would not be accepted (or, for a warning, a likely mistake). Immutable.
#[pyclass(frozen, eq, module = "kyc_rules")]
#[derive(PartialEq)]
struct Violation(kyc_rules::Violation);

#[pymethods]
impl Violation {
    /// The stable code, e.g. `"duplicate_document_id"` (`kyc_rules.explain(code)` documents it).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// `"error"` or `"warning"` (fixed per code).
    #[getter]
    fn severity(&self) -> &'static str {
        match self.0.severity {
            kyc_rules::Severity::Error => "error",
            kyc_rules::Severity::Warning => "warning",
        }
    }

    /// The HTTP status the provider would answer with; `None` for warnings.
    #[getter]
    fn status(&self) -> Option<u16> {
        self.0.status
    }

    /// RFC 6901 JSON Pointer with the wire names (`""` is the whole body), or `/customer_id` for the path parameter.
    #[getter]
    fn path(&self) -> &str {
        self.0.path()
    }

    /// Where `path` points: `"body"` (the JSON body) or `"path"` (a path parameter).
    #[getter]
    fn location(&self) -> &'static str {
        match self.0.location {
            kyc_rules::In::Body => "body",
            kyc_rules::In::Path => "path",
        }
    }

    /// An English sentence saying what to do. Never contains the submitted value.
    #[getter]
    fn message(&self) -> String {
        self.0.message().into_owned()
    }

    /// A derived fix when `validate(..., suggest=True)` found one; it may repeat personal data.
    #[getter]
    fn suggestion(&self) -> Option<&str> {
        self.0.suggestion.as_deref()
    }

    /// The parameters the message was built from (`{"min": "1"}`, ...), never submitted values.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, value) in self.0.params() {
            dict.set_item(name, value.as_ref())?;
        }
        Ok(dict)
    }

    /// The violation as in the JSON report: `code`, `severity`, `status`, `path`, `in`, `message`
    /// and, when there is one, `suggestion`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// `Violation(code=..., path=..., location=...)`.
    fn __repr__(&self) -> String {
        // Like the library's Debug: never the suggestion, which may hold personal data.
        let v = &self.0;
        format!("Violation(code={:?}, path={:?}, location={:?})", v.code.as_str(), v.path(), self.location())
    }
}

/// Validates one request and returns its `Report`.
///
/// - `kind`: `"create-individual-v2"`, `"attach-individual-v2"`, `"create-individual-v1"` or
///   `"attach-individual-v1"` (see `KINDS`).
/// - `body`: the raw body as `bytes` or `str`, or a JSON-serialisable mapping (serialised with
///   the `json` module, so it cannot show duplicate members).
/// - `context`: the CLI's context document (`today`, `client`, `customer`, `catalog`) as a
///   mapping or as JSON text; `None` for none.
/// - `customer_id`: the path parameter of `attach-individual-v2`, checked when given.
/// - `today`: a `datetime.date` or `"YYYY-MM-DD"`; overrides the context's. Without either,
///   today's UTC date, as in the CLI.
/// - `suggest`: attach derived fixes (`Violation.suggestion`); they may repeat personal data.
/// - `max_violations`: keep at most this many violations (default 1,000).
/// - `max_body_bytes`, `max_array_items`: the engine's input limits (default 1 MiB and 10,000).
///
/// Raises `ValueError` for an unknown kind, a malformed context or a bad date, with the CLI's
/// message. The GIL is released while the engine runs.
#[pyfunction]
#[pyo3(signature = (
    kind, body, *, context = None, customer_id = None, today = None, suggest = false,
    max_violations = None, max_body_bytes = None, max_array_items = None,
))]
#[allow(clippy::too_many_arguments)]
fn validate(
    py: Python<'_>,
    kind: &str,
    body: &Bound<'_, PyAny>,
    context: Option<&Bound<'_, PyAny>>,
    customer_id: Option<&str>,
    today: Option<&Bound<'_, PyAny>>,
    suggest: bool,
    max_violations: Option<usize>,
    max_body_bytes: Option<usize>,
    max_array_items: Option<usize>,
) -> PyResult<Report> {
    let kind = parse_kind(kind)?;
    let ctx = context_of(py, context, today)?;
    let opts = options(suggest, max_violations, max_body_bytes, max_array_items);
    with_body_bytes(py, body, |bytes| {
        let mut request = Request::json(kind, bytes);
        if let Some(id) = customer_id {
            request = request.with_customer_id(id);
        }
        py.detach(|| Report(kyc_rules::validate(request, &ctx, &opts)))
    })
}

/// What `migrate` returns when the V1 body cannot be read at all (as the CLI prints it).
#[derive(Serialize)]
struct Unreadable<'a> {
    request: Option<()>,
    notes: [(); 0],
    report: &'a kyc_rules::Report,
}

/// Migrates a V1 request to V2 and validates the result: what `kyc-rules migrate` prints.
///
/// Returns `{"request": <V2 body>, "customer_id": ... (attach only), "notes": [...],
/// "report": <V2 report>}`; when the V1 body cannot be read at all, `request` is `None` and the
/// report is the V1 report saying why. `kind` is `"create-individual-v1"` or
/// `"attach-individual-v1"`; `body`, `context`, `today`, `suggest` and `max_violations` are as
/// for `validate`.
#[pyfunction]
#[pyo3(signature = (kind, body, *, context = None, today = None, suggest = false, max_violations = None))]
fn migrate<'py>(
    py: Python<'py>,
    kind: &str,
    body: &Bound<'py, PyAny>,
    context: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
    suggest: bool,
    max_violations: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let kind = parse_kind(kind)?;
    if !matches!(kind, RequestKind::CreateIndividualV1 | RequestKind::AttachIndividualV1) {
        return Err(PyValueError::new_err(format!("migrate takes a V1 request kind, not {kind}")));
    }
    let ctx = context_of(py, context, today)?;
    let opts = options(suggest, max_violations, None, None);
    let outcome = with_body_bytes(py, body, |bytes| {
        py.detach(|| kyc_rules::migrate::migrate(Request::json(kind, bytes), &ctx, &opts))
    })?;
    match outcome {
        Ok(m) => to_python(py, &m),
        Err(MigrateError::Unreadable(report)) => {
            to_python(py, &Unreadable { request: None, notes: [], report: &report })
        }
        Err(e) => Err(PyValueError::new_err(e.to_string())),
    }
}

/// The rule catalogue, as `kyc-rules rules` prints it: one dict per rule with its `name`,
/// `codes` (code, severity, status), `kinds`, `summary`, `what`, `why`, examples and `source`.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &kyc_rules::catalog::catalog())
}

/// The Markdown documentation of the rule that emits `code`: what `kyc-rules explain CODE` prints.
///
/// Raises `ValueError` for an unknown code.
#[pyfunction]
fn explain(code: &str) -> PyResult<String> {
    let doc = kyc_rules::Code::from_wire(code)
        .and_then(kyc_rules::catalog::explain)
        .ok_or_else(|| PyValueError::new_err(format!("unknown code {code:?}; kyc_rules.rules() lists them")))?;
    Ok(kyc_rules::catalog::rule_markdown(&doc))
}

/// The engine's options: the defaults, but for the limits given.
fn options(
    suggest: bool,
    max_violations: Option<usize>,
    max_body_bytes: Option<usize>,
    max_array_items: Option<usize>,
) -> Options {
    let mut opts = Options::default().with_suggestions(suggest);
    if let Some(n) = max_violations {
        opts = opts.with_max_violations(n);
    }
    if let Some(n) = max_body_bytes {
        opts = opts.with_max_body_bytes(n);
    }
    if let Some(n) = max_array_items {
        opts = opts.with_max_array_items(n);
    }
    opts
}

/// The request kind with this wire name, or the CLI's error.
fn parse_kind(name: &str) -> PyResult<RequestKind> {
    RequestKind::from_wire(name).ok_or_else(|| {
        let known: Vec<&str> = RequestKind::ALL.iter().map(|k| k.as_str()).collect();
        PyValueError::new_err(format!("unknown request kind {name:?}; known kinds: {}", known.join(", ")))
    })
}

/// The context from `context` and `today`, with today's UTC date as the last resort (as in the CLI).
fn context_of(
    py: Python<'_>,
    context: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<Context> {
    let mut ctx = match context {
        None => Context::default(),
        Some(c) => {
            let text = json_text(py, c)?;
            Context::from_json(&text)
                .map_err(|e| PyValueError::new_err(format!("context is not a valid context: {e}")))?
        }
    };
    if let Some(t) = today {
        ctx.today = Some(date_of(py, t)?);
    }
    if ctx.today.is_none() {
        ctx.today = Some(utc_today()?);
    }
    Ok(ctx)
}

/// A `datetime.date` (a `datetime` counts by its date) or a `YYYY-MM-DD` string.
fn date_of(py: Python<'_>, today: &Bound<'_, PyAny>) -> PyResult<Date> {
    static DATE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    if let Ok(s) = today.cast::<PyString>() {
        let s = s.to_cow()?;
        return Date::parse(&s).map_err(|e| PyValueError::new_err(format!("today {s:?}: {e}")));
    }
    if !today.is_instance(DATE.import(py, "datetime", "date")?)? {
        let kind = today.get_type().name()?;
        return Err(PyTypeError::new_err(format!("today takes a datetime.date or a YYYY-MM-DD string, not {kind}")));
    }
    let part = |name: &str| today.getattr(name)?.extract::<u16>();
    let (year, month, day) = (part("year")?, part("month")?, part("day")?);
    // Python dates are always real calendar dates; only years outside the engine's range fail.
    Date::new(year, month as u8, day as u8)
        .ok_or_else(|| PyValueError::new_err(format!("today {year:04}-{month:02}-{day:02}: out of range")))
}

fn utc_today() -> PyResult<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| PyValueError::new_err("the system clock is before 1970"))?
        .as_secs();
    Date::from_days_since_unix_epoch((secs / 86_400) as i64)
        .ok_or_else(|| PyValueError::new_err("the system clock is out of range"))
}

/// JSON text for `obj`: a `str` or `bytes` as it is, anything else through `json.dumps`.
fn json_text(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    with_body_bytes(py, obj, |bytes| String::from_utf8(bytes.to_vec()))?
        .map_err(|e| PyValueError::new_err(format!("the JSON text is not UTF-8: {e}")))
}

/// Calls `f` with the bytes of a body: `bytes` as they are, `bytearray` and `str` (UTF-8)
/// copied, anything else serialised by `json.dumps` (compact, UTF-8, no NaN or infinity).
fn with_body_bytes<R>(py: Python<'_>, body: &Bound<'_, PyAny>, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    if let Ok(b) = body.cast::<PyBytes>() {
        return Ok(f(b.as_bytes()));
    }
    if let Ok(b) = body.cast::<PyByteArray>() {
        return Ok(f(&b.to_vec()));
    }
    if let Ok(s) = body.cast::<PyString>() {
        return Ok(f(s.to_cow()?.as_bytes()));
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("ensure_ascii", false)?;
    kwargs.set_item("allow_nan", false)?;
    kwargs.set_item("separators", (",", ":"))?;
    let text = DUMPS.import(py, "json", "dumps")?.call((body,), Some(&kwargs))?;
    Ok(f(text.cast::<PyString>()?.to_cow()?.as_bytes()))
}

/// A serde value as Python objects, through its JSON text and `json.loads`, so that dicts keep
/// the members in the order the CLI prints them.
fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let text = serde_json::to_string(value).map_err(serialisation_error)?;
    LOADS.import(py, "json", "loads")?.call1((text,))
}

fn serialisation_error(e: serde_json::Error) -> PyErr {
    PyValueError::new_err(format!("cannot serialise: {e}"))
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}
