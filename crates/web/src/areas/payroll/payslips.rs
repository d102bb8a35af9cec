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
use cylch_payroll::TaxYear;
use cylch_store::payroll::{PayslipView, frequency_code};
use cylch_store::{EmploymentId, PayslipId};
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
    /// Each ended tax year's P60: its link and the year's name.
    p60s: Vec<(String, String)>,
}

pub async fn list(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewPayslips).await?;
    let own = state.store.own_payslips(&scope).await?;
    let today = commands::today(&state);
    let mut p60s: Vec<(String, String)> = Vec::new();
    for p in &own {
        for year in TaxYear::ALL {
            let link = format!(
                "/coops/{id}/payslips/p60/{}/{}",
                p.employment,
                year.data().name
            );
            if year.contains(p.pay_date)
                && year.last_day() < today
                && !p60s.iter().any(|(l, _)| *l == link)
            {
                p60s.push((link, year.data().name.to_owned()));
            }
        }
    }
    let rows = own
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
        p60s,
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
    pdf_file(
        &state,
        document,
        format!("payslip-{}.pdf", view.run.pay_date),
    )
    .await
}

/// A P60 as a tagged PDF in the PA's language: the year's pay and tax in
/// this employment (and before it, from a P45), NI by letter, and the
/// employer's PAYE reference.
pub async fn p60(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa, year)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewPayslips).await?;
    let pa = EmploymentId::parse(&pa).ok_or(AppError::NOT_FOUND)?;
    let year = TaxYear::parse(&year).map_err(|_| AppError::NOT_FOUND)?;
    let p = state
        .store
        .p60(&scope, &pa, year)
        .await
        .map_err(commands::read_failed)?
        .ok_or(AppError::NOT_FOUND)?;
    let language = state
        .store
        .employment_language(&scope, &pa)
        .await?
        .unwrap_or(viewer.language);
    let t = |key: &str| state.i18n.text(language, key);
    let money = |label: &str, amount: i64| vec![t(label), pounds(amount)];
    let mut facts = vec![
        vec![t("p60-employee"), p.pa_name.clone()],
        vec![t("p60-ni-number"), p.ni_number.clone().unwrap_or_default()],
        vec![t("p60-payroll-id"), p.payroll_id.clone()],
        vec![t("p60-tax-code"), p.final_tax_code.clone()],
        vec![t("p60-employer"), p.employer.clone()],
        vec![
            t("p60-paye-reference"),
            p.paye_reference.clone().unwrap_or_default(),
        ],
    ];
    facts.retain(|row| !row[1].is_empty());
    let pay = vec![
        money("p60-previous-pay", p.previous_pay),
        money("p60-previous-tax", p.previous_tax),
        money("p60-pay", p.pay),
        money("p60-tax", p.tax),
        money("p60-total-pay", p.pay.saturating_add(p.previous_pay)),
        money("p60-total-tax", p.tax.saturating_add(p.previous_tax)),
        money("p60-student-loan", p.student_loan),
        money("p60-pension", p.employee_pension),
    ];
    let nics = p
        .nics
        .iter()
        .map(|n| {
            vec![
                n.letter.clone(),
                pounds(n.bands.at_lel),
                pounds(n.bands.lel_to_pt),
                pounds(n.bands.pt_to_uel),
                pounds(n.employee),
            ]
        })
        .collect();
    let today = state
        .clock()
        .today_in_wales()
        .strftime("%d/%m/%Y")
        .to_string();
    let two = || {
        vec![
            Column::new(t("payslip-col-item"), 3),
            Column::new(t("payslip-col-amount"), 2),
        ]
    };
    let document = Document {
        language,
        title: state
            .i18n
            .with_arg(language, "p60-title", "year", year.data().name),
        subtitles: vec![p.employer.clone()],
        generated: state
            .i18n
            .with_arg(language, "documents-made-on", "date", &today),
        orientation: Orientation::Portrait,
        tables: vec![
            Table {
                heading: t("payslip-details-heading"),
                columns: vec![
                    Column::new(t("payslip-col-item"), 3),
                    Column::new(t("payslip-col-value"), 3),
                ],
                rows: facts,
                row_headers: true,
                empty: String::new(),
            },
            Table {
                heading: t("p60-pay-heading"),
                columns: two(),
                rows: pay,
                row_headers: true,
                empty: String::new(),
            },
            Table {
                heading: t("p60-ni-heading"),
                columns: vec![
                    Column::new(t("p60-col-letter"), 1),
                    Column::new(t("p60-col-at-lel"), 2),
                    Column::new(t("p60-col-lel-to-pt"), 2),
                    Column::new(t("p60-col-pt-to-uel"), 2),
                    Column::new(t("p60-col-employee"), 2),
                ],
                rows: nics,
                row_headers: true,
                empty: String::new(),
            },
        ],
    };
    pdf_file(&state, document, format!("p60-{}.pdf", year.data().name)).await
}

/// A document as a PDF file to save, its pages numbered in its own
/// language; drawn away from the request threads.
async fn pdf_file(
    state: &AppState,
    document: Document,
    name: String,
) -> Result<Response, AppError> {
    let i18n = state.i18n.clone();
    let language = document.language;
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
    Ok(attachment("application/pdf", name, bytes))
}

pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/payslips", list),
        route("GET", "/coops/{id}/payslips/{payslip}", show),
        route("GET", "/coops/{id}/payslips/{payslip}/pdf", pdf),
        route("GET", "/coops/{id}/payslips/p60/{pa}/{year}", p60),
    ]
}
