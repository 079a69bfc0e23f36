//! `idpool link FILE [--embed PARTS] [--readonly] [--theme light|dark] [--id ID] [--base URL]`:
//! the share link, the iframe tag and the loader snippet for a scenario file, encoded by the
//! same code the playground decodes with (`share_link`). Exit status 0, 1 when the link
//! would be too long (the message gives the size and the limit), 2 on usage or read errors.

use std::process::ExitCode;

use share_link::codec::encode_fragment;
use share_link::{embed_snippets, EmbedPart, Fragment, Theme};

use identity_pool::api::MAX_DOCUMENT_BYTES;

use crate::output::{escape, print_line, read_input, usage_error};

const USAGE: &str = "usage: idpool link FILE [--embed PARTS] [--readonly] [--theme light|dark] [--id ID] [--base URL]\n  PARTS: comma-separated, from trust, access, signin, requests, result (default: trust,access,signin,requests,result)\n  URL: where the playground is published (default ./)";

/// Runs the subcommand on its arguments.
pub fn run(args: &[String]) -> ExitCode {
    let options = match Options::parse(args) {
        Ok(options) => options,
        Err(problem) => return usage_error(&problem, USAGE),
    };
    let text = match read_input(&options.file, MAX_DOCUMENT_BYTES) {
        Ok(text) => text,
        Err(e) => return e.exit(),
    };
    let hash = match encode_fragment(&text) {
        Ok(hash) => hash,
        Err(e) => {
            eprintln!(
                "idpool: `{}`: {} ({})",
                escape(&options.file),
                e.message,
                e.help
            );
            return ExitCode::from(1);
        }
    };
    let mut fragment = options.fragment;
    fragment.scenario = Fragment::parse(&hash).scenario;
    let snippets = embed_snippets(&options.base, &fragment);
    let printed = print_line(&format!("link: {}", snippets.link))
        .and_then(|()| print_line(&format!("iframe: {}", snippets.iframe)))
        .and_then(|()| print_line("loader:"))
        .and_then(|()| print_line(&snippets.loader));
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        Err(stop) => stop.status(ExitCode::SUCCESS),
    }
}

struct Options {
    file: String,
    base: String,
    fragment: Fragment,
}

impl Options {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut file = None;
        let mut base = "./".to_owned();
        let mut fragment = Fragment {
            embed: Some(Ok(EmbedPart::ALL.to_vec())),
            ..Fragment::default()
        };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let mut value = || {
                rest.next()
                    .cloned()
                    .ok_or_else(|| format!("`{arg}` needs a value"))
            };
            match arg.as_str() {
                "--embed" => fragment.embed = Some(Ok(EmbedPart::parse_list(&value()?)?)),
                "--base" => base = value()?,
                "--id" => fragment.id = Some(value()?),
                "--readonly" => fragment.readonly = true,
                "--theme" => {
                    fragment.theme = Some(match value()?.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        other => {
                            return Err(format!("`{other}` is not a theme; use `light` or `dark`"))
                        }
                    })
                }
                flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
                name if file.is_none() => file = Some(name.to_owned()),
                extra => return Err(format!("one file at a time; `{extra}` is a second one")),
            }
        }
        let file = file.ok_or_else(|| "name the scenario file".to_owned())?;
        Ok(Self {
            file,
            base,
            fragment,
        })
    }
}
