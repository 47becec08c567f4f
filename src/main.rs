//! The `opop-bot` command line. Thin: every command calls the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::{Content, ContentSource};
use opop_bot::control::{ExportFormat, Request};
use opop_bot::i18n::Lang;
use opop_bot::store::Store;

#[derive(Parser)]
#[command(
    name = "opop-bot",
    version,
    about = "Telegram bot for OPOP Jawa Timur (One Pesantren One Product)"
)]
struct Cli {
    /// Config file (default: $OPOP_CONFIG, else ./opop-bot.toml if present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the bot on Telegram (long polling). Token from TELOXIDE_TOKEN;
    /// TELOXIDE_API_URL points at another Bot API server.
    Run,
    /// Chat with the bot in the terminal (same engine and store).
    Console {
        /// Telegram-like user id to chat as.
        #[arg(long, default_value_t = 1)]
        user: i64,
        /// Language of the simulated Telegram app.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Validate dialogs and locales; prints `file:line: problem`, exits 1 on any.
    Check {
        #[arg(long)]
        dialogs: Option<PathBuf>,
        #[arg(long)]
        locales: Option<PathBuf>,
    },
    /// Export the data as a spreadsheet: an .xlsx workbook, or a folder of
    /// CSV files (UTF-8 with BOM). Works while the bot runs.
    Export {
        #[arg(long, value_enum, default_value_t = FormatArg::Xlsx)]
        format: FormatArg,
        /// The .xlsx file, or the folder for the CSV files.
        #[arg(long)]
        out: PathBuf,
        /// Only tickets created, and profiles updated, on or after this
        /// date (YYYY-MM-DD, WIB).
        #[arg(long)]
        since: Option<String>,
    },
    /// Write a consistent snapshot of the store (JSON lines). Works while
    /// the bot runs.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Rebuild a store from a backup into a new or empty folder. The
    /// backup's signature (its last line) is checked with the keyring of the
    /// folder it came from: a changed file is refused; one that cannot be
    /// checked is restored without its rows in transit.
    Restore {
        #[arg(long = "in")]
        input: PathBuf,
        #[arg(long)]
        data_dir: PathBuf,
        /// The keyring.json of the folder the backup was made from
        /// (default: the one beside its backups/ folder, if there).
        #[arg(long)]
        keyring: Option<PathBuf>,
    },
    /// Match a question against the FAQ, as the bot would; `faq learned`
    /// writes what staff taught it as content files.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Faq {
        #[command(subcommand)]
        learned: Option<FaqCommand>,
        /// The language the matched entry's question is shown in.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
        /// Print JSON: {"id", "score", "verdict", "small_talk", "question", "alternatives": [{"id", "score"}]}.
        #[arg(long)]
        json: bool,
        /// Measure the matcher on a question set (`lang<TAB>expected<TAB>question`
        /// lines, `expected` an entry id or `none`): top-1 accuracy and
        /// out-of-scope precision and recall, then every miss.
        #[arg(long, value_name = "FILE", conflicts_with = "question")]
        eval: Option<PathBuf>,
        /// The question; `-` reads one question per line from stdin.
        #[arg(required_unless_present = "eval")]
        question: Option<String>,
    },
}

#[derive(Subcommand)]
enum FaqCommand {
    /// What staff taught the FAQ from answered questions, written as
    /// content files under DIR, laid out like the project
    /// (dialogs/faq-learned.toml, locales/*/faq-learned.ftl,
    /// dialogs/examples/learned-*.toml) for an editor to review and commit.
    /// Works while the bot runs.
    Learned {
        #[arg(long, value_name = "DIR")]
        export: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Xlsx,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Id,
    En,
    Jv,
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
            LangArg::Jv => Lang::Jv,
        }
    }
}

/// The allocator: jemalloc. glibc's malloc and free were a fifth of the
/// bot's CPU at 1,000 concurrent managers; jemalloc takes the run's CPU
/// from 1.2x the in-memory reference bot's to about 1.0x (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, which bound the bot's peak memory (each measured
/// at 1,000 managers in BENCHMARKS.md):
///
/// - two arenas instead of four per core: every thread's arena keeps the
///   memory it freed;
/// - freed pages go back to the system after a second instead of ten,
///   and without the intermediate "muzzy" state;
/// - each thread caches freed blocks up to 4 KiB only, instead of 32 KiB.
///
/// `_RJEM_MALLOC_CONF` in the environment still wins.
#[unsafe(export_name = "_rjem_malloc_conf")]
#[allow(non_upper_case_globals)]
pub static malloc_conf: &[u8; 63] =
    b"narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0,tcache_max:4096\0";

