//! The command line's help in Swedish: the same definitions, their texts,
//! headings and placeholders replaced when the UI language is Swedish. clap
//! has no translations of its own (clap-rs/clap#380), but every text it shows
//! can be set on the built command.

use clap::{Arg, Command};

/// The help template with Swedish headings: clap's own names its parts in English.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

/// The top level's examples, as `EXAMPLES` in args.rs says them in English.
const EXAMPLES: &str = "\
Exempel:
  samla                                   kör standardagendan (seminarium-1)
  samla run seminarium-3 --groups 6       kör en medföljande agenda med sex grupper
  samla run mitt-seminarium.ron           kör en egen agendafil
  samla validate agendas/*.ron            granska agendafiler, fel som fil:rad:kolumn
  samla agendas                           lista medföljande och egna agendor
  samla resume                            fortsätt den senaste oavslutade sessionen
  samla export --format eml --to a@b.se   e-postutkast av sammanställningen

Filerna ligger i $SAMLA_HOME (eller plattformens datamapp). NO_COLOR respekteras.";

/// `command` (the whole tree) with its help in Swedish.
pub fn swedish(mut command: Command) -> Command {
    command.build();
    let command = translate(command, "samla");
    command.after_help(EXAMPLES)
}

fn translate(command: Command, path: &str) -> Command {
    let mut command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Kommandon")
        .subcommand_value_name("KOMMANDO");
    if let Some(about) = about(path) {
        command = command.about(about);
    }
    if let Some(examples) = command.get_after_help().map(|text| text.to_string()) {
        command = command.after_help(examples.replacen("Examples:", "Exempel:", 1));
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| translate_arg(arg, path));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        command = command.mut_subcommand(&name, |sub| translate(sub, &sub_path));
    }
    // The usage line clap writes names the options and the command in English.
    let usage = command.render_usage().to_string();
    let usage = usage
        .trim_start_matches("Usage: ")
        .replace("[OPTIONS]", "[FLAGGOR]")
        .replace("[COMMAND]", "[KOMMANDO]")
        .replace("<COMMAND>", "<KOMMANDO>");
    command.override_usage(usage)
}

fn translate_arg(arg: Arg, path: &str) -> Arg {
    let heading = if arg.is_positional() {
        "Argument"
    } else {
        "Flaggor"
    };
    let mut arg = arg.help_heading(heading).hide_possible_values(true);
    if let Some(help) = help(path, arg.get_id().as_str()) {
        arg = arg.help(help).long_help(help);
    }
    let names: Vec<String> = arg
        .get_value_names()
        .map(|names| names.iter().map(|name| value_name(name.as_str())).collect())
        .unwrap_or_default();
    if !names.is_empty() {
        arg = arg.value_names(names);
    }
    arg
}

/// A placeholder's Swedish name.
fn value_name(name: &str) -> String {
    match name {
        "NAME" => "NAMN",
        "FILE" => "FIL",
        "PATH" => "SÖKVÄG",
        "ADDR" => "ADRESS",
        "SEGMENT_ID" => "PASS_ID",
        "[SESSION] FILE" => "[SESSION] FIL",
        "MEMBER" => "DELTAGARE",
        "GROUP" => "GRUPP",
        "SHELL" => "SKAL",
        "COMMAND" => "KOMMANDO",
        "SECTOR" => "SEKTOR",
        "ROLE" => "ROLL",
        "FORMAT" => "FORMAT",
        "LANG" => "SPRÅK",
        "GROUPS" => "GRUPPER",
        other => other,
    }
    .to_owned()
}

/// A command's description in Swedish.
pub fn about(path: &str) -> Option<&'static str> {
    // clap's `help` commands: `samla help`, `samla series help`, and below
    // them the commands they give help for, described as those are.
    if let Some((before, after)) = path.split_once(" help") {
        return match after {
            "" => Some("Visa den här hjälpen, eller hjälpen för ett kommando."),
            command => about(&format!("{before}{command}")),
        };
    }
    Some(match path {
        "samla" => {
            "samla leder en workshop från terminalen: agendan och dess timer på skärmen, varje grupps resultat som kort och en sammanställning att skicka."
        }
        "samla run" => "Led ett seminarium på skärmen (standard).",
        "samla resume" => "Fortsätt en sparad session; den senaste oavslutade om ingen anges.",
        "samla sessions" => {
            "Lista sparade sessioner: id, agenda, start, senaste ändring, kort, avslutad."
        }
        "samla agendas" => {
            "Lista de medföljande agendorna och dina egna, med id, minuter och titlar."
        }
        "samla agendas new" => {
            "Skriv en egen agenda i $SAMLA_HOME/agendas/ID.ron (en kopia av en medföljande, eller mallen), öppna den i $VISUAL eller $EDITOR och granska den när redigeraren stängs."
        }
        "samla validate" => "Granska agendafiler; slutkod 0 när alla är giltiga, annars 1.",
        "samla export" => "Skriv sammanställningen av en session.",
        "samla present" => "Rummets vy på storskärm, som följer en pågående session.",
        "samla series" => "Seminarieserier: deras grupper, deltagare och sessioner.",
        "samla series groups" => {
            "Grupperna och deras deltagare; lägg till, flytta och ta bort deltagare."
        }
        "samla series groups add" => "Lägg till en deltagare i en grupp.",
        "samla series groups move" => "Flytta en deltagare till en annan grupp.",
        "samla series groups remove" => "Ta bort en deltagare.",
        "samla __serve-clipboard" => {
            "Håller en kopierad text tills ett annat program tar urklippet (startas av `--copy`; inte för att skrivas)."
        }
        "samla poll" => "Skattningssvar (enkäter).",
        "samla poll import" => "Läs in skattningssvar som skrivits av från pappersenkäter.",
        "samla completions" => {
            "Kompletteringar för skalet (bash, zsh, fish, powershell, elvish) på standard ut, t.ex. `samla completions bash > ~/.local/share/bash-completion/completions/samla`."
        }
        "samla doctor" => {
            "Kontrollera datorn inför ett seminarium: terminalen, datamappen, urklippet, rummets port och dina egna agendor. Slutkod 1 när något skulle förstöra dagen."
        }
        "samla man" => {
            "Manualsidan samla.1: skrivs i aktuell mapp, eller till `-o SÖKVÄG` (`-` för standard ut)."
        }
        _ => return None,
    })
}

/// An argument's help in Swedish; `path` is the command it belongs to.
pub fn help(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        (_, "help") => "Visa hjälpen",
        (_, "version") => "Visa versionen",
        ("samla doctor", "bind") => {
            "Prova rummet bara på den här adressen, som `samla run --room --bind` skulle göra"
        }
        ("samla doctor", "port") => {
            "Prova rummet på den här porten, som `samla run --room --port` skulle göra"
        }
        (_, "lang") => {
            "Språket på skärmen och i de här meddelandena: sv (svenska) eller en (engelska); annars agendans, sedan systemets (LANG), sedan engelska"
        }
        ("samla run", "agenda") => {
            "Ett agenda-id (se `samla agendas`) eller sökvägen till en .ron-fil"
        }
        ("samla run", "groups") => "Antal grupper (1–30)",
        ("samla run", "group") => "En grupps namn; upprepa för varje grupp",
        ("samla run", "no_bell") => "Ingen signal från terminalen när nedräkningen når noll",
        ("samla run", "series") => {
            "Koppla sessionen till den här serien (skapas första gången): den börjar med seriens grupper och deltagare"
        }
        (_, "room") => {
            "Öppna rummet när skärmen startar: grupperna skriver sina kort från mobilen på en sida som den här datorn visar i det lokala nätverket"
        }
        (_, "bind") => {
            "Lyssna bara på den här adressen (t.ex. 127.0.0.1, eller surfpunktens adress); alla gränssnitt som standard"
        }
        (_, "devices_per_address") => {
            "Så många mobiler får gå med från samma adress (4 som standard; mer där alla når rummet genom en och samma router)"
        }
        (_, "time_limits_ms") => {
            "Så länge rummet väntar på en mobils begäran, och svarar efter att det stängts, i millisekunder (10 s som standard)"
        }
        (_, "port") => {
            "Lyssna på den här porten; 8765, eller någon ledig, som standard (0: någon ledig)"
        }
        ("samla resume", "session") => "Ett sessions-id från `samla sessions`, eller en sökväg",
        ("samla resume", "backup") => {
            "Öppna den förra goda versionen (`.bak`) i stället, t.ex. när sessionsfilen är skadad"
        }
        ("samla sessions", "json") => "En JSON-lista, för skript",
        ("samla agendas new", "id") => {
            "Den nya agendans id: bokstäver, siffror och bindestreck, t.ex. `min-workshop`"
        }
        ("samla agendas new", "from") => {
            "Den medföljande agenda att börja från, eller `workshop-mall` för utvecklingsworkshoppens mall; mallen om den utelämnas"
        }
        ("samla validate", "files") => "Agendafiler att granska",
        ("samla export", "session") => {
            "Ett sessions-id eller en sökväg; den senaste sessionen om ingen anges"
        }
        ("samla export", "format") => {
            "Format: md (Markdown), html (fristående HTML), eml (e-postutkast), csv (kalkylbladsrader) eller xlsx (arbetsbok för Excel)"
        }
        ("samla export", "csv_dialect") => {
            "Med `--format csv`: `sv` (`;` mellan fälten, svenska rubriker) eller `en` (`,` och engelska rubriker); sessionens språks om det utelämnas"
        }
        ("samla export", "output") => "Vart den skrivs; `-` för standard ut",
        ("samla export", "to") => {
            "Mottagare av e-postutkastet (`Namn <a@b.se>`, eller flera åtskilda med komma); kan upprepas"
        }
        ("samla export", "copy") => "Kopiera också resultatet till urklipp",
        ("samla export", "open") => "Öppna den skrivna filen med systemets standardprogram",
        ("samla export", "private") => "Ta med processledarens privata anteckningar",
        ("samla export", "report") => {
            "Processledarens rapport: sammanställningen med tidsloggen och enkätens råa fördelningar"
        }
        ("samla export", "redact") => {
            "Byt ut personnummer, e-postadresser och telefonnummer i kort och anteckningar mot \"[borttaget]\""
        }
        ("samla export", "intro") => {
            "En textfil vars text inleder sammanställningen i stället för agendans inledning"
        }
        ("samla export", "names") => {
            "Ta med deltagarnas namn (annars räknar en seriesammanställning dem per sektor)"
        }
        ("samla export", "series") => "Sammanställ en hel serie i stället för en session",
        ("samla present", "session") => {
            "Ett sessions-id eller en sökväg; den pågående sessionen om ingen anges"
        }
        ("samla series", "name") => "Serien att visa; alla om ingen anges",
        ("samla series groups add", "member") => "Deltagarens namn",
        ("samla series groups add" | "samla series groups move", "group") => {
            "Gruppens nummer (1, 2, …)"
        }
        ("samla series groups add", "sector") => {
            "Sektorn deltagaren arbetar i: skola, socialtjanst, halsovard eller annan"
        }
        ("samla series groups add", "role") => {
            "Rollens kategori: ledning, samordning, profession, elevhalsa eller sjukvard"
        }
        ("samla series groups move" | "samla series groups remove", "id") => {
            "Deltagarens id (se `samla series NAMN groups`)"
        }
        ("samla poll import", "poll") => "Enkätpassets id, när agendan har fler än en enkät",
        ("samla poll import", "paths") => {
            "En valfri session (id eller sökväg; den senaste om den utelämnas), sedan filen med en svarande per rad, eller en .csv med en kolumn per påstående"
        }
        ("samla completions", "shell") => {
            "Skalet att komplettera i: bash, zsh, fish, powershell eller elvish"
        }
        ("samla man", "output") => "Vart den skrivs",
        (_, "subcommand") => "Kommandot att visa hjälpen för",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command of the tree, with its path.
    fn commands(command: &Command, path: String, found: &mut Vec<(String, Command)>) {
        found.push((path.clone(), command.clone()));
        for sub in command.get_subcommands() {
            commands(sub, format!("{path} {}", sub.get_name()), found);
        }
    }

    #[test]
    fn every_command_and_argument_has_a_swedish_text() {
        let mut english = crate::cli::Cli::command();
        english.build();
        let mut found = Vec::new();
        commands(&english, "samla".into(), &mut found);
        for (path, command) in found {
            assert!(about(&path).is_some(), "{path} has no Swedish description");
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(help(&path, id).is_some(), "{path} {id} has no Swedish help");
            }
        }
    }

    #[test]
    fn the_swedish_help_has_no_english_headings() {
        let mut found = Vec::new();
        commands(
            &swedish(crate::cli::Cli::command()),
            "samla".into(),
            &mut found,
        );
        for (path, mut command) in found {
            let help = command.render_help().to_string();
            for english in [
                "Usage",
                "Options",
                "OPTIONS",
                "Arguments",
                "Commands",
                "COMMAND",
                "Examples",
                "Print",
            ] {
                assert!(!help.contains(english), "{path}: {english} in\n{help}");
            }
            assert!(help.contains("Användning:"), "{path}:\n{help}");
        }
    }
}
