//! The bank: statement files imported whole and once or refused naming the
//! line, through the API and the upload page, a bank Cylch does not know
//! mapped column by column, and reconciling.

use serde_json::json;

use super::builders::{Books, LLOYDS};
use crate::on_both;

on_both!(
    bank_files_are_imported_whole_once_or_refused_with_the_line,
    |app| {
        let books = Books::new(&app).await;
        let t = books.api("treasurer").await;
        let first = t.post("/bank/imports", json!({"csv": LLOYDS})).await;
        assert_eq!(first.status, 201, "{}", first.body);
        assert_eq!(first.json()["lines_added"], 2);
        let again = t.post("/bank/imports", json!({"csv": LLOYDS})).await;
        assert_eq!(again.json()["lines_added"], 0);
        assert_eq!(again.json()["already_imported"], 2);

        let bad = format!("{LLOYDS}11/04/2026,DEB,'30-99-50,12345678,TACSI,ten pounds,,1177.50\n");
        let refused = t.post("/bank/imports", json!({"csv": bad})).await;
        assert_eq!(refused.status, 422);
        let error = refused.json()["error"].clone();
        assert_eq!(error["code"], "ledger-bank-bad-amount");
        assert_eq!(error["line"], 4);
        assert!(error["message"].as_str().unwrap().starts_with("Line 4"));
        let lines = t.get("/bank/lines").await.json();
        assert_eq!(
            lines.as_array().unwrap().len(),
            2,
            "nothing of a refused file is kept"
        );

        let reconciled = t.send("POST", "/bank/reconcile", None).await;
        assert_eq!(reconciled.status, 200, "{}", reconciled.body);
        assert_eq!(
            reconciled.json()["unreconciled_lines"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
    }
);

/// The mapping form's choices for the credit union's file below: dates
/// month first, the payee and memo as the description, money in and out in
/// two columns.
fn credit_union_mapping(file: &str) -> Vec<(&str, &str)> {
    vec![
        ("file", file),
        ("date_column", "When"),
        ("description_columns", "Payee"),
        ("description_columns", "Memo"),
        ("date_order", "month_first"),
        ("amount_style", "in_out"),
        ("in_column", "In"),
        ("out_column", "Out"),
    ]
}

on_both!(
    a_statement_from_an_unknown_bank_is_imported_with_the_columns_named,
    |app| {
        let books = Books::new(&app).await;
        let t = books.pages("treasurer").await;

        // No file chosen: the form says so at the file input.
        let none = t.upload("/bank", &[], b"").await;
        assert_eq!(none.status, 422);
        assert!(none.body.contains("href=\"#statement\""), "{}", none.body);
        assert!(none.body.contains("Choose the bank statement"));

        // A credit union's export with American dates: no layout Cylch knows.
        let file = "\"Account:\",\"Undeb Credyd 42\"\nWhen,Payee,Out,In,Memo\n04/01/2026,Caffi,3.20,,\n04/02/2026,Grant,,100.00,diolch\n";
        let mapping = t.upload("/bank", &[], file.as_bytes()).await;
        assert_eq!(mapping.status, 200, "{}", mapping.body);
        assert!(mapping.body.contains("Say which column is which"));
        assert!(mapping.body.contains("<th scope=\"col\">Payee</th>"));
        assert!(mapping.body.contains("<td>Caffi</td>"));
        assert!(
            app.store.bank_lines(&books.scope).await.unwrap().is_empty(),
            "nothing imported yet"
        );

        let mapped = "/bank/mapping";
        // Choices missing: each named at its field, the choices kept.
        let missing = t
            .upload(
                mapped,
                &[
                    ("file", file),
                    ("date_column", "When"),
                    ("date_order", "month_first"),
                    ("amount_style", "in_out"),
                    ("in_column", "In"),
                ],
                b"",
            )
            .await;
        assert_eq!(missing.status, 422, "{}", missing.body);
        assert!(missing.body.contains("href=\"#description_columns\""));
        assert!(missing.body.contains("href=\"#out_column\""));
        assert!(!missing.body.contains("href=\"#date_column\""));
        assert!(missing.body.contains("<option value=\"When\" selected>"));
        // A column the file does not have is refused, not trusted.
        let unknown = t
            .upload(
                mapped,
                &[
                    ("file", file),
                    ("date_column", "Posted"),
                    ("description_columns", "Payee"),
                    ("date_order", "day_first"),
                    ("amount_style", "signed"),
                    ("amount_column", "In"),
                ],
                b"",
            )
            .await;
        assert_eq!(unknown.status, 422);
        assert!(unknown.body.contains("href=\"#date_column\""));

        // Day first, 04/02/2026 is fine but the dates are right only month
        // first; a bad line is refused whole naming the line.
        let bad = format!("{file}13/02/2026,Tacsi,5.00,,\n");
        let refused = t.upload(mapped, &credit_union_mapping(&bad), b"").await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("Line 5"), "{}", refused.body);
        assert!(app.store.bank_lines(&books.scope).await.unwrap().is_empty());

        let imported = t.upload(mapped, &credit_union_mapping(file), b"").await;
        assert_eq!(imported.status, 200, "{}", imported.body);
        assert!(imported.body.contains("2 new lines"), "{}", imported.body);
        let lines = app.store.bank_lines(&books.scope).await.unwrap();
        let seen: Vec<(String, i64, String)> = lines
            .iter()
            .map(|l| (l.date.to_string(), l.amount.get(), l.description.clone()))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("2026-04-01".to_owned(), -320, "Caffi".to_owned()),
                ("2026-04-02".to_owned(), 10_000, "Grant diolch".to_owned()),
            ]
        );
        // The same file again adds nothing.
        let again = t.upload(mapped, &credit_union_mapping(file), b"").await;
        assert!(
            again.body.contains("0 new lines; 2 already imported"),
            "{}",
            again.body
        );
    }
);

on_both!(
    a_year_of_statement_is_larger_than_a_form_and_still_imports,
    |app| {
        let books = Books::new(&app).await;
        let t = books.pages("treasurer").await;
        let mut file = String::from(
            "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n",
        );
        for n in 0..3000 {
            let day = n % 28 + 1;
            file.push_str(&format!(
                "{day:02}/03/2026,DEB,'30-99-50,12345678,CAFFI TALIAD {n},1.{:02},,\n",
                n % 100
            ));
        }
        assert!(
            file.len() > 2 * 64 * 1024,
            "twice the size of the largest form"
        );
        let imported = t.upload("/bank", &[], file.as_bytes()).await;
        assert_eq!(imported.status, 200, "{}", imported.body);
        assert!(
            imported.body.contains("3000 new lines"),
            "{}",
            imported.body
        );
    }
);
