//! Payslips: a PA's own list, one payslip on a page, and the same payslip
//! as a tagged PDF in the PA's language. The itemised payslip the law asks
//! for: the employer, the period, hours and rate for each kind of time
//! (pay varies with the hours worked), gross pay, each deduction with the
//! tax code and NI letter, net pay, and the year's figures to date.
//!
//! The page and the PDF are made from the same [`Section`]s, so the two
//! cannot say different things.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cylch_documents::{Column, Document, Orientation, Table, pdf};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_store::PayslipId;
use cylch_store::payroll::{PayslipView, frequency_code};
use fluent_bundle::{FluentArgs, FluentValue};

use crate::AppState;
use crate::areas::employment::statement::{pounds, shown_date};
use crate::areas::payroll::commands;
use crate::areas::timesheets::pages::hours;
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::page::{ViewerExt, attachment, render};

/// A part of a payslip: a heading and rows of cells, the first naming the
/// row.
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The payslip's parts, in `language`.
fn sections(state: &AppState, language: Language, v: &PayslipView) -> Vec<Section> {
    let t = |id: &str| state.i18n.text(language, id);
    let s = &v.slip;
    let mut code = v.tax_code.clone();
    if v.week1_month1 {
        code = format!("{code} ({})", t("payslip-week1-month1"));
    }
    let facts = vec![
        vec![t("payslip-employer"), v.employer.clone()],
        vec![t("payslip-pa"), s.pa_name.clone()],
        vec![
            t("payslip-period"),
            format!(
                "{} – {} ({} {} {})",
                shown_date(&v.run.first.to_string()),
                shown_date(&v.run.last.to_string()),
                v.run.tax_year.data().name,
                t(&format!(
                    "payroll-frequency-{}",
                    frequency_code(v.run.frequency)
                )),
                v.run.period
            ),
        ],
        vec![
            t("payslip-pay-date"),
            shown_date(&v.run.pay_date.to_string()),
        ],
        vec![t("payslip-tax-code"), code],
        vec![t("payslip-ni-letter"), v.ni_letter.clone()],
    ];
    let mut pay_rows: Vec<Vec<String>> = v
        .lines
        .iter()
        .map(|l| {
            let mut kind = t(&format!("timesheets-kind-{}", l.kind.code()));
            if l.adjustment {
                kind = format!("{kind} ({})", t("payslip-adjustment"));
            }
            let mut rate = format!("{}/{}", pounds(l.rate), t("payslip-hour"));
            if l.nights > 0 {
                let mut args = FluentArgs::new();
                args.set("nights", FluentValue::from(l.nights));
                args.set("sum", pounds(l.flat));
                rate = format!(
                    "{rate}; {}",
                    state
                        .i18n
                        .format(language, "payslip-sleep-in-nights", Some(&args))
                );
            }
            vec![kind, hours(l.minutes), rate]
        })
        .collect();
    pay_rows.push(vec![
        t("payslip-hours-paid"),
        hours(s.minutes_paid),
        String::new(),
    ]);
    let mut money = vec![vec![t("payslip-gross"), pounds(s.gross)]];
    let mut deduction = |id: &str, amount: i64| {
        if amount != 0 {
            money.push(vec![t(id), format!("−{}", pounds(amount))]);
        }
    };
    deduction("payslip-tax", s.tax);
    deduction("payslip-employee-ni", s.employee_ni);
    deduction("payslip-employee-pension", s.employee_pension);
    deduction("payslip-student-loan", s.student_loan);
    money.push(vec![t("payslip-net"), pounds(s.net_pay)]);
    let employer = vec![
        vec![
            t("payslip-employer-ni"),
            pounds(s.employer_ni - s.employment_allowance_used),
        ],
        vec![t("payslip-employer-pension"), pounds(s.employer_pension)],
    ];
    let to_date = vec![
        vec![t("payslip-gross-to-date"), pounds(s.gross_to_date)],
        vec![t("payslip-taxable-to-date"), pounds(s.taxable_pay_to_date)],
        vec![t("payslip-tax-to-date"), pounds(s.tax_to_date)],
        vec![t("payslip-ni-to-date"), pounds(s.employee_ni_to_date)],
        vec![
            t("payslip-pension-to-date"),
            pounds(s.employee_pension_to_date),
        ],
    ];
    let two = || vec![t("payslip-col-item"), t("payslip-col-amount")];
    vec![
        Section {
            id: "details",
            heading: t("payslip-details-heading"),
            columns: vec![t("payslip-col-item"), t("payslip-col-value")],
            rows: facts,
        },
        Section {
            id: "hours",
            heading: t("payslip-hours-heading"),
            columns: vec![
                t("payslip-col-kind"),
                t("payslip-col-hours"),
                t("payslip-col-rate"),
            ],
            rows: pay_rows,
        },
        Section {
            id: "pay",
            heading: t("payslip-pay-heading"),
            columns: two(),
            rows: money,
        },
        Section {
            id: "employer",
            heading: t("payslip-employer-heading"),
            columns: two(),
            rows: employer,
        },
        Section {
            id: "to-date",
            heading: t("payslip-to-date-heading"),
            columns: two(),
            rows: to_date,
        },
    ]
}

