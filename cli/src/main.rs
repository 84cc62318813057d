//! `kyc-rules`: the command-line front end of the kyc-rules library.
//!
//! All I/O lives here: reading bodies, context files and JSON Lines, the
//! clock for the default `--today`, and writing reports.

use kyc_rules::{validate, Context, Date, Options, Report, Request, RequestKind};
use kyc_rules_cli::{batch_line, migrate_output, parse_kind, split_lines, LineResult};
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
kyc-rules: check KYC onboarding requests before they are sent

USAGE:
    kyc-rules check --request KIND [--customer-id UUID] [--context FILE] [--today YYYY-MM-DD] [--suggest]
                    [--max-violations N] [--format json|text] [FILE|-]
    kyc-rules migrate --request create-individual-v1|attach-individual-v1 [--context FILE] [--today YYYY-MM-DD]
                      [--suggest] [--max-violations N] [FILE|-]
    kyc-rules rules [--format json|markdown]
    kyc-rules explain CODE
    kyc-rules batch [--context FILE] [--today YYYY-MM-DD] [--suggest] [--max-violations N] [--threads N] [FILE|-]

KIND:
    create-individual-v2      POST /v2/customers/individual
    attach-individual-v2      POST /v2/customers/{customer_id}/individual/attach
    create-individual-v1      POST /v1/customers/individual
    attach-individual-v1      POST /v1/customers/individual/attach

check prints one JSON report; exit 0 valid, 1 invalid, 2 usage or I/O error.
migrate prints {\"request\": <V2 body>, \"customer_id\"?: ..., \"notes\": [...], \"report\": <V2 report>};
exit 0 when the V2 request is valid, 1 otherwise, 2 on a usage or I/O error.
batch reads JSON Lines envelopes {\"request\": KIND, \"body\": {...} | \"body_text\": \"...\", \"context\": {...}, \"customer_id\": \"...\"}
and writes one report per line, in input order (with \"migrate\": true, a V1 envelope gets the migrate output);
exit 0 when all are valid, 1 otherwise, 2 on a usage or I/O error.
--today overrides the context's date; without either, today's UTC date is used.
--max-violations N keeps the first N violations of a report (default 1000; \"truncated\": true when more were found).
A flag a command does not take is a usage error.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("kyc-rules: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The flags of every command, parsed.
#[derive(Default)]
struct Flags {
    request: Option<String>,
    customer_id: Option<String>,
    context: Option<String>,
    today: Option<String>,
    suggest: bool,
    threads: Option<usize>,
    max_violations: Option<usize>,
    format: Option<String>,
    input: Option<String>,
}

/// Every flag, and whether it takes a value.
const FLAGS: &[(&str, bool)] = &[
    ("--request", true),
    ("--customer-id", true),
    ("--context", true),
    ("--today", true),
    ("--suggest", false),
    ("--threads", true),
    ("--max-violations", true),
    ("--format", true),
];

/// The flags a command takes, and whether it takes an input file.
fn accepted(command: &str) -> (&'static [&'static str], bool) {
    match command {
        "check" => {
            (&["--request", "--customer-id", "--context", "--today", "--suggest", "--max-violations", "--format"], true)
        }
        "batch" => (&["--context", "--today", "--suggest", "--max-violations", "--threads"], true),
        "migrate" => (&["--request", "--context", "--today", "--suggest", "--max-violations"], true),
        "rules" => (&["--format"], false),
        _ => (&[], false),
    }
}

fn whole_number(flag: &str, v: &str) -> Result<usize, String> {
    v.parse().map_err(|_| format!("{flag} takes a whole number, not {v:?}"))
}

/// Reads `command`'s flags: an unknown flag, and a flag the command does not take, are usage errors.
fn parse_flags(command: &str, args: &[String]) -> Result<Flags, String> {
    let (takes, takes_input) = accepted(command);
    let mut f = Flags::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(&(name, has_value)) = FLAGS.iter().find(|(name, _)| name == arg) {
            if !takes.contains(&name) {
                let why = match (command, name) {
                    ("batch", "--request" | "--customer-id") => {
                        "; it takes the request kind and customer_id from each envelope"
                    }
                    _ => "",
                };
                return Err(format!("{command} does not take {name}{why}; see --help"));
            }
            let value = if has_value {
                it.next().ok_or_else(|| format!("{name} needs a value"))?.clone()
            } else {
                String::new()
            };
            match name {
                "--request" => f.request = Some(value),
                "--customer-id" => f.customer_id = Some(value),
                "--context" => f.context = Some(value),
                "--today" => f.today = Some(value),
                "--suggest" => f.suggest = true,
                "--threads" => f.threads = Some(whole_number(name, &value)?.max(1)),
                "--max-violations" => f.max_violations = Some(whole_number(name, &value)?),
                "--format" => f.format = Some(value),
                _ => unreachable!("every flag of FLAGS is read"),
            }
        } else if arg.starts_with("--") {
            return Err(format!("unknown flag {arg}; see --help"));
        } else if !takes_input {
            return Err(format!("{command} takes no input file, not {arg:?}; see --help"));
        } else if f.input.replace(arg.clone()).is_some() {
            return Err("give at most one input file".to_owned());
        }
    }
    Ok(f)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_owned());
    };
    if rest.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    match command.as_str() {
        "check" => check(&parse_flags(command, rest)?),
        "batch" => batch(&parse_flags(command, rest)?),
        "migrate" => migrate_command(&parse_flags(command, rest)?),
        "rules" => rules_command(&parse_flags(command, rest)?),
        "explain" => explain_command(rest),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("kyc-rules {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}; see --help")),
    }
}

