//! Running the service and the database tasks around it.

use std::path::PathBuf;
use std::process::ExitCode;

use cylch_domain::{EmailAddress, Language, PersonName};
use cylch_store::Store;
use cylch_store::accounts::NewAccount;
use cylch_web::mail::OutgoingEmail;
use cylch_web::{AppState, Mailer, PasswordHasher, WebConfig};

use crate::config::{Config, ConfigError};
use crate::demo;

pub enum Task {
    Serve { demo: bool },
    Migrate,
    Demo,
    Backup(PathBuf),
    CreateAdmin { email: String, name: String },
}

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("could not create the data folder {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error(transparent)]
    Store(#[from] cylch_store::StoreError),
    #[error(transparent)]
    Backup(#[from] cylch_store::backup::BackupError),
    #[error("could not load the demo: {0}")]
    Demo(#[from] demo::DemoError),
    #[error("could not start: {0}")]
    Start(String),
    #[error("{0}")]
    Input(String),
}

pub fn run(config: Result<Config, ConfigError>, task: Task) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CYLCH_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("cylch: could not start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run_task(config, task)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("cylch: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn open(config: &Config) -> Result<Store, RunError> {
    std::fs::create_dir_all(&config.data_dir)
        .map_err(|e| RunError::DataDir(config.data_dir.display().to_string(), e))?;
    Ok(Store::open(&config.database_url()).await?)
}

fn app_state(config: &Config, store: Store) -> Result<AppState, RunError> {
    let public_url = config.public_url();
    let web = WebConfig {
        secure_cookies: public_url.starts_with("https://"),
        base_url: public_url,
        data_dir: config.data_dir.clone(),
    };
    let mailer = match &config.smtp_url {
        Some(url) => Mailer::smtp(url, &config.email_from),
        None => Mailer::folder(config.data_dir.join("outbox"), &config.email_from),
    }
    .map_err(|e| RunError::Start(e.to_string()))?;
    AppState::new(store, web, mailer).map_err(|e| RunError::Start(e.to_string()))
}

async fn run_task(config: Result<Config, ConfigError>, task: Task) -> Result<(), RunError> {
    let config = config?;
    let store = open(&config).await?;
    match task {
        Task::Migrate => {
            println!("The database is up to date.");
            Ok(())
        }
        Task::Demo => {
            load_demo(&store).await?;
            Ok(())
        }
        Task::Backup(path) => {
            store.backup_to(&path).await?;
            println!(
                "Wrote a consistent copy of the database to {}",
                path.display()
            );
            Ok(())
        }
        Task::CreateAdmin { email, name } => create_admin(&config, store, &email, &name).await,
        Task::Serve { demo } => {
            if demo {
                load_demo(&store).await?;
            }
            serve(&config, store).await
        }
    }
}

async fn load_demo(store: &Store) -> Result<(), RunError> {
    if demo::load(store, &PasswordHasher::new()).await? {
        println!("Loaded the demo co-operatives.");
    } else {
        println!("The demo co-operatives are already loaded.");
    }
    println!("{}", demo::logins());
    Ok(())
}

async fn create_admin(
    config: &Config,
    store: Store,
    email: &str,
    name: &str,
) -> Result<(), RunError> {
    let email = EmailAddress::parse(email).map_err(|e| RunError::Input(format!("--email: {e}")))?;
    let name = PersonName::parse(name).map_err(|e| RunError::Input(format!("--name: {e}")))?;
    let account = store
        .create_account(
            None,
            NewAccount {
                email: &email,
                name: &name,
                language: Language::Cy,
                password_hash: None,
                instance_admin: true,
            },
        )
        .await?;
    let secret = store.create_password_reset(&account).await?;
    let state = app_state(config, store)?;
    let link = format!("{}/reset-password/{secret}", state.config.base_url);
    let body = state
        .i18n
        .with_arg(Language::En, "email-reset-body", "link", &link);
    state
        .mailer
        .send(&OutgoingEmail {
            to: email,
            subject: state.i18n.text(Language::En, "email-reset-subject"),
            body,
        })
        .await
        .map_err(|e| RunError::Start(e.to_string()))?;
    println!(
        "Created the administrator. They choose a password at (valid for one hour):\n  {link}"
    );
    Ok(())
}

async fn serve(config: &Config, store: Store) -> Result<(), RunError> {
    let state = app_state(config, store.clone())?;
    let listener = tokio::net::TcpListener::bind(&config.listen)
        .await
        .map_err(|e| RunError::Start(format!("cannot listen on {}: {e}", config.listen)))?;
    let address = listener
        .local_addr()
        .map_err(|e| RunError::Start(e.to_string()))?;
    println!("Cylch is running at http://{address}/ (stop it with Ctrl+C)");
    // Reminders and notification emails; every server may run this, as
    // the store lets only one claim each email.
    let background = tokio::spawn(cylch_web::notify::run(state.clone()));
    // The peer's address reaches the handlers, for the sign-in throttle by
    // client.
    axum::serve(
        listener,
        cylch_web::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| RunError::Start(e.to_string()))?;
    background.abort();
    store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