fn title(state: &AppState, language: Language, v: &PayslipView) -> String {
    state
        .i18n
        .with_arg(language, "payslip-heading", "name", &v.slip.pa_name)
}

// ---- The list ------------------------------------------------------------------

pub struct PayslipRow {
    pub link: String,
    pub period: String,
    pub pay_date: String,
    pub gross: String,
    pub net: String,
}

#[derive(Template)]
#[template(path = "payroll/payslips.html")]
struct ListPage {
    chrome: Chrome,
    coop_id: String,
    rows: Vec<PayslipRow>,
}

pub async fn list(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewPayslips).await?;
    let rows = state
        .store
        .own_payslips(&scope)
        .await?
        .into_iter()
        .map(|p| PayslipRow {
            link: format!("/coops/{id}/payslips/{}", p.id),
            period: format!(
                "{} – {}",
                shown_date(&p.first.to_string()),
                shown_date(&p.last.to_string())
            ),
            pay_date: shown_date(&p.pay_date.to_string()),
            gross: pounds(p.gross),
            net: pounds(p.net_pay),
        })
        .collect();
    render(&ListPage {
        chrome: Chrome::new(&state, &viewer, "payslips-title"),
        coop_id: id,
        rows,
    })
}

// ---- One payslip ---------------------------------------------------------------

#[derive(Template)]
#[template(path = "payroll/payslip.html")]
struct SlipPage {
    chrome: Chrome,
    heading: String,
    sections: Vec<Section>,
    pdf: String,
    back: String,
}

async fn load(
    state: &AppState,
    viewer: &ViewerExt,
    coop: &str,
    payslip: &str,
) -> Result<PayslipView, AppError> {
    let scope = scope_for(state, viewer, coop, Action::ViewPayslips).await?;
    let id = PayslipId::parse(payslip).ok_or(AppError::NOT_FOUND)?;
    state
        .store
        .payslip(&scope, &id)
        .await
        .map_err(commands::read_failed)
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, payslip)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let view = load(&state, &viewer, &id, &payslip).await?;
    let mut chrome = Chrome::new(&state, &viewer, "payslip-title");
    let heading = title(&state, viewer.language, &view);
    chrome.title = heading.clone();
    render(&SlipPage {
        heading,
        sections: sections(&state, viewer.language, &view),
        pdf: format!("/coops/{id}/payslips/{payslip}/pdf"),
        back: format!("/coops/{id}/payslips"),
        chrome,
    })
}

/// The payslip as a tagged PDF, in the PA's own language (the reader's
/// when the PA does not sign in).
pub async fn pdf(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, payslip)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let view = load(&state, &viewer, &id, &payslip).await?;
    let language = view.pa_language.unwrap_or(viewer.language);
    let today = state
        .clock()
        .today_in_wales()
        .strftime("%d/%m/%Y")
        .to_string();
    let document = Document {
        language,
        title: title(&state, language, &view),
        subtitles: vec![view.employer.clone()],
        generated: state
            .i18n
            .with_arg(language, "documents-made-on", "date", &today),
        orientation: Orientation::Portrait,
        tables: sections(&state, language, &view)
            .into_iter()
            .map(|s| {
                let widths: &[u16] = if s.columns.len() == 3 {
                    &[2, 1, 3]
                } else {
                    &[3, 2]
                };
                Table {
                    heading: s.heading,
                    columns: s
                        .columns
                        .into_iter()
                        .zip(widths)
                        .map(|(header, width)| Column::new(header, *width))
                        .collect(),
                    rows: s.rows,
                    row_headers: true,
                    empty: String::new(),
                }
            })
            .collect(),
    };
    let i18n = state.i18n.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        pdf::render(&document, |page, pages| {
            let mut args = FluentArgs::new();
            args.set("page", FluentValue::from(page));
            args.set("pages", FluentValue::from(pages));
            i18n.format(language, "documents-page-of", Some(&args))
        })
    })
    .await
    .map_err(AppError::from)?
    .map_err(AppError::from)?;
    Ok(attachment(
        "application/pdf",
        format!("payslip-{}.pdf", view.run.pay_date),
        bytes,
    ))
}

pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/payslips", list),
        route("GET", "/coops/{id}/payslips/{payslip}", show),
        route("GET", "/coops/{id}/payslips/{payslip}/pdf", pdf),
    ]
}
