//! The command-line contract: help, version, listing agendas, and what is not there yet.

use crate::common;

use std::path::Path;

use common::{samla, samla_in};

#[test]
fn help_shows_examples_and_every_command() {
    let run = samla(&["--help"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.contains("Examples:"));
    for command in [
        "run", "resume", "sessions", "agendas", "validate", "export", "present", "series", "poll",
    ] {
        assert!(
            run.stdout.contains(&format!("  {command}")),
            "{command} missing:\n{}",
            run.stdout
        );
    }
}

#[test]
fn version_names_the_crate_version_and_the_commit_it_was_built_from() {
    let run = samla(&["--version"]);
    assert_eq!(run.code, Some(0));
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=7", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned());
    let expected = match commit {
        Some(commit) => format!("samla {} ({commit})", env!("CARGO_PKG_VERSION")),
        None => format!("samla {}", env!("CARGO_PKG_VERSION")),
    };
    assert_eq!(run.stdout.trim(), expected);
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    assert_eq!(samla(&["dance"]).code, Some(2));
    assert_eq!(samla(&["run", "--groups", "31"]).code, Some(2));
}

#[test]
fn agendas_lists_the_bundled_agendas_from_any_folder() {
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let run = samla_in(elsewhere.path(), home.path(), &["agendas"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let expected = [
        (
            "seminarium-1",
            180,
            "Skolnärvaro. En översikt av forskning om att främja alla barns och ungas närvaro i skolan",
        ),
        ("seminarium-2", 180, "Att utreda närvaroproblem i skolan"),
        (
            "seminarium-3",
            180,
            "Samverkan och samordnat stöd vid närvaroproblem i förskola och skola",
        ),
        (
            "erfarenhetsutbyte",
            180,
            "Erfarenhetsutbyte: att främja skolnärvaro",
        ),
        ("workshop-en", 90, "Team retrospective"),
    ];
    for (id, minutes, title) in expected {
        let row = run
            .stdout
            .lines()
            .find(|line| line.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} not listed:\n{}", run.stdout));
        let fields: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(fields[1], minutes.to_string(), "{row}");
        assert!(row.ends_with(title), "{row}");
    }
}

#[test]
fn agendas_lists_the_users_own_agendas_valid_or_not() {
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("temp dir");
    let own = home.path().join("agendas");
    std::fs::create_dir(&own).expect("mkdir");
    std::fs::write(
        own.join("mitt-seminarium.ron"),
        r#"(title: "Mitt seminarium", segments: [(kind: Welcome, title: "Hej", minutes: 45)])"#,
    )
    .expect("write");
    std::fs::write(own.join("trasig.ron"), "(title: ").expect("write");
    let run = samla_in(elsewhere.path(), home.path(), &["agendas"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("Your own, in"), "{}", run.stdout);
    let row = |id: &str| {
        run.stdout
            .lines()
            .find(|line| line.starts_with(id))
            .unwrap_or_else(|| panic!("{id} not listed:\n{}", run.stdout))
            .to_owned()
    };
    assert!(row("mitt-seminarium").ends_with("45  Mitt seminarium"));
    assert!(row("trasig").contains("invalid: "), "{}", row("trasig"));
    assert!(row("trasig").contains("trasig.ron:1:"), "{}", row("trasig"));
}

#[test]
fn run_without_a_terminal_says_it_needs_one() {
    // In the agenda's language, unless --lang says otherwise.
    let swedish = samla(&["run", "seminarium-1"]);
    assert_eq!(swedish.code, Some(1));
    assert!(
        swedish.stderr.contains("behöver en interaktiv terminal"),
        "{}",
        swedish.stderr
    );
    let run = samla(&["run", "seminarium-1", "--lang", "en"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("needs an interactive terminal"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
}

#[test]
fn run_of_an_invalid_agenda_reports_it_before_touching_the_terminal() {
    let run = samla(&["run", "tests/fixtures/invalid/22-zero-minutes.ron"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("segment 2 \"Gruppsamtal\": minutes is 0"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_meetings_around_a_series_validate_and_are_listed() {
    let run = samla(&["validate", "agendas/formote.ron", "agendas/eftermote.ron"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let listed = samla(&["agendas"]);
    for row in ["formote", "eftermote"] {
        assert!(
            listed.stdout.lines().any(|line| line.starts_with(row)),
            "{row} missing:\n{}",
            listed.stdout
        );
    }
}

#[test]
fn series_groups_are_changed_on_the_command_line() {
    let home = tempfile::tempdir().expect("temp dir");
    let data = samla::store::DataDir::locate(Some(home.path().into())).expect("a data dir");
    let groups = vec!["Norr".to_owned(), "Söder".to_owned()];
    data.save_series(&samla::store::SeriesFile::new("Vår serie", groups))
        .expect("saved");
    let run = |args: &[&str]| common::samla_in(home.path(), home.path(), args);
    let listed = run(&["series"]);
    assert!(
        listed
            .stdout
            .contains("Vår serie: 2 groups, 0 members, 0 sessions"),
        "{}",
        listed.stdout
    );
    let added = run(&[
        "series",
        "Vår serie",
        "groups",
        "add",
        "Åsa Öst",
        "--group",
        "2",
        "--sector",
        "socialtjanst",
        "--role",
        "moter-barn",
        "--lang",
        "sv",
    ]);
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    assert!(
        added
            .stdout
            .contains("Söder (--group 2)\n  #0 Åsa Öst (socialtjänst, möter barn/familj)"),
        "{}",
        added.stdout
    );
    let moved = run(&["series", "Vår serie", "groups", "move", "0", "--group", "1"]);
    assert!(
        moved.stdout.contains("Norr (--group 1)\n  #0 Åsa Öst"),
        "{}",
        moved.stdout
    );
    let wrong = run(&["series", "Vår serie", "groups", "move", "0", "--group", "3"]);
    assert_eq!(wrong.code, Some(1));
    assert!(
        wrong.stderr.contains("no group 3 (expected 1 to 2)"),
        "{}",
        wrong.stderr
    );
    let removed = run(&["series", "Vår serie", "groups", "remove", "0"]);
    assert!(!removed.stdout.contains("Åsa"), "{}", removed.stdout);
    let again = run(&["series", "Vår serie", "groups", "remove", "0"]);
    assert!(again.stderr.contains("no member #0"), "{}", again.stderr);
    let missing = run(&["series", "Ingen", "groups"]);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing.stderr.contains("no series \"Ingen\""),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_series_with_its_own_sectors_takes_them_by_name_or_code_and_names_them_when_wrong() {
    let home = tempfile::tempdir().expect("temp dir");
    let data = samla::store::DataDir::locate(Some(home.path().into())).expect("a data dir");
    let mut series = samla::store::SeriesFile::new("Dialog", vec!["Alla".to_owned()]);
    series.roster.sectors = [("fritid", "Fritid", "fr"), ("elev", "Elevråd", "el")]
        .map(|(id, name, code)| samla::agenda::SectorDef {
            id: samla::agenda::Sector::new(id),
            name: name.to_owned(),
            code: Some(code.to_owned()),
        })
        .to_vec();
    data.save_series(&series).expect("saved");
    let run = |args: &[&str]| common::samla_in(home.path(), home.path(), args);
    let add = |name: &str, sector: Option<&str>| {
        let mut args = vec!["series", "Dialog", "groups", "add", name, "--group", "1"];
        args.extend(
            sector
                .map(|sector| ["--sector", sector])
                .into_iter()
                .flatten(),
        );
        args.extend(["--lang", "sv"]);
        run(&args)
    };
    assert_eq!(
        add("Ali", None).code,
        Some(0),
        "the first sector by default"
    );
    assert_eq!(add("Bea", Some("elevråd")).code, Some(0));
    let last = add("Cem", Some("FR"));
    assert!(
        last.stdout
            .contains("  #0 Ali (Fritid)\n  #1 Bea (Elevråd)\n  #2 Cem (Fritid)"),
        "{}",
        last.stdout
    );
    let wrong = add("Dan", Some("skola"));
    assert_eq!(wrong.code, Some(1));
    assert!(
        wrong
            .stderr
            .contains("ingen sektor heter \"skola\"; välj bland: fritid, elev"),
        "{}",
        wrong.stderr
    );
    let listed = run(&["series", "Dialog", "--lang", "sv"]);
    assert!(
        listed.stdout.contains("Fritid 2, Elevråd 1"),
        "{}",
        listed.stdout
    );
}

#[test]
fn an_agenda_id_in_other_case_is_found_and_a_typo_gets_the_closest_id() {
    let run = samla(&["run", "SEMINARIUM-1", "--lang", "en"]);
    assert!(
        run.stderr.contains("needs an interactive terminal"),
        "found, then no terminal: {}",
        run.stderr
    );
    let typo = samla(&["run", "seminarum-3", "--lang", "sv"]);
    assert_eq!(typo.code, Some(1));
    assert!(
        typo.stderr
            .contains("seminarum-3: ingen sådan agenda – menade du seminarium-3?"),
        "{}",
        typo.stderr
    );
    let far = samla(&["run", "helt-annat", "--lang", "en"]);
    assert!(
        far.stderr.contains("one of: dialogmote, eftermote"),
        "{}",
        far.stderr
    );
}

#[test]
fn samla_sessions_lines_up_its_columns_whatever_the_ids() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("sessions");
    samla::store::create_private_dir(&folder).expect("a folder");
    for id in [
        "kort",
        "ett-mycket-langt-sessions-id-fran-en-kommun-med-langt-namn",
    ] {
        let file = samla::store::SessionFile {
            version: samla::store::VERSION,
            agenda_id: "seminarium-3".to_owned(),
            saved: common::fixture::saved_at(),
            language: samla::agenda::Language::Sv,
            session: common::fixture::seminar_3().into(),
            draft: None,
            room: None,
            devices: Default::default(),
        };
        samla::store::write_atomic(&folder.join(format!("{id}.ron")), file.to_text().as_bytes())
            .expect("saved");
    }
    let listed = common::samla_in(home.path(), home.path(), &["sessions"]);
    let lines: Vec<&str> = listed.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", listed.stdout);
    let column = |line: &str, of: &str| line.find(of).expect("the column");
    let started = column(lines[0], "STARTED");
    for row in &lines[1..] {
        // The started time (or "-") begins where its heading does.
        let at = row
            .char_indices()
            .nth(started)
            .map(|(i, _)| i)
            .expect("long enough");
        assert!(
            !row[..at].ends_with(|c: char| !c.is_whitespace()),
            "misaligned:\n{}",
            listed.stdout
        );
        assert!(
            !row[at..].starts_with(' '),
            "misaligned:\n{}",
            listed.stdout
        );
    }
}

#[test]
fn completions_come_for_every_shell_from_the_same_definitions() {
    for (shell, sign) in [
        ("bash", "_samla()"),
        ("zsh", "#compdef samla"),
        ("fish", "complete -c samla"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = samla(&["completions", shell]);
        assert_eq!(run.code, Some(0), "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(sign), "{shell}: {}", run.stdout);
        for word in ["export", "report", "redact", "resume"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    assert_eq!(samla(&["completions", "cmd.exe"]).code, Some(2));
    let script = tempfile::NamedTempFile::new().expect("a file");
    std::fs::write(script.path(), samla(&["completions", "bash"]).stdout).expect("written");
    let parsed = std::process::Command::new("bash")
        .arg("-n")
        .arg(script.path())
        .output()
        .expect("bash runs");
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
}

/// What the shell's call back into samla completes for the words `line`, as
/// fish asks for it (one candidate a line).
fn completed(home: &std::path::Path, line: &[&str]) -> Vec<String> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_samla"))
        .env("COMPLETE", "fish")
        .env("SAMLA_HOME", home)
        .arg("--")
        .args(line)
        .output()
        .expect("samla runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn agenda_and_session_ids_complete_from_the_data_folder() {
    let home = tempfile::tempdir().expect("a data folder");
    let agendas = home.path().join("agendas");
    std::fs::create_dir_all(&agendas).expect("an agendas folder");
    std::fs::write(agendas.join("min-workshop.ron"), "").expect("an agenda of your own");
    let sessions = home.path().join("sessions");
    std::fs::create_dir_all(&sessions).expect("a sessions folder");
    for id in ["2026-03-12-seminarium-3", "2026-04-02-seminarium-1"] {
        std::fs::write(sessions.join(format!("{id}.ron")), "").expect("a session");
    }
    let agendas = completed(home.path(), &["samla", "run", ""]);
    for id in [
        "min-workshop",
        "seminarium-1",
        "seminarium-3",
        "workshop-en",
    ] {
        assert!(agendas.contains(&id.to_owned()), "{id} in {agendas:?}");
    }
    assert_eq!(
        completed(home.path(), &["samla", "run", "min"]),
        ["min-workshop"]
    );
    assert_eq!(
        completed(home.path(), &["samla", "resume", "2026"]),
        ["2026-04-02-seminarium-1", "2026-03-12-seminarium-3"]
    );
    assert_eq!(
        completed(home.path(), &["samla", "export", "2026-03"]),
        ["2026-03-12-seminarium-3"]
    );
    // The script that sources it is valid bash.
    let script = std::process::Command::new(env!("CARGO_BIN_EXE_samla"))
        .env("COMPLETE", "bash")
        .output()
        .expect("samla runs");
    let file = tempfile::NamedTempFile::new().expect("a file");
    std::fs::write(file.path(), &script.stdout).expect("written");
    let parsed = std::process::Command::new("bash")
        .arg("-n")
        .arg(file.path())
        .status()
        .expect("bash runs");
    assert!(parsed.success());
}

#[test]
fn man_writes_the_manual_page_that_groff_renders() {
    let folder = tempfile::tempdir().expect("a folder");
    let home = tempfile::tempdir().expect("a home");
    let run = samla_in(folder.path(), home.path(), &["man"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "samla.1");
    let page = std::fs::read_to_string(folder.path().join("samla.1")).expect("samla.1");
    assert!(page.contains(".TH samla 1"), "{page}");
    assert_eq!(
        samla(&["man", "-o", "-"]).stdout,
        page,
        "the same page on stdout"
    );
    if !common::programs::available("groff", "-v", "groff-base") {
        return;
    }
    let rendered = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-P-cbou"])
        .arg(folder.path().join("samla.1"))
        .output()
        .expect("groff runs");
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(rendered.status.success(), "{text}");
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "SUBCOMMANDS"] {
        assert!(text.contains(section), "{section} in:\n{text}");
    }
}

#[test]
fn agendas_new_writes_your_own_copy_or_the_template_and_never_overwrites() {
    let home = tempfile::tempdir().expect("a home");
    let cwd = Path::new(env!("CARGO_MANIFEST_DIR"));
    let made = samla_in(
        cwd,
        home.path(),
        &["agendas", "new", "min-workshop", "--from", "Seminarium-3"],
    );
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let path = home.path().join("agendas").join("min-workshop.ron");
    assert_eq!(made.stdout.trim(), path.display().to_string());
    assert_eq!(
        std::fs::read_to_string(&path).expect("the copy"),
        samla::agenda::bundled_source("seminarium-3")
            .expect("bundled")
            .1
    );
    let again = samla_in(cwd, home.path(), &["agendas", "new", "min-workshop"]);
    assert_eq!(again.code, Some(1));
    assert!(again.stderr.contains("exists already"), "{}", again.stderr);

    let template = samla_in(cwd, home.path(), &["agendas", "new", "fran-mallen"]);
    assert_eq!(template.code, Some(0), "{}", template.stderr);
    let written = home.path().join("agendas").join("fran-mallen.ron");
    assert_eq!(
        std::fs::read_to_string(&written).expect("the template"),
        samla::agenda::TEMPLATE
    );
    assert_eq!(
        samla_in(
            cwd,
            home.path(),
            &["validate", written.to_str().expect("a path")]
        )
        .code,
        Some(0),
        "the template is a valid agenda"
    );
    let workshop = samla_in(
        cwd,
        home.path(),
        &["agendas", "new", "nulage", "--from", "workshop-mall"],
    );
    assert_eq!(workshop.code, Some(0), "{}", workshop.stderr);
    let written = home.path().join("agendas").join("nulage.ron");
    let text = std::fs::read_to_string(&written).expect("the workshop template");
    assert_eq!(text, samla::agenda::WORKSHOP_TEMPLATE);
    let agenda = samla::agenda::parse_agenda("nulage.ron", text.as_bytes()).expect("valid");
    // A matrix with priorities in a group set of its own, an action plan.
    assert!(agenda.segments.iter().any(|segment| segment.rows.is_some()
        && segment.priorities.is_some()
        && segment.group_set.is_some()));
    assert!(
        agenda
            .segments
            .iter()
            .any(|segment| segment.kind == samla::agenda::SegmentKind::ActionPlan)
    );

    let typo = samla_in(
        cwd,
        home.path(),
        &["agendas", "new", "x", "--from", "seminarum-3"],
    );
    assert_eq!(typo.code, Some(1));
    assert!(
        typo.stderr.contains("did you mean seminarium-3"),
        "{}",
        typo.stderr
    );
    let bad = samla_in(cwd, home.path(), &["agendas", "new", "Min Workshop"]);
    assert_eq!(bad.code, Some(1));
    assert!(bad.stderr.contains("is no id"), "{}", bad.stderr);
}

#[test]
fn agendas_marks_your_own_that_take_a_bundled_ones_place() {
    let home = tempfile::tempdir().expect("a home");
    let cwd = Path::new(env!("CARGO_MANIFEST_DIR"));
    let made = samla_in(
        cwd,
        home.path(),
        &["agendas", "new", "seminarium-1", "--from", "seminarium-1"],
    );
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let listed = samla_in(cwd, home.path(), &["agendas"]);
    let own = &listed.stdout[listed.stdout.find("Your own").expect("your own")..];
    assert!(own.contains("seminarium-1"), "{own}");
    assert!(own.contains("(in place of the bundled one)"), "{own}");
}

#[cfg(unix)]
#[test]
fn agendas_new_opens_the_editor_at_a_terminal_and_checks_the_file_after() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("a home");
    let editor = home.path().join("editor.sh");
    // An editor that leaves a typo at the end of the file.
    std::fs::write(&editor, "#!/bin/sh\nprintf 'oops\\n' >> \"$1\"\n").expect("the editor");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("runnable");
    let editor = editor.to_str().expect("a path");
    let mut broken = common::pty::PtyApp::spawn_with_env(
        &["agendas", "new", "trasig"],
        home.path(),
        120,
        30,
        &[("EDITOR", editor), ("VISUAL", "")],
    );
    let status = broken.wait_exit(common::pty::PATIENCE).expect("exits");
    assert_eq!(status.exit_code(), 1);
    let said = broken.wait_for_text("trasig.ron:");
    // file:line:col, where the typo is.
    let at = &said[said.find("trasig.ron:").expect("the file") + "trasig.ron:".len()..];
    let place: Vec<&str> = at.splitn(3, ':').take(2).collect();
    assert!(
        place.len() == 2 && place.iter().all(|n| n.parse::<u32>().is_ok()),
        "{said}"
    );
    let mut fine = common::pty::PtyApp::spawn_with_env(
        &["agendas", "new", "hel"],
        home.path(),
        120,
        30,
        &[("EDITOR", "true"), ("VISUAL", "")],
    );
    let status = fine.wait_exit(common::pty::PATIENCE).expect("exits");
    assert_eq!(status.exit_code(), 0);
    fine.wait_for_text("hel.ron");
}

#[test]
fn every_commands_help_teaches_with_examples() {
    use clap::CommandFactory;
    // Every command a person types, with the words that reach it.
    fn paths(command: &clap::Command, prefix: &[String], found: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_owned());
            found.push(path.clone());
            paths(sub, &path, found);
        }
    }
    let mut found = Vec::new();
    paths(&samla::cli::Cli::command(), &[], &mut found);
    assert!(found.len() >= 12, "{found:?}");
    for path in found {
        // `series groups …` and `poll import` are taught by their parent's examples.
        if path.len() > 1 && path[0] != "agendas" {
            continue;
        }
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = samla(&args).stdout;
        let examples = help
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("no examples in `samla {}`", path.join(" ")));
        let lines = examples
            .lines()
            .filter(|line| line.starts_with("  samla"))
            .count();
        assert!(
            lines >= 2,
            "`samla {}` has {lines} examples",
            path.join(" ")
        );
    }
}

/// `samla ARGS` with the system's language `lang`.
fn with_lang(lang: &str, args: &[&str]) -> common::Run {
    std::process::Command::new(env!("CARGO_BIN_EXE_samla"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("samla runs")
        .into()
}

#[test]
fn the_help_speaks_the_ui_language() {
    let swedish = with_lang("sv_SE.UTF-8", &["run", "--help"]);
    assert_eq!(swedish.code, Some(0));
    for word in [
        "Användning: samla run [FLAGGOR]",
        "Flaggor:",
        "Antal grupper",
        "Exempel:",
    ] {
        assert!(
            swedish.stdout.contains(word),
            "{word} in\n{}",
            swedish.stdout
        );
    }
    for english in ["Usage", "Options", "Print help", "Number of groups"] {
        assert!(
            !swedish.stdout.contains(english),
            "{english} in\n{}",
            swedish.stdout
        );
    }
    let asked = with_lang("C.UTF-8", &["--lang", "sv", "export", "--help"]);
    assert!(
        asked.stdout.contains("Skriv sammanställningen"),
        "{}",
        asked.stdout
    );
    let english = with_lang("sv_SE.UTF-8", &["--lang=en", "--help"]);
    assert!(
        english.stdout.contains("Usage: samla"),
        "{}",
        english.stdout
    );
    assert!(english.stdout.contains("run the default agenda"));
}
