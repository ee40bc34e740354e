//! `notice-lens FILE` (or `-` for standard input) prints the analysis report as JSON.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use notice_lens::{analyze, Options};

const USAGE: &str = "usage: notice-lens [--min-repeat-chars N] [--near-threshold X] [--drop-near-duplicates] [--no-near-duplicates] [--compact] FILE|-";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("notice-lens: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Command-line arguments, parsed.
struct Args {
    path: String,
    options: Options,
    compact: bool,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut options = Options::default();
    let mut compact = false;
    let mut path = None;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value; {USAGE}"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--min-repeat-chars" => {
                let v = value(&arg)?;
                options.min_repeat_chars = v
                    .parse()
                    .map_err(|_| format!("--min-repeat-chars takes a whole number, not {v:?}"))?;
            }
            "--near-threshold" => {
                let v = value(&arg)?;
                options.near_threshold = v.parse().map_err(|_| {
                    format!("--near-threshold takes a number from 0 to 1, not {v:?}")
                })?;
            }
            "--drop-near-duplicates" => options.drop_near_duplicates = true,
            "--no-near-duplicates" => options.near_duplicates = false,
            "--compact" => compact = true,
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}; {USAGE}")),
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("one FILE at a time; {USAGE}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    Ok(Args {
        path,
        options,
        compact,
    })
}

fn run(args: Vec<String>) -> Result<(), String> {
    let args = parse(args)?;
    let bytes = if args.path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(&args.path).map_err(|e| format!("cannot read {}: {e}", args.path))?
    };
    let name = if args.path == "-" {
        "standard input"
    } else {
        args.path.as_str()
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it first, for example with iconv -f GBK -t UTF-8",
            e.utf8_error().valid_up_to()
        )
    })?;
    let report = analyze(&text, &args.options).map_err(|e| e.to_string())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if args.compact {
        serde_json::to_writer(&mut out, &report)
    } else {
        serde_json::to_writer_pretty(&mut out, &report)
    };
    written.map_err(|e| format!("cannot write the report: {e}"))?;
    writeln!(out)
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write the report: {e}"))
}
