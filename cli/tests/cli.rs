//! Drives the `kyc-rules` binary: flags, exit codes, batch order.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kyc-rules"))
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/create-individual-v2.json")
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // The process may exit before reading its input (usage errors): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn check_accepts_the_documented_example() {
    let ex = example();
    let out = run(&["check", "--request", "create-individual-v2", "--today", "2026-11-26", ex.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out), serde_json::json!({"valid": true, "status": 200, "violations": [], "truncated": false}));
}

#[test]
fn check_reports_an_invalid_body_from_stdin_with_exit_1() {
    let body = std::fs::read_to_string(example()).unwrap().replace("\"FEMALE\"", "\"female\"");
    let out = run(&["check", "--request", "create-individual-v2", "--today", "2026-11-26", "-"], &body);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["valid"], false);
    assert_eq!(report["status"], 422);
    assert_eq!(report["violations"][0]["code"], "invalid_enum");
    assert_eq!(report["violations"][0]["path"], "/basic_info/gender");
    assert_eq!(report["violations"][0]["in"], "body");
    assert_eq!(report["violations"][0]["severity"], "error");
    assert!(report["violations"][0].get("suggestion").is_none());
}

#[test]
fn today_comes_from_the_flag_over_the_context() {
    let dir = std::env::temp_dir().join(format!("kyc-rules-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ctx = dir.join("ctx.json");
    std::fs::write(&ctx, r#"{"today": "2000-01-01", "client": {"reliance_enabled": false}}"#).unwrap();
    let body = std::fs::read_to_string(example()).unwrap().replace("\"STANDARD\"", "\"RELIANCE\"");
    // In 2000 the person (born 1990) is 9, and RELIANCE is disabled: 423 wins over 422.
    let out = run(&["check", "--request", "create-individual-v2", "--context", ctx.to_str().unwrap()], &body);
    let report = json(&out);
    assert_eq!(report["status"], 423);
    let codes: Vec<&str> =
        report["violations"].as_array().unwrap().iter().map(|v| v["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["age_out_of_range", "reliance_not_enabled"]); // ordered by path
    let out = run(
        &["check", "--request", "create-individual-v2", "--context", ctx.to_str().unwrap(), "--today", "2026-11-26"],
        &body,
    );
    let codes: Vec<String> =
        json(&out)["violations"].as_array().unwrap().iter().map(|v| v["code"].as_str().unwrap().to_owned()).collect();
    assert_eq!(codes, ["reliance_not_enabled"]);
}

#[test]
fn suggest_flag_adds_suggestions() {
    let body = std::fs::read_to_string(example()).unwrap().replace("\"US-CA\"", "\"CA\"");
    let out = run(&["check", "--request", "create-individual-v2", "--today", "2026-11-26", "--suggest"], &body);
    let report = json(&out);
    assert_eq!(report["violations"][0]["code"], "unknown_subdivision");
    assert_eq!(report["violations"][0]["suggestion"], "US-CA");
}

#[test]
fn usage_and_io_errors_exit_2_with_one_clear_line() {
    for (args, needle) in [
        (vec!["check"], "--request"),
        (vec!["check", "--request", "nope"], "unknown request kind"),
        (vec!["check", "--request", "create-individual-v2", "/no/such/file.json"], "cannot read"),
        (vec!["check", "--request", "create-individual-v2", "--today", "2026-02-30"], "--today"),
        (vec!["check", "--request", "create-individual-v2", "--context", "/no/such/ctx.json"], "cannot read context"),
        (vec!["check", "--bogus"], "unknown flag"),
        (vec!["frobnicate"], "unknown command"),
    ] {
        let out = run(&args, "{}");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn batch_keeps_input_order_and_reports_bad_envelopes() {
    let example = std::fs::read_to_string(example()).unwrap();
    let body: serde_json::Value = serde_json::from_str(&example).unwrap();
    let mut lines = Vec::new();
    for i in 0..300 {
        let line = match i % 5 {
            0 => serde_json::json!({"request": "create-individual-v2", "body": body}).to_string(),
            1 => serde_json::json!({"request": "create-individual-v2", "body_text": "{not json"}).to_string(),
            2 => "this is not an envelope".to_owned(),
            3 => {
                serde_json::json!({"request": "create-individual-v2", "body": body, "context": {"today": "2000-01-01"}})
                    .to_string()
            }
            _ => serde_json::json!({"request": "create-individual-v2", "body": {}}).to_string(),
        };
        lines.push(line);
    }
    let out = run(&["batch", "--today", "2026-11-26", "--threads", "2"], &(lines.join("\n") + "\n"));
    assert_eq!(out.status.code(), Some(1));
    let reports: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(reports.len(), 300);
    for (i, r) in reports.iter().enumerate() {
        match i % 5 {
            0 => assert_eq!(r["status"], 200, "line {i}"),
            1 => assert_eq!(r["violations"][0]["code"], "malformed_json", "line {i}"),
            2 => assert!(r["error"].as_str().unwrap().contains("envelope"), "line {i}"),
            3 => assert_eq!(r["violations"][0]["code"], "age_out_of_range", "line {i}"),
            _ => assert_eq!(r["violations"].as_array().unwrap().len(), 4, "line {i}"),
        }
    }
}

#[test]
fn batch_of_valid_requests_exits_0() {
    let example = std::fs::read_to_string(example()).unwrap();
    let body: serde_json::Value = serde_json::from_str(&example).unwrap();
    let line = serde_json::json!({"request": "create-individual-v2", "body": body}).to_string();
    let out = run(&["batch", "--today", "2026-11-26"], &format!("{line}\n{line}\n"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn batch_body_is_validated_byte_for_byte() {
    // A duplicate member inside the envelope's body must reach the validator as it was written.
    let line = r#"{"request": "create-individual-v2", "body": {"verification_type": "STANDARD", "verification_type": "RELIANCE"}}"#;
    let out = run(&["batch", "--today", "2026-11-26"], line);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let dup = report["violations"].as_array().unwrap().iter().any(|v| v["code"] == "duplicate_key");
    assert!(dup, "{report}");
}

#[test]
fn check_attach_with_customer_id_and_context() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let body = root.join("examples/attach-individual-v2.json");
    let ctx = root.join("examples/attach-context.json");
    let base =
        ["check", "--request", "attach-individual-v2", "--today", "2026-11-26", "--context", ctx.to_str().unwrap()];
    let mut args = base.to_vec();
    args.extend(["--customer-id", "55bd6b4e-c20a-4cc8-9535-91d5557a67d9", body.to_str().unwrap()]);
    let out = run(&args, "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));

    let mut args = base.to_vec();
    args.extend(["--customer-id", "not-a-uuid", body.to_str().unwrap()]);
    let report = json(&run(&args, ""));
    assert_eq!(report["violations"][0]["code"], "invalid_uuid");
    assert_eq!(report["violations"][0]["in"], "path");
    assert_eq!(report["violations"][0]["path"], "/customer_id");
}

#[test]
fn batch_carries_customer_id_per_envelope() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let body: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("examples/attach-individual-v2.json")).unwrap())
            .unwrap();
    let ctx: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("examples/attach-context.json")).unwrap()).unwrap();
    let ok = serde_json::json!({"request": "attach-individual-v2", "body": body, "context": ctx,
        "customer_id": "55bd6b4e-c20a-4cc8-9535-91d5557a67d9"});
    let bad = serde_json::json!({"request": "attach-individual-v2", "body": body, "context": ctx, "customer_id": "x"});
    let out = run(&["batch", "--today", "2026-11-26"], &format!("{ok}\n{bad}\n"));
    let reports: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(reports[0]["valid"], true, "{}", reports[0]);
    assert_eq!(reports[1]["violations"][0]["code"], "invalid_uuid");
}

#[test]
fn migrate_prints_the_v2_request_notes_and_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let v1 = root.join("examples/create-individual-v1.json");
    let out = run(&["migrate", "--request", "create-individual-v1", "--today", "2026-11-26", v1.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1), "employment_status is missing, so the V2 request is invalid");
    let m = json(&out);
    assert_eq!(m["request"]["basic_info"]["primary_nationality"], "USA");
    assert_eq!(m["request"]["basic_info"]["tax_info"][0]["document_type"], "SSN");
    assert_eq!(m["report"]["violations"].as_array().unwrap().len(), 1);
    assert_eq!(m["report"]["violations"][0]["path"], "/financial_profile/employment_status");
    assert!(m["notes"].as_array().unwrap().iter().any(|n| n["code"] == "employment_status_required"));

    let v1 = root.join("examples/attach-individual-v1.json");
    let out = run(&["migrate", "--request", "attach-individual-v1", "--today", "2026-11-26", v1.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0));
    let m = json(&out);
    assert_eq!(m["customer_id"], "0ca13984-63f3-45d7-99a7-52b9133f0259");
    assert!(m["request"].get("customer_id").is_none());

    let out = run(&["migrate", "--request", "create-individual-v2"], "{}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn batch_migrates_envelopes_that_ask_for_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let body: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("examples/create-individual-v1.json")).unwrap())
            .unwrap();
    let migrate = serde_json::json!({"request": "create-individual-v1", "body": body, "migrate": true});
    let check = serde_json::json!({"request": "create-individual-v1", "body": body});
    let out = run(&["batch", "--today", "2026-11-26"], &format!("{migrate}\n{check}\n"));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["report"]["violations"][0]["path"], "/financial_profile/employment_status");
    assert_eq!(lines[1]["valid"], true);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn text_format_groups_by_path_and_ends_with_a_summary() {
    let body =
        std::fs::read_to_string(example()).unwrap().replace("\"FEMALE\"", "\"female\"").replace("\"US-CA\"", "\"CA\"");
    let out = run(&["check", "--request", "create-individual-v2", "--today", "2026-11-26", "--format", "text"], &body);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "/address/subdivision_code");
    assert!(lines[1].starts_with("  error   unknown_subdivision: "), "{}", lines[1]);
    assert_eq!(lines[2], "/basic_info/gender");
    assert!(lines[3].starts_with("  error   invalid_enum: "), "{}", lines[3]);
    assert_eq!(lines[4], "invalid (status 422): 2 errors, 0 warnings");
    assert!(!text.contains('\x1b'), "no colour when stdout is not a terminal");
    let out = run(&["check", "--request", "create-individual-v2", "--format", "yaml"], "{}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn batch_closes_with_a_summary_on_stderr() {
    let example = std::fs::read_to_string(example()).unwrap();
    let body: serde_json::Value = serde_json::from_str(&example).unwrap();
    let ok = serde_json::json!({"request": "create-individual-v2", "body": body});
    let empty = serde_json::json!({"request": "create-individual-v2", "body": {}});
    let out = run(&["batch", "--today", "2026-11-26"], &format!("{ok}\n{empty}\nnot an envelope\n"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim_end(),
        "batch: 3 requests, 1 valid, 2 invalid; by code: envelope_error 1, required 4",
        "no progress bar when stderr is not a terminal"
    );
}

/// Every flag, with a value the commands that take it accept.
const FLAG_VALUES: &[(&str, Option<&str>)] = &[
    ("--request", Some("create-individual-v2")),
    ("--customer-id", Some("55bd6b4e-c20a-4cc8-9535-91d5557a67d9")),
    ("--context", None), // a context file, written by the test
    ("--today", Some("2026-11-26")),
    ("--suggest", None),
    ("--threads", Some("2")),
    ("--max-violations", Some("5")),
    ("--format", Some("json")),
];

/// The flags each command takes, and the arguments it needs besides them.
const COMMANDS: &[(&str, &[&str], &[&str])] = &[
    (
        "check",
        &["--request", "--customer-id", "--context", "--today", "--suggest", "--max-violations", "--format"],
        &["--request", "create-individual-v2"],
    ),
    ("batch", &["--context", "--today", "--suggest", "--max-violations", "--threads"], &[]),
    (
        "migrate",
        &["--request", "--context", "--today", "--suggest", "--max-violations"],
        &["--request", "create-individual-v1"],
    ),
    ("rules", &["--format"], &[]),
    ("explain", &[], &["required"]),
];

fn context_file() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kyc-rules-cli-flags-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ctx = dir.join("ctx.json");
    std::fs::write(&ctx, r#"{"today": "2026-11-26"}"#).unwrap();
    ctx
}

fn flag_args<'a>(flag: &'a str, command: &str, ctx: &'a str) -> Vec<&'a str> {
    let value = match (flag, command) {
        ("--context", _) => Some(ctx),
        ("--request", "migrate") => Some("create-individual-v1"),
        ("--format", "rules") => Some("markdown"),
        _ => FLAG_VALUES.iter().find(|(f, _)| *f == flag).unwrap().1,
    };
    let mut args = vec![flag];
    args.extend(value);
    args
}

#[test]
fn a_flag_a_command_does_not_take_is_a_usage_error() {
    let ctx = context_file();
    let ctx = ctx.to_str().unwrap();
    let mut rejected = 0;
    for (command, takes, needs) in COMMANDS {
        for (flag, _) in FLAG_VALUES {
            if takes.contains(flag) || needs.contains(flag) {
                continue;
            }
            let mut args = vec![*command];
            args.extend_from_slice(needs);
            args.extend(flag_args(flag, command, ctx));
            let out = run(&args, "{}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(&format!("{command} does not take {flag}")), "{args:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            assert!(out.stdout.is_empty(), "{args:?}");
            rejected += 1;
        }
    }
    assert_eq!(rejected, 1 + 3 + 3 + 7 + 8, "check, batch, migrate, rules, explain");
    // batch says where the request kind comes from.
    let out = run(&["batch", "--request", "create-individual-v2"], "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("from each envelope"));
    // Commands without an input file refuse one; unknown flags stay unknown.
    for args in [&["rules", "x.json"][..], &["explain", "required", "--bogus"], &["batch", "--bogus"]] {
        let out = run(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn every_flag_a_command_takes_is_accepted() {
    let ctx = context_file();
    let ctx = ctx.to_str().unwrap();
    let example = std::fs::read_to_string(example()).unwrap();
    let v1 =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/create-individual-v1.json"))
            .unwrap();
    let line = serde_json::json!({"request": "create-individual-v2", "body": serde_json::from_str::<serde_json::Value>(&example).unwrap()});
    for (command, takes, needs) in COMMANDS {
        let stdin = match *command {
            "migrate" => v1.clone(),
            "batch" => line.to_string(),
            _ => example.clone(),
        };
        for flag in *takes {
            let mut args = vec![*command];
            if !needs.contains(flag) {
                args.extend_from_slice(needs);
            }
            args.extend(flag_args(flag, command, ctx));
            let out = run(&args, &stdin);
            assert_ne!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// The example with four violations: two enums, a bare subdivision code, an uppercase email.
fn four_violations() -> String {
    std::fs::read_to_string(example())
        .unwrap()
        .replace("\"FEMALE\"", "\"female\"")
        .replace("\"US-CA\"", "\"CA\"")
        .replace("\"STANDARD\"", "\"standard\"")
        .replace("\"EMPLOYED\"", "\"employed\"")
}

#[test]
fn max_violations_bounds_the_check_report_and_says_so() {
    let base = ["check", "--request", "create-individual-v2", "--today", "2026-11-26"];
    let full = json(&run(&base, &four_violations()));
    let all = full["violations"].as_array().unwrap().clone();
    assert_eq!(all.len(), 4, "{full}");
    assert_eq!(full["truncated"], false);

    let out = run(&[&base[..], &["--max-violations", "2"]].concat(), &four_violations());
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["violations"].as_array().unwrap()[..], all[..2], "the first two in report order");
    assert_eq!(report["truncated"], true);
    assert_eq!((&report["valid"], &report["status"]), (&full["valid"], &full["status"]));

    // At the bound exactly, nothing is left out.
    let report = json(&run(&[&base[..], &["--max-violations", "4"]].concat(), &four_violations()));
    assert_eq!((report["violations"].as_array().unwrap().len(), &report["truncated"]), (4, &false.into()));

    // 0 keeps the verdict alone.
    let out = run(&[&base[..], &["--max-violations", "0"]].concat(), &four_violations());
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!((report["violations"].as_array().unwrap().len(), &report["truncated"]), (0, &true.into()));
    assert_eq!(report["status"], 422);

    let text = run(&[&base[..], &["--max-violations", "2", "--format", "text"]].concat(), &four_violations());
    let text = String::from_utf8(text.stdout).unwrap();
    assert_eq!(text.lines().last().unwrap(), "invalid (status 422): 2 errors, 0 warnings; showing 2 of 4 violations");
    let text = run(&[&base[..], &["--format", "text"]].concat(), &four_violations());
    assert!(!String::from_utf8(text.stdout).unwrap().contains("showing"), "not truncated: no \"showing\"");

    for bad in ["-1", "many", ""] {
        let out = run(&[&base[..], &["--max-violations", bad]].concat(), "{}");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--max-violations takes a whole number"));
    }
}

#[test]
fn max_violations_bounds_every_batch_report_and_migrate() {
    let body: serde_json::Value = serde_json::from_str(&four_violations()).unwrap();
    let bad = serde_json::json!({"request": "create-individual-v2", "body": body});
    let ok = serde_json::json!({"request": "create-individual-v2", "body": serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(example()).unwrap()).unwrap()});
    let input = format!("{bad}\n{ok}\nnot an envelope\n{bad}\n");
    let out = run(&["batch", "--today", "2026-11-26", "--max-violations", "3", "--threads", "2"], &input);
    assert_eq!(out.status.code(), Some(1));
    let reports: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(reports.len(), 4);
    for i in [0, 3] {
        assert_eq!(reports[i]["violations"].as_array().unwrap().len(), 3, "line {i}");
        assert_eq!(reports[i]["truncated"], true, "line {i}");
    }
    assert_eq!(reports[1]["truncated"], false, "every line says truncated");
    assert_eq!(reports[2]["truncated"], false, "an envelope error too");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.trim_end().ends_with("; 2 reports truncated (--max-violations)"), "{err}");

    // migrate: the V2 report is bounded.
    let v1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/create-individual-v1.json");
    let body = std::fs::read_to_string(v1).unwrap().replace("\"USA\"", "\"usa\"");
    let args = ["migrate", "--request", "create-individual-v1", "--today", "2026-11-26"];
    let full = json(&run(&args, &body));
    let n = full["report"]["violations"].as_array().unwrap().len();
    assert!(n >= 3, "{full}");
    assert_eq!(full["report"]["truncated"], false);
    let out = run(&[&args[..], &["--max-violations", "1"]].concat(), &body);
    assert_eq!(out.status.code(), Some(1));
    let m = json(&out);
    assert_eq!(
        m["report"]["violations"].as_array().unwrap()[..],
        full["report"]["violations"].as_array().unwrap()[..1]
    );
    assert_eq!(m["report"]["truncated"], true);
    assert_eq!(m["request"], full["request"], "the migrated request is whole");
}

#[test]
fn text_format_prints_suggestions_when_asked() {
    let body = std::fs::read_to_string(example()).unwrap().replace("\"US-CA\"", "\"CA\"");
    let args = ["check", "--request", "create-individual-v2", "--today", "2026-11-26", "--format", "text"];
    let out = run(&[&args[..], &["--suggest"]].concat(), &body);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "/address/subdivision_code");
    assert!(lines[1].starts_with("  error   unknown_subdivision: "), "{text}");
    assert_eq!(lines[2], "          suggestion: US-CA");
    assert_eq!(lines[3], "invalid (status 422): 1 error, 0 warnings");
    let out = run(&args, &body);
    assert!(!String::from_utf8(out.stdout).unwrap().contains("suggestion"), "no suggestion without --suggest");
}
