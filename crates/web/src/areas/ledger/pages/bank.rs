//! Importing a bank statement: the treasurer uploads the bank's CSV file.
//! A layout Cylch knows is read at once; any other file goes to a screen
//! where the treasurer says which column is the date, the description and
//! the amount, and how dates are written. A bad file is refused whole, the
//! line and the problem named, on either screen.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cylch_domain::policy::Action;
use cylch_ledger::bank::{
    AmountColumns, BankFileError, DateOrder, Layout, LayoutChoice, Preview, preview,
};
use cylch_store::CoopScope;
use cylch_store::ledger::{ImportSummary, LedgerError};

use super::upload::UploadForm;
use super::{Typed, page, refused};
use crate::AppState;
use crate::areas::ledger::commands::{self, Refused};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

/// The problem with a file, in words naming its line.
pub(super) fn bank_problem(state: &AppState, viewer: &Viewer, err: &BankFileError) -> String {
    match err.line() {
        Some(line) => state
            .i18n
            .with_arg(viewer.language, err.code(), "line", &line.to_string()),
        None => state.i18n.text(viewer.language, err.code()),
    }
}

fn imported_notice(state: &AppState, viewer: &Viewer, summary: &ImportSummary) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("added", i64::try_from(summary.lines_added).unwrap_or(0));
    args.set(
        "known",
        i64::try_from(summary.already_imported).unwrap_or(0),
    );
    state
        .i18n
        .format(viewer.language, "ledger-imported", Some(&args))
}

async fn imported(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    summary: &ImportSummary,
) -> Result<Response, AppError> {
    let notice = imported_notice(state, viewer, summary);
    render(
        &page(
            state,
            viewer,
            scope,
            Problems::default(),
            String::new(),
            notice,
            Typed::default(),
        )
        .await?,
    )
}

/// `POST /coops/{id}/ledger/bank`: the uploaded file, read by the layouts
/// Cylch knows.
pub async fn import(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    form: UploadForm,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ImportStatement).await?;
    let Some(bytes) = form.file("statement") else {
        let mut errors = Problems::default();
        errors.add("statement", "ledger-statement-choose-file");
        return render_invalid(
            &page(
                &state,
                &viewer,
                &scope,
                errors,
                String::new(),
                String::new(),
                Typed::default(),
            )
            .await?,
        );
    };
    match commands::import_statement(&state, &scope, bytes, &LayoutChoice::Detect).await {
        Ok(summary) => imported(&state, &viewer, &scope, &summary).await,
        Err(Refused::Ledger(LedgerError::Bank(BankFileError::NoHeader { .. }))) => {
            match preview(bytes) {
                Ok(found) => {
                    let text = String::from_utf8_lossy(bytes).into_owned();
                    render(&mapping_page(
                        &state,
                        &viewer,
                        &scope,
                        found,
                        text,
                        Mapping::default(),
                        Problems::default(),
                        String::new(),
                    ))
                }
                Err(err) => {
                    refused(
                        &state,
                        &viewer,
                        &scope,
                        "statement",
                        LedgerError::from(err),
                        Typed::default(),
                    )
                    .await
                }
            }
        }
        Err(err) => refused(&state, &viewer, &scope, "statement", err, Typed::default()).await,
    }
}

/// What the treasurer chose on the mapping screen.
#[derive(Debug, Default, Clone)]
pub struct Mapping {
    pub date_column: String,
    pub description_columns: Vec<String>,
    pub amount_style: String,
    pub amount_column: String,
    pub in_column: String,
    pub out_column: String,
    pub date_order: String,
}

impl Mapping {
    /// The column chosen for one of the amount fields, to keep it chosen.
    pub fn column(&self, field: &str) -> &str {
        match field {
            "in_column" => &self.in_column,
            "out_column" => &self.out_column,
            _ => &self.amount_column,
        }
    }

    fn from_form(form: &UploadForm) -> Mapping {
        Mapping {
            date_column: form.text("date_column"),
            description_columns: form.texts("description_columns"),
            amount_style: form.text("amount_style"),
            amount_column: form.text("amount_column"),
            in_column: form.text("in_column"),
            out_column: form.text("out_column"),
            date_order: form.text("date_order"),
        }
    }

