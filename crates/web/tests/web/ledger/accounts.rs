//! The trial balance and the year's accounts, worked out by hand from a
//! year of the books and compared with the pages.

use super::builders::{Books, fund_of};
use crate::on_both;

on_both!(
    the_trial_balance_and_the_years_accounts_agree_with_the_books,
    |app| {
        use cylch_ledger::account::codes;
        use cylch_ledger::{
            Category, ChargeTo, EntryDraft, EntryId, FundId, Line, Pence, Side, SplitRule,
        };
        let books = Books::new(&app).await;
        let gwen = &fund_of(&books.gwen().await);
        let huw = &fund_of(&books.huw().await);
        let d = |s: &str| s.parse::<jiff::civil::Date>().unwrap();
        // The worked example. Before the year: Gwen's £500 Direct Payment.
        // In the year 2026–27: Direct Payments of £1,200 (Gwen) and £800
        // (Huw); an outing for £30 shared equally; £24 of members'
        // contributions to the general fund, which pays £9 of insurance;
        // £100 of equipment for Huw.
        for person in [gwen, huw] {
            books.paid_monthly(person, 80_000, d("2026-03-01")).await;
        }
        for (person, date, amount) in [
            (gwen, "2026-03-15", 50_000),
            (gwen, "2026-04-01", 120_000),
            (huw, "2026-04-01", 80_000),
        ] {
            books.received(person, d(date), amount).await;
        }
        books
            .spent(
                d("2026-04-10"),
                "Outing",
                Category::Activities,
                3_000,
                ChargeTo::Shared {
                    rule: SplitRule::Equally {
                        people: vec![gwen.clone(), huw.clone()],
                    },
                },
            )
            .await;
        app.store
            .post_entry(
                &books.scope,
                EntryDraft {
                    id: EntryId::new("subs-2026"),
                    date: d("2026-05-01"),
                    description: "Members' contributions".into(),
                    lines: vec![
                        Line::debit(codes::BANK, FundId::General, Pence::new(2_400)),
                        Line::credit(
                            codes::MEMBER_CONTRIBUTIONS,
                            FundId::General,
                            Pence::new(2_400),
                        ),
                    ],
                    allocation: None,
                    reverses: None,
                },
            )
            .await
            .unwrap();
        books
            .spent(
                d("2026-06-01"),
                "Insurance",
                Category::Insurance,
                900,
                ChargeTo::General,
            )
            .await;
        books
            .spent(
                d("2026-06-15"),
                "Hoist sling",
                Category::Equipment,
                10_000,
                ChargeTo::Person {
                    person: huw.clone(),
                },
            )
            .await;

        let browser = books.pages("treasurer").await;

        // The trial balance at two dates: each account's debit or credit,
        // worked out here from the journal itself, is the page's row, and
        // the columns agree.
        let entries = app.store.ledger_entries(&books.scope).await.unwrap();
        for (as_at, total) in [("2026-04-30", "£2,500.00"), ("2026-06-30", "£2,524.00")] {
            let page = browser.get(&format!("/trial-balance?as_at={as_at}")).await;
            assert_eq!(page.status, 200, "{}", page.body);
            let mut net = std::collections::BTreeMap::<String, i64>::new();
            for stored in &entries {
                if stored.entry.date() > d(as_at) {
                    continue;
                }
                for line in stored.entry.lines() {
                    let signed = match line.side {
                        Side::Debit => line.amount.get(),
                        Side::Credit => -line.amount.get(),
                    };
                    *net.entry(line.account.as_str().to_owned()).or_default() += signed;
                }
            }
            let (mut debits, mut credits) = (0, 0);
            for (code, balance) in net.iter().filter(|(_, b)| **b != 0) {
                let amount = Pence::new(balance.abs()).to_string();
                let (debit, credit) = if *balance > 0 {
                    debits += balance;
                    (amount, String::new())
                } else {
                    credits -= balance;
                    (String::new(), amount)
                };
                let row = format!(
                    "<td class=\"money\">{debit}</td><td class=\"money\">{credit}</td></tr>"
                );
                let at = page.body.find(&format!("<td>{code}</td>")).unwrap();
                assert!(
                    page.body[at..].split("</tr>").next().unwrap().to_owned() + "</tr>"
                        == format!(
                            "{}{row}",
                            page.body[at..]
                                .split("<td class=\"money\">")
                                .next()
                                .unwrap()
                        ),
                    "{code} at {as_at}: {}",
                    page.body
                );
            }
            assert_eq!(debits, credits);
            assert_eq!(Pence::new(debits).to_string(), total);
            assert!(
                page.body
                    .contains(&format!("Debits and credits agree: {total} each.")),
                "{}",
                page.body
            );
        }
        let june = browser.get("/trial-balance?as_at=2026-06-30").await;
        for row in [
            "<td>1000</td><th scope=\"row\">Bank current account</th><td class=\"money\">£2,385.00</td><td class=\"money\"></td>",
            "<td>4000</td><th scope=\"row\">Direct Payments received</th><td class=\"money\"></td><td class=\"money\">£2,500.00</td>",
            "<td>4200</td><th scope=\"row\">Member contributions</th><td class=\"money\"></td><td class=\"money\">£24.00</td>",
            "<td>5200</td><th scope=\"row\">Activities</th><td class=\"money\">£30.00</td><td class=\"money\"></td>",
            "<td>5300</td><th scope=\"row\">Equipment</th><td class=\"money\">£100.00</td><td class=\"money\"></td>",
            "<td>5500</td><th scope=\"row\">Insurance</th><td class=\"money\">£9.00</td><td class=\"money\"></td>",
        ] {
            assert!(june.body.contains(row), "{row}: {}", june.body);
        }

        // The year's accounts, by hand. Income: restricted £2,000 of
        // Direct Payments, unrestricted £24. Spending: restricted £30 + £100,
        // unrestricted £9. Gwen's fund: 500 + 1,200 − 15 = 1,685; Huw's:
        // 800 − 15 − 100 = 685; the general fund: 24 − 9 = 15. The bank
        // holds 2,385, which is every fund together.
        let accounts = browser.get("/accounts?year=2026-04-01").await;
        assert_eq!(accounts.status, 200, "{}", accounts.body);
        let cells = |row: &[&str]| {
            row.iter()
                .map(|c| format!("<td class=\"money\">{c}</td>"))
                .collect::<String>()
        };
        let bold = |row: &[&str]| {
            row.iter()
                .map(|c| format!("<td class=\"money\"><strong>{c}</strong></td>"))
                .collect::<String>()
        };
        for expected in [
            format!(
                "Direct Payments received</th>{}",
                cells(&["£2,000.00", "£0.00", "£2,000.00"])
            ),
            format!(
                "Member contributions</th>{}",
                cells(&["£0.00", "£24.00", "£24.00"])
            ),
            format!(
                "Total income</strong></th>{}",
                bold(&["£2,000.00", "£24.00", "£2,024.00"])
            ),
            format!("Activities</th>{}", cells(&["£30.00", "£0.00", "£30.00"])),
            format!("Equipment</th>{}", cells(&["£100.00", "£0.00", "£100.00"])),
            format!("Insurance</th>{}", cells(&["£0.00", "£9.00", "£9.00"])),
            format!(
                "Total spending</strong></th>{}",
                bold(&["£130.00", "£9.00", "£139.00"])
            ),
            format!(
                "Income less spending</strong></th>{}",
                bold(&["£1,870.00", "£15.00", "£1,885.00"])
            ),
            format!(
                "Gwen</th>{}",
                cells(&["£500.00", "£1,200.00", "£15.00", "£0.00", "£1,685.00"])
            ),
            format!(
                "Huw</th>{}",
                cells(&["£0.00", "£800.00", "£115.00", "£0.00", "£685.00"])
            ),
            format!("Bank current account</th>{}", cells(&["£2,385.00"])),
            format!(
                "What the co-operative holds</strong></th>{}",
                bold(&["£2,385.00"])
            ),
            format!(
                "Restricted funds (Direct Payments)</th>{}",
                cells(&["£2,370.00"])
            ),
            format!("Unrestricted funds</th>{}", cells(&["£15.00"])),
            format!("Total funds</strong></th>{}", bold(&["£2,385.00"])),
        ] {
            assert!(
                accounts.body.contains(&expected),
                "{expected}: {}",
                accounts.body
            );
        }
        // The year before holds only Gwen's first payment.
        let before = browser.get("/accounts?year=2025-04-01").await;
        assert!(before.body.contains(&format!(
            "Total income</strong></th>{}",
            bold(&["£500.00", "£0.00", "£500.00"])
        )));
        // A year must start on 1 April.
        assert_eq!(browser.get("/accounts?year=2026-05-01").await.status, 400);

        // A PA sees the year's totals, but no account, fund or person, and
        // no trial balance.
        let pa = books.pages("pa").await;
        let totals = pa.get("/accounts?year=2026-04-01").await;
        assert_eq!(totals.status, 200);
        assert!(totals.body.contains("£2,024.00") && totals.body.contains("£2,385.00"));
        for hidden in ["Gwen", "Huw", "Bank current account", "Equipment</th>"] {
            assert!(!totals.body.contains(hidden), "{hidden}");
        }
        assert_eq!(pa.get("/trial-balance").await.status, 403);
    }
);
