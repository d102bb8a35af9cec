//! The `cylch` command: the web service and the tools around it.

mod cli;
mod config;
mod demo;
mod demo_leave;
mod demo_needs;
mod demo_payroll;
mod demo_rota;
mod demo_timesheets;
mod server;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cylch",
    version,
    about = "Cylch: software with which a small care and support co-operative runs itself",
    after_help = "Configuration: an optional cylch.toml (or the file named by --config or CYLCH_CONFIG), \
then the environment (CYLCH_LISTEN, CYLCH_DATA_DIR, DATABASE_URL, CYLCH_BASE_URL, CYLCH_EMAIL_FROM), \
then flags. See the README."
)]
struct Cli {
    /// A configuration file (TOML).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service. On first run it creates the data folder and a
    /// SQLite database there (or uses DATABASE_URL) and applies migrations.
    Serve {
        /// Address to listen on [env: CYLCH_LISTEN] [default: 127.0.0.1:8080]
        #[arg(long)]
        listen: Option<String>,
        /// Folder for the SQLite database and the email outbox [env: CYLCH_DATA_DIR] [default: ./cylch-data]
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Also load the demo co-operatives and print their sign-ins.
        #[arg(long)]
        demo: bool,
    },
    /// Create or bring up to date the database schema, then stop.
    Migrate {
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Load the demo co-operatives into an existing database.
    Demo {
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Write a consistent copy of a live SQLite database to PATH.
    Backup {
        /// Where to write the copy; it must not exist yet.
        path: PathBuf,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Create the instance administrator's account and email them a link to
    /// choose a password.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// UK payroll: compute a pay period, HMRC's way.
    #[command(subcommand)]
    Payroll(cli::payroll::PayrollCommand),
    /// The rota solver: share PAs fairly across people's support needs.
    #[command(subcommand)]
    Roster(cli::roster::RosterCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config_file = cli.config;
    let load = |listen: Option<String>, data_dir: Option<PathBuf>| {
        config::Config::load(
            config_file.as_deref(),
            config::Overrides { listen, data_dir },
        )
    };
    match cli.command {
        Command::Payroll(command) => cli::payroll::run(command),
        Command::Roster(command) => cli::roster::run(command),
        Command::Serve {
            listen,
            data_dir,
            demo,
        } => server::run(load(listen, data_dir), server::Task::Serve { demo }),
        Command::Migrate { data_dir } => server::run(load(None, data_dir), server::Task::Migrate),
        Command::Demo { data_dir } => server::run(load(None, data_dir), server::Task::Demo),
        Command::Backup { path, data_dir } => {
            server::run(load(None, data_dir), server::Task::Backup(path))
        }
        Command::CreateAdmin {
            email,
            name,
            data_dir,
        } => server::run(
            load(None, data_dir),
            server::Task::CreateAdmin { email, name },
        ),
    }
}