    /// The layout these choices make, or the problems with them: every
    /// column named must be one the file has.
    fn layout(&self, columns: &[String], errors: &mut Problems) -> Option<Layout> {
        let known = |raw: &str| columns.iter().find(|c| c.as_str() == raw).cloned();
        let date = known(&self.date_column);
        if date.is_none() {
            errors.add("date_column", "ledger-mapping-choose-date");
        }
        let description: Vec<String> = self
            .description_columns
            .iter()
            .filter_map(|d| known(d))
            .collect();
        if description.is_empty() || description.len() != self.description_columns.len() {
            errors.add("description_columns", "ledger-mapping-choose-description");
        }
        let amount = match self.amount_style.as_str() {
            "signed" => match known(&self.amount_column) {
                Some(amount) => Some(AmountColumns::Signed { amount }),
                None => {
                    errors.add("amount_column", "ledger-mapping-choose-amount");
                    None
                }
            },
            "in_out" => {
                let money_in = known(&self.in_column);
                let money_out = known(&self.out_column);
                if money_in.is_none() {
                    errors.add("in_column", "ledger-mapping-choose-in");
                }
                if money_out.is_none() {
                    errors.add("out_column", "ledger-mapping-choose-out");
                }
                match (money_in, money_out) {
                    (Some(money_in), Some(money_out)) if money_in == money_out => {
                        errors.add("out_column", "ledger-mapping-in-out-same");
                        None
                    }
                    (Some(money_in), Some(money_out)) => Some(AmountColumns::InOut {
                        money_in,
                        money_out,
                    }),
                    _ => None,
                }
            }
            _ => {
                errors.add("amount_style", "ledger-mapping-choose-style");
                None
            }
        };
        let date_order = match self.date_order.as_str() {
            "day_first" => Some(DateOrder::DayFirst),
            "month_first" => Some(DateOrder::MonthFirst),
            _ => {
                errors.add("date_order", "ledger-mapping-choose-date-order");
                None
            }
        };
        Some(Layout {
            name: "mapped".to_owned(),
            date: date?,
            description,
            amount: amount?,
            balance: None,
            date_order: date_order?,
        })
        .filter(|_| errors.is_empty())
    }
}

#[derive(Template)]
#[template(path = "ledger/bank_mapping.html")]
struct MappingPage {
    chrome: Chrome,
    errors: Problems,
    /// The file's problem once read with the chosen columns, naming its line.
    bank_problem: String,
    coop_id: String,
    columns: Vec<String>,
    header_line: String,
    sample: Vec<Vec<String>>,
    /// The file itself, sent back with the choices.
    file: String,
    chosen: Mapping,
}

#[allow(clippy::too_many_arguments)]
fn mapping_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    found: Preview,
    file: String,
    chosen: Mapping,
    errors: Problems,
    bank_problem: String,
) -> MappingPage {
    let mut chrome = Chrome::new(state, viewer, "ledger-mapping-title");
    if !errors.is_empty() || !bank_problem.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    MappingPage {
        chrome,
        errors,
        bank_problem,
        coop_id: scope.coop_id().to_string(),
        columns: found.columns,
        header_line: found.header_line.to_string(),
        sample: found.sample,
        file,
        chosen,
    }
}

/// `POST /coops/{id}/ledger/bank/mapping`: the file again with the columns
/// the treasurer named.
pub async fn import_mapped(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    form: UploadForm,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ImportStatement).await?;
    let file = form.text("file");
    let found = match preview(file.as_bytes()) {
        Ok(found) => found,
        // Nothing to map (the form was sent without its file): start again.
        Err(err) => {
            return refused(
                &state,
                &viewer,
                &scope,
                "statement",
                LedgerError::from(err),
                Typed::default(),
            )
            .await;
        }
    };
    let chosen = Mapping::from_form(&form);
    let mut errors = Problems::default();
    let Some(layout) = chosen.layout(&found.columns, &mut errors) else {
        return render_invalid(&mapping_page(
            &state,
            &viewer,
            &scope,
            found,
            file,
            chosen,
            errors,
            String::new(),
        ));
    };
    let layout = LayoutChoice::Use(layout);
    match commands::import_statement(&state, &scope, file.as_bytes(), &layout).await {
        Ok(summary) => imported(&state, &viewer, &scope, &summary).await,
        Err(Refused::Ledger(LedgerError::Bank(err))) => {
            let problem = bank_problem(&state, &viewer, &err);
            render_invalid(&mapping_page(
                &state,
                &viewer,
                &scope,
                found,
                file,
                chosen,
                Problems::default(),
                problem,
            ))
        }
        Err(err) => refused(&state, &viewer, &scope, "statement", err, Typed::default()).await,
    }
}
