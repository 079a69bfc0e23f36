//! `idpool link` as an author runs it: what it prints opens in the playground, because the
//! test reads it back with the app's own decoder (`playground::share` is `share_link::codec`).

// Test code: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test fails loudly on what it did not expect"
)]

use std::process::{Command, Output};

use share_link::codec::{decode_fragment, MAX_FRAGMENT_LEN};
use share_link::{EmbedPart, Fragment};

fn idpool(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_idpool"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap()
}

fn line<'a>(stdout: &'a str, label: &str) -> &'a str {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(label))
        .unwrap_or_else(|| panic!("no `{label}` line in {stdout}"))
}

#[test]
fn the_printed_link_iframe_and_loader_decode_to_the_file() {
    let file = "web/examples/guest-reads-public-picture.json";
    let out = idpool(&[
        "link",
        file,
        "--embed",
        "trust,result",
        "--base",
        "https://example.org/tools/idpool/",
        "--id",
        "w1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../web/examples/guest-reads-public-picture.json"
    ))
    .unwrap();

    let link = line(&stdout, "link: ");
    let (base, hash) = link.split_once('#').unwrap();
    assert_eq!(base, "https://example.org/tools/idpool/");
    assert_eq!(
        decode_fragment(hash).unwrap().as_deref(),
        Some(text.as_str())
    );
    assert!(
        !Fragment::parse(hash).is_embed(),
        "the link opens the full page"
    );

    let iframe = line(&stdout, "iframe: ");
    let src = iframe
        .split("src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let (page, hash) = src.split_once('#').unwrap();
    assert_eq!(
        page, "https://example.org/tools/idpool/embed.html",
        "the iframe opens the widget page"
    );
    let hash = hash.replace("&amp;", "&");
    let fragment = Fragment::parse(&hash);
    assert_eq!(
        fragment.embed,
        Some(Ok(vec![EmbedPart::Trust, EmbedPart::Result]))
    );
    assert_eq!(fragment.id.as_deref(), Some("w1"));
    assert_eq!(
        decode_fragment(&hash).unwrap().as_deref(),
        Some(text.as_str())
    );

    let loader = stdout.split("loader:\n").nth(1).unwrap();
    assert!(loader.starts_with("<div data-idpool-embed=\"#embed=trust,result&amp;id=w1&amp;s=1."));
    assert!(loader
        .contains("<script src=\"https://example.org/tools/idpool/embed.js\" defer></script>"));
}

#[test]
fn a_link_over_the_limit_is_an_error_with_the_size_and_the_limit() {
    // Text deflate cannot shrink: a pseudo-random name of 80,000 characters.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let noise: String = (0..80_000)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[(state >> 33) as usize % 36])
        })
        .collect();
    let path = std::env::temp_dir().join(format!("idpool-link-{}.json", std::process::id()));
    std::fs::write(&path, format!("{{\"name\": \"{noise}\"}}")).unwrap();
    let out = idpool(&["link", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let limit = format!(
        "more than the {} KB a link may hold",
        MAX_FRAGMENT_LEN / 1024
    );
    assert!(stderr.contains(&limit), "{stderr}");
    assert!(stderr.contains("the share link would be "), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_name_the_problem() {
    let out = idpool(&[
        "link",
        "web/examples/guest-reads-public-picture.json",
        "--embed",
        "policy",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("`policy` is not a part an embed can show"),
        "{stderr}"
    );
}