fn rules_command(flags: &Flags) -> Result<ExitCode, String> {
    let text = match flags.format.as_deref().unwrap_or("json") {
        "json" => serde_json::to_string_pretty(&kyc_rules::catalog::catalog()).map_err(|e| e.to_string())? + "\n",
        "markdown" => kyc_rules::catalog::markdown(),
        other => return Err(format!("rules takes --format json or markdown, not {other:?}")),
    };
    io::stdout().write_all(text.as_bytes()).map_err(|e| format!("cannot write: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn explain_command(args: &[String]) -> Result<ExitCode, String> {
    if let Some(flag) = args.iter().find(|a| a.starts_with("--")) {
        return Err(if FLAGS.iter().any(|(name, _)| name == flag) {
            format!("explain does not take {flag}; see --help")
        } else {
            format!("unknown flag {flag}; see --help")
        });
    }
    let [code] = args else {
        return Err("explain takes one code, e.g. kyc-rules explain duplicate_document_id".to_owned());
    };
    let doc = kyc_rules::Code::from_wire(code)
        .and_then(kyc_rules::catalog::explain)
        .ok_or_else(|| format!("unknown code {code:?}; kyc-rules rules lists them"))?;
    io::stdout()
        .write_all(kyc_rules::catalog::rule_markdown(&doc).as_bytes())
        .map_err(|e| format!("cannot write: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    match path {
        None | Some("-") => {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        }
        Some(p) => std::fs::read(p).map_err(|e| format!("cannot read {p}: {e}")),
    }
}

/// The context from `--context` and `--today`, with today's UTC date as the last resort.
fn base_context(flags: &Flags) -> Result<Context, String> {
    let mut ctx = match &flags.context {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("cannot read context {p}: {e}"))?;
            Context::from_json(&text).map_err(|e| format!("context {p} is not a valid context: {e}"))?
        }
        None => Context::default(),
    };
    if let Some(t) = &flags.today {
        ctx.today = Some(Date::parse(t).map_err(|e| format!("--today {t:?}: {e}"))?);
    }
    if ctx.today.is_none() {
        ctx.today = Some(utc_today()?);
    }
    Ok(ctx)
}

fn utc_today() -> Result<Date, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| "the system clock is before 1970".to_owned())?
        .as_secs();
    Date::from_days_since_unix_epoch((secs / 86_400) as i64)
        .ok_or_else(|| "the system clock is out of range".to_owned())
}

fn options(flags: &Flags) -> Options {
    let opts = Options::default().with_suggestions(flags.suggest);
    match flags.max_violations {
        Some(n) => opts.with_max_violations(n),
        None => opts,
    }
}