fn main() -> ExitCode {
    // Every file this process writes (sled's too) is private to its user.
    opop_bot::files::private_umask();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,opop_bot=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("opop-bot: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Completes on SIGINT or SIGTERM (systemd stops services with SIGTERM).
async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler");
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

fn content_source(config: &Config) -> ContentSource {
    ContentSource {
        dialogs_dir: config.bot.dialogs_dir.clone(),
        locales_dir: config.bot.locales_dir.clone(),
    }
}

/// One answer of `opop-bot faq`: `id score question` / `none`, or the
/// JSON object; the question is the entry's title in `lang`, as the bot
/// shows it.
fn faq_line(content: &Content, lang: Lang, question: &str, json: bool) -> String {
    let faq = &content.faq;
    let result = faq.match_question(question);
    let best = result
        .best()
        .filter(|_| result.verdict == opop_bot::content::faq::Verdict::Answer);
    let title = best
        .and_then(|b| faq.entry(&b.id))
        .map(|e| opop_bot::html::to_plain(&e.title(&content.i18n, lang)));
    if json {
        serde_json::json!({
            "id": best.map(|b| b.id.clone()),
            "score": result.best().map_or(0.0, |b| b.score),
            "verdict": result.verdict,
            "small_talk": result.small_talk,
            "question": title,
            "alternatives": result.ranked.iter().skip(usize::from(best.is_some())).take(3).collect::<Vec<_>>(),
        })
        .to_string()
    } else {
        match (best, title) {
            (Some(b), Some(title)) => format!("{} {:.3}\t{title}", b.id, b.score),
            _ => "none".to_string(),
        }
    }
}

/// Runs an operator request: through the running bot if there is one,
/// else against the store opened here; the files go to `out`.
fn operator(config_path: Option<&Path>, request: Request, out: &Path) -> anyhow::Result<ExitCode> {
    let config = Config::load(config_path)?;
    let data_dir = config.bot.data_dir.clone();
    match opop_bot::control::run(&data_dir, &request, out, || app_of(config))? {
        Ok(message) => {
            println!("{message}");
            Ok(ExitCode::SUCCESS)
        }
        Err(message) => {
            eprintln!("opop-bot: {message}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn absolute(path: PathBuf) -> anyhow::Result<PathBuf> {
    Ok(std::path::absolute(&path)?)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = cli.config.as_deref();
    match cli.command {
        Command::Export { format, out, since } => export(config, format, out, since),
        Command::Backup { out } => operator(config, Request::Backup, &absolute(out)?),
        Command::Restore {
            input,
            data_dir,
            keyring,
        } => restore(&input, &data_dir, keyring),
        Command::Run => run_bot(config),
        Command::Check { dialogs, locales } => check(config, dialogs, locales),
        Command::Faq {
            learned: Some(FaqCommand::Learned { export }),
            ..
        } => operator(config, Request::Learned, &absolute(export)?),
        Command::Faq {
            lang,
            json,
            eval,
            question,
            learned: None,
        } => match eval {
            Some(file) => faq_eval(config, &file),
            None => faq(config, lang.lang(), json, question.unwrap_or_default()),
        },
        Command::Console { user, lang } => console(config, user, lang),
    }
}

/// The configuration, the content it names and the store it opens.
fn open_app(config: Option<&Path>) -> anyhow::Result<App> {
    app_of(Config::load(config)?)
}

/// The content a configuration names and the store it opens.
fn app_of(config: Config) -> anyhow::Result<App> {
    let content = Content::parse(&content_source(&config).read()?)?;
    let store = Store::open(&config.bot.data_dir)
        .with_context(|| format!("opening the store in {}", config.bot.data_dir.display()))?;
    Ok(App::new(content, store, config))
}

fn export(
    config: Option<&Path>,
    format: FormatArg,
    out: PathBuf,
    since: Option<String>,
) -> anyhow::Result<ExitCode> {
    let since = since
        .map(|d| {
            let date: jiff::civil::Date = d
                .parse()
                .with_context(|| format!("--since `{d}` is not a date like 2026-11-01"))?;
            opop_bot::time::wib()
                .to_timestamp(date.to_datetime(jiff::civil::Time::midnight()))
                .context("--since")
        })
        .transpose()?;
    let format = match format {
        FormatArg::Xlsx => ExportFormat::Xlsx,
        FormatArg::Csv => ExportFormat::Csv,
    };
    operator(config, Request::Export { format, since }, &absolute(out)?)
}

fn restore(input: &Path, data_dir: &Path, keyring: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    use opop_bot::store::Signature;
    // A daily backup lies in <data>/backups/: its folder's keyring is there.
    let keyring = keyring.or_else(|| {
        let beside = std::path::absolute(input)
            .ok()?
            .parent()?
            .parent()?
            .join("keyring.json");
        beside.exists().then_some(beside)
    });
    let key = match &keyring {
        Some(path) => opop_bot::store::crypt::Keyring::backup_key_in(path)?,
        None => None,
    };
    let signature = opop_bot::store::check_signature(input, key.as_ref())?;
    if signature == Signature::Wrong {
        eprintln!(
            "opop-bot: {} was changed after it was made (its signature does not match); nothing was restored",
            input.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let file =
        std::fs::File::open(input).with_context(|| format!("opening {}", input.display()))?;
    let reader = std::io::BufReader::new(file);
    let restored = match signature {
        Signature::Valid => Store::restore(reader, data_dir),
        _ => Store::restore_unchecked(reader, data_dir),
    };
    match restored {
        Ok(summary) => {
            println!(
                "restored {} records into {}",
                summary.records(),
                data_dir.display()
            );
            if signature == Signature::Unchecked {
                println!(
                    "the backup's signature could not be checked (no signature line, or no --keyring of the folder it came from): updates and messages that were in transit in it were left out"
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("opop-bot: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn run_bot(config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let bot = match opop_bot::telegram::bot_from_env() {
        Ok(bot) => bot,
        Err(e) => {
            eprintln!("opop-bot: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let app = std::sync::Arc::new(open_app(config)?);
    let runtime = tokio::runtime::Runtime::new()?;
    match runtime.block_on(opop_bot::telegram::run(app, bot, shutdown_signal())) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.is::<opop_bot::telegram::CannotWrite>() => {
            // One line, and out: nothing more can be written anyway.
            eprintln!("opop-bot: {e:#}");
            std::process::exit(1)
        }
        Err(e) => Err(e),
    }
}

fn check(
    config: Option<&Path>,
    dialogs: Option<PathBuf>,
    locales: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let config = Config::load(config)?;
    let mut source = content_source(&config);
    if dialogs.is_some() {
        source.dialogs_dir = dialogs;
    }
    if locales.is_some() {
        source.locales_dir = locales;
    }
    let raw = source.read()?;
    let problems = opop_bot::check::check(&raw);
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        println!(
            "ok: {} dialog files, {} example files, {} locale files",
            raw.dialogs.len(),
            raw.examples.len(),
            raw.locales.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{} problem(s)", problems.len());
        Ok(ExitCode::from(1))
    }
}

fn faq(
    config: Option<&Path>,
    lang: Lang,
    json: bool,
    question: String,
) -> anyhow::Result<ExitCode> {
    let config = Config::load(config)?;
    let content = Content::parse(&content_source(&config).read()?)?;
    let questions: Vec<String> = if question == "-" {
        std::io::stdin().lines().collect::<Result<_, _>>()?
    } else {
        vec![question]
    };
    for q in &questions {
        println!("{}", faq_line(&content, lang, q, json));
    }
    Ok(ExitCode::SUCCESS)
}

fn faq_eval(config: Option<&Path>, file: &Path) -> anyhow::Result<ExitCode> {
    use opop_bot::content::faq::eval;
    let config = Config::load(config)?;
    let content = Content::parse(&content_source(&config).read()?)?;
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let cases = eval::read_cases(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let report = eval::evaluate(&content.faq, &cases);
    print!("{}", report.summary());
    if !report.misses.is_empty() {
        println!("misses:");
        for miss in &report.misses {
            println!("  {miss}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn console(config: Option<&Path>, user: i64, lang: Option<LangArg>) -> anyhow::Result<ExitCode> {
    let app = open_app(config)?;
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout();
    let language = lang.map(|l| l.lang().code().to_string());
    let mut console = opop_bot::console::Console::new(&app, user, language);
    console.run(stdin.lock(), &mut stdout)?;
    app.store.flush()?;
    Ok(ExitCode::SUCCESS)
}