fn check(flags: &Flags) -> Result<ExitCode, String> {
    let kind = parse_kind(flags.request.as_deref().ok_or("check needs --request KIND")?)?;
    let ctx = base_context(flags)?;
    let body = read_input(flags.input.as_deref())?;
    let mut request = Request::json(kind, &body);
    if let Some(id) = &flags.customer_id {
        request = request.with_customer_id(id);
    }
    let report = validate(request, &ctx, &options(flags));
    let out = match flags.format.as_deref().unwrap_or("json") {
        "json" => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        "text" => text_report(&report, colour(&io::stdout())),
        other => return Err(format!("check takes --format json or text, not {other:?}")),
    };
    io::stdout().write_all(out.as_bytes()).map_err(|e| format!("cannot write the report: {e}"))?;
    Ok(if report.valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn migrate_command(flags: &Flags) -> Result<ExitCode, String> {
    let kind = parse_kind(
        flags.request.as_deref().ok_or("migrate needs --request create-individual-v1|attach-individual-v1")?,
    )?;
    if !matches!(kind, RequestKind::CreateIndividualV1 | RequestKind::AttachIndividualV1) {
        return Err(format!("migrate takes a V1 request kind, not {kind}"));
    }
    let ctx = base_context(flags)?;
    let body = read_input(flags.input.as_deref())?;
    let (mut text, report) = migrate_output(Request::json(kind, &body), &ctx, &options(flags), true)?;
    let valid = report.valid;
    text.push('\n');
    io::stdout().write_all(text.as_bytes()).map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(if valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Whether to colour output for this stream: a terminal, and `NO_COLOR` unset.
fn colour(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The report for people: violations grouped by path, one line each, and a summary line.
fn text_report(report: &Report, colour: bool) -> String {
    let paint = |code: &str, text: &str| if colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() };
    let mut out = String::new();
    let mut last_path: Option<(&str, kyc_rules::In)> = None;
    for v in &report.violations {
        if last_path != Some((v.path(), v.location)) {
            let place = match v.location {
                kyc_rules::In::Body if v.path().is_empty() => "(body)".to_owned(),
                kyc_rules::In::Body => v.path().to_owned(),
                kyc_rules::In::Path => format!("{} (path parameter)", v.path()),
            };
            out.push_str(&paint("1", &place));
            out.push('\n');
            last_path = Some((v.path(), v.location));
        }
        let severity = match v.severity {
            kyc_rules::Severity::Error => paint("31", "error  "),
            kyc_rules::Severity::Warning => paint("33", "warning"),
        };
        out.push_str(&format!("  {severity} {}: {}\n", v.code, v.message()));
        if let Some(suggestion) = &v.suggestion {
            out.push_str(&format!("          suggestion: {suggestion}\n"));
        }
    }
    let errors = report.errors().count();
    let warnings = report.violations.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let verdict = if report.valid { paint("32", "valid") } else { paint("31", "invalid") };
    out.push_str(&format!(
        "{verdict} (status {}): {}, {}",
        report.status,
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    if report.truncated {
        out.push_str(&format!("; showing {} of {} violations", report.violations.len(), report.total));
    }
    out.push('\n');
    out
}

fn batch(flags: &Flags) -> Result<ExitCode, String> {
    let base = base_context(flags)?;
    let opts = options(flags);
    let threads = flags.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut reader: Box<dyn Read> = match flags.input.as_deref() {
        None | Some("-") => Box::new(io::stdin()),
        Some(p) => Box::new(std::fs::File::open(p).map_err(|e| format!("cannot read {p}: {e}"))?),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let progress = io::stderr().is_terminal();
    // Read the input in large byte blocks cut at line ends; the workers parse, validate and
    // serialise whole lines, so the main thread only splits bytes and writes buffers.
    const BLOCK_BYTES: u64 = 4 << 20;
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let read =
            (&mut reader).take(BLOCK_BYTES).read_to_end(&mut pending).map_err(|e| format!("cannot read input: {e}"))?;
        let eof = read == 0;
        // Process up to the last complete line (everything at the end of the input).
        let cut = if eof { pending.len() } else { pending.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) };
        if cut > 0 {
            let lines = split_lines(&pending[..cut]);
            for (text, part) in run_block(&lines, &base, &opts, threads)? {
                summary.merge(part);
                out.write_all(&text).map_err(|e| format!("cannot write: {e}"))?;
            }
            if progress && summary.valid + summary.invalid > 0 {
                eprint!("\r{}", summary.progress());
            }
            pending.drain(..cut);
        }
        if eof {
            break;
        }
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    if progress {
        eprintln!();
    }
    eprintln!("{}", summary.closing());
    Ok(if summary.invalid == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Counts for the closing summary of a batch.
#[derive(Default)]
struct Summary {
    valid: usize,
    invalid: usize,
    /// Reports that left violations out (`--max-violations`).
    truncated: usize,
    by_code: std::collections::BTreeMap<&'static str, usize>,
}

impl Summary {
    fn add(&mut self, line: &LineResult) {
        if line.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        self.truncated += usize::from(line.truncated);
        for code in &line.codes {
            *self.by_code.entry(code).or_default() += 1;
        }
    }

    fn merge(&mut self, other: Summary) {
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.truncated += other.truncated;
        for (code, n) in other.by_code {
            *self.by_code.entry(code).or_default() += n;
        }
    }

    fn progress(&self) -> String {
        let done = self.valid + self.invalid;
        let bar = "#".repeat((done.ilog2() as usize).min(30)) + &" ".repeat(30 - (done.ilog2() as usize).min(30));
        format!("[{bar}] {done} requests, {} invalid", self.invalid)
    }

    fn closing(&self) -> String {
        let mut s =
            format!("batch: {} requests, {} valid, {} invalid", self.valid + self.invalid, self.valid, self.invalid);
        if !self.by_code.is_empty() {
            let codes: Vec<String> = self.by_code.iter().map(|(c, n)| format!("{c} {n}")).collect();
            s.push_str(&format!("; by code: {}", codes.join(", ")));
        }
        if self.truncated > 0 {
            let reports = if self.truncated == 1 { "report" } else { "reports" };
            s.push_str(&format!("; {} {reports} truncated (--max-violations)", self.truncated));
        }
        s
    }
}

/// Validates a block of lines on `threads` threads: per thread, in input order, the output
/// text (one report per line) and the counts.
fn run_block(
    lines: &[&[u8]],
    base: &Context,
    opts: &Options,
    threads: usize,
) -> Result<Vec<(Vec<u8>, Summary)>, String> {
    let chunk = lines.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut text = Vec::new();
                    let mut summary = Summary::default();
                    for line in part {
                        let result = batch_line(line, base, opts);
                        summary.add(&result);
                        text.extend_from_slice(result.text.as_bytes());
                        text.push(b'\n');
                    }
                    (text, summary)
                })
            })
            .collect();
        // A worker that panicked would lose its lines: stop rather than write a short output.
        handles.into_iter().map(|h| h.join().map_err(|_| "a validation thread failed".to_owned())).collect()
    })
}
