//! A person's statement: what came into their fund, what was spent from it
//! (their share of shared costs shown apart from costs that were theirs
//! alone), and what is left.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Period, ReportError, fund_balance, fund_effect, kind_of};
use crate::account::{AccountCode, AccountKind, Chart};
use crate::category::Category;
use crate::fund::{FundId, PersonId};
use crate::journal::EntryId;
use crate::money::Pence;
use crate::split::SplitRule;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedRow {
    pub account: AccountCode,
    pub name: String,
    pub amount: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpentRow {
    pub category: Category,
    /// Costs charged to this person alone.
    pub own: Pence,
    /// This person's share of costs split with others.
    pub shared: Pence,
    pub total: Pence,
}

/// One shared cost as this person sees it: the whole, the rule, their part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedItem {
    pub entry: EntryId,
    pub date: Date,
    pub description: String,
    pub category: Category,
    pub rule: SplitRule,
    pub whole_cost: Pence,
    pub share: Pence,
}

/// One entry's effect on the fund, for the list of every movement that
/// backs the totals (the council may ask about any pound).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementItem {
    pub entry: EntryId,
    pub date: Date,
    pub description: String,
    pub account: AccountCode,
    /// Set for spending.
    pub category: Option<Category>,
    /// Money in positive, money spent negative.
    pub amount: Pence,
    /// Whether this is the person's share of a cost split with others.
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonStatement {
    pub person: PersonId,
    pub period: Period,
    pub opening: Pence,
    /// Money in by account (Direct Payments, the person's own
    /// contribution, balances brought forward…), net of any reversals.
    pub received: Vec<ReceivedRow>,
    pub received_total: Pence,
    /// Every category, in a fixed order, even when nothing was spent, so
    /// statements line up period to period.
    pub spent: Vec<SpentRow>,
    pub spent_total: Pence,
    pub shared_items: Vec<SharedItem>,
    /// Every movement in the period, in entry order; they add up to
    /// `received_total - spent_total`.
    pub items: Vec<StatementItem>,
    /// Always `opening + received_total - spent_total`.
    pub closing: Pence,
}

pub fn person_statement(
    entries: &[crate::journal::PostedEntry],
    chart: &Chart,
    person: &PersonId,
    period: Period,
) -> Result<PersonStatement, ReportError> {
    let fund = FundId::Person(person.clone());
    let opening = fund_balance(entries, chart, &fund, period.from())?;

    let mut received: BTreeMap<AccountCode, Pence> = BTreeMap::new();
    let mut own: BTreeMap<Category, Pence> = BTreeMap::new();
    let mut shared: BTreeMap<Category, Pence> = BTreeMap::new();
    let mut items: BTreeMap<(usize, Category), SharedItem> = BTreeMap::new();
    let mut movements: BTreeMap<(usize, AccountCode), StatementItem> = BTreeMap::new();

    for (entry_index, entry) in entries.iter().enumerate() {
        if !period.contains(entry.date()) {
            continue;
        }
        for line in entry.lines().iter().filter(|l| l.fund == fund) {
            let kind = kind_of(chart, entry, line)?;
            let effect = fund_effect(kind, line)?;
            if !matches!(kind, AccountKind::Asset | AccountKind::Liability) {
                let movement = movements
                    .entry((entry_index, line.account.clone()))
                    .or_insert_with(|| StatementItem {
                        entry: entry.id().clone(),
                        date: entry.date(),
                        description: entry.description().to_owned(),
                        account: line.account.clone(),
                        category: kind.category(),
                        amount: Pence::ZERO,
                        shared: kind.category().is_some() && entry.allocation().is_some(),
                    });
                movement.amount = movement.amount.checked_add(effect)?;
            }
            match kind {
                AccountKind::Income | AccountKind::Equity => {
                    let slot = received.entry(line.account.clone()).or_default();
                    *slot = slot.checked_add(effect)?;
                }
                AccountKind::Expense(category) => {
                    let cost = effect.checked_neg()?;
                    match entry.allocation() {
                        None => {
                            let slot = own.entry(category).or_default();
                            *slot = slot.checked_add(cost)?;
                        }
                        Some(allocation) => {
                            let slot = shared.entry(category).or_default();
                            *slot = slot.checked_add(cost)?;
                            let item = items.entry((entry_index, category)).or_insert_with(|| {
                                SharedItem {
                                    entry: entry.id().clone(),
                                    date: entry.date(),
                                    description: entry.description().to_owned(),
                                    category,
                                    rule: allocation.rule.clone(),
                                    whole_cost: allocation.total,
                                    share: Pence::ZERO,
                                }
                            });
                            item.share = item.share.checked_add(cost)?;
                        }
                    }
                }
                AccountKind::Asset | AccountKind::Liability => {}
            }
        }
    }

    let received: Vec<ReceivedRow> = received
        .into_iter()
        .map(|(account, amount)| ReceivedRow {
            name: chart
                .get(&account)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            account,
            amount,
        })
        .collect();
    let received_total = Pence::sum(received.iter().map(|r| r.amount))?;

    let mut spent = Vec::with_capacity(Category::ALL.len());
    for category in Category::ALL {
        let own = own.get(&category).copied().unwrap_or_default();
        let shared = shared.get(&category).copied().unwrap_or_default();
        spent.push(SpentRow {
            category,
            own,
            shared,
            total: own.checked_add(shared)?,
        });
    }
    let spent_total = Pence::sum(spent.iter().map(|r| r.total))?;
    let closing = opening
        .checked_add(received_total)?
        .checked_sub(spent_total)?;

    Ok(PersonStatement {
        person: person.clone(),
        period,
        opening,
        received,
        received_total,
        spent,
        spent_total,
        shared_items: items.into_values().collect(),
        items: movements.into_values().collect(),
        closing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::codes;
    use crate::journal::{Allocation, EntryDraft, Line, PostedEntry};
    use crate::split::split;

    /// The two definitions of a balance must agree: the statement's closing
    /// figure is the fund balance the day after the period.
    fn closing_matches_balance(
        entries: &[crate::journal::PostedEntry],
        chart: &Chart,
        statement: &PersonStatement,
    ) -> bool {
        let fund = FundId::Person(statement.person.clone());
        let after = statement.period.to().tomorrow();
        match after {
            Ok(after) => fund_balance(entries, chart, &fund, after) == Ok(statement.closing),
            Err(_) => false,
        }
    }

    fn person(id: &str) -> PersonId {
        PersonId::new(id).unwrap()
    }

    fn fund(id: &str) -> FundId {
        FundId::Person(person(id))
    }

    fn post(id: &str, date: Date, lines: Vec<Line>, allocation: Option<Allocation>) -> PostedEntry {
        EntryDraft {
            id: EntryId::new(id),
            date,
            description: format!("entry {id}"),
            lines,
            allocation,
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap()
    }

    /// Ann's quarter: £200 brought forward in March; in April a £1,200
    /// Direct Payment, her own £100 contribution, £45 of equipment for her
    /// alone, and a £100.00 day out shared equally three ways (she is
    /// listed first, so she has the odd penny: £33.34).
    fn entries() -> Vec<PostedEntry> {
        let d = Date::constant;
        let rule = SplitRule::Equally {
            people: vec![person("ann"), person("bryn"), person("cerys")],
        };
        let shares = split(Pence::new(10_000), &rule).unwrap();
        let mut outing = Vec::new();
        for s in &shares {
            let f = FundId::Person(s.person.clone());
            outing.push(Line::debit(codes::ACTIVITIES, f.clone(), s.amount));
            outing.push(Line::credit(codes::BANK, f, s.amount));
        }
        vec![
            post(
                "bf",
                d(2026, 3, 31),
                vec![
                    Line::debit(codes::BANK, fund("ann"), Pence::new(20_000)),
                    Line::credit(codes::BROUGHT_FORWARD, fund("ann"), Pence::new(20_000)),
                ],
                None,
            ),
            post(
                "dp",
                d(2026, 4, 1),
                vec![
                    Line::debit(codes::BANK, fund("ann"), Pence::new(120_000)),
                    Line::credit(
                        codes::DIRECT_PAYMENT_INCOME,
                        fund("ann"),
                        Pence::new(120_000),
                    ),
                ],
                None,
            ),
            post(
                "cc",
                d(2026, 4, 2),
                vec![
                    Line::debit(codes::BANK, fund("ann"), Pence::new(10_000)),
                    Line::credit(codes::CLIENT_CONTRIBUTIONS, fund("ann"), Pence::new(10_000)),
                ],
                None,
            ),
            post(
                "eq",
                d(2026, 4, 10),
                vec![
                    Line::debit(codes::EQUIPMENT, fund("ann"), Pence::new(4_500)),
                    Line::credit(codes::BANK, fund("ann"), Pence::new(4_500)),
                ],
                None,
            ),
            post(
                "out",
                d(2026, 4, 20),
                outing,
                Some(Allocation {
                    rule,
                    total: Pence::new(10_000),
                }),
            ),
            // After the period: not in the statement.
            post(
                "later",
                d(2026, 7, 1),
                vec![
                    Line::debit(codes::TRAINING, fund("ann"), Pence::new(999)),
                    Line::credit(codes::BANK, fund("ann"), Pence::new(999)),
                ],
                None,
            ),
        ]
    }

    #[test]
    fn ann_s_quarter_worked_by_hand() {
        let entries = entries();
        let period = Period::quarter_containing(Date::constant(2026, 4, 1));
        let s = person_statement(&entries, &Chart::standard(), &person("ann"), period).unwrap();
        assert_eq!(s.opening, Pence::new(20_000));
        let received: Vec<(&str, i64)> = s
            .received
            .iter()
            .map(|r| (r.account.as_str(), r.amount.get()))
            .collect();
        assert_eq!(received, vec![("4000", 120_000), ("4100", 10_000)]);
        assert_eq!(s.received_total, Pence::new(130_000));
        let activities = s
            .spent
            .iter()
            .find(|r| r.category == Category::Activities)
            .unwrap();
        assert_eq!(
            (activities.own, activities.shared),
            (Pence::ZERO, Pence::new(3_334))
        );
        let equipment = s
            .spent
            .iter()
            .find(|r| r.category == Category::Equipment)
            .unwrap();
        assert_eq!(
            (equipment.own, equipment.shared),
            (Pence::new(4_500), Pence::ZERO)
        );
        assert_eq!(s.spent_total, Pence::new(7_834));
        // 200.00 + 1,300.00 - 78.34 = 1,421.66
        assert_eq!(s.closing, Pence::new(142_166));
        assert_eq!(s.shared_items.len(), 1);
        let items: Vec<(&str, i64, bool)> = s
            .items
            .iter()
            .map(|i| (i.entry.as_str(), i.amount.get(), i.shared))
            .collect();
        assert_eq!(
            items,
            vec![
                ("dp", 120_000, false),
                ("cc", 10_000, false),
                ("eq", -4_500, false),
                ("out", -3_334, true),
            ]
        );
        assert_eq!(s.shared_items[0].whole_cost, Pence::new(10_000));
        assert_eq!(s.shared_items[0].share, Pence::new(3_334));
        assert!(closing_matches_balance(&entries, &Chart::standard(), &s));
    }

    #[test]
    fn bryn_sees_only_his_share() {
        let entries = entries();
        let period = Period::quarter_containing(Date::constant(2026, 4, 1));
        let s = person_statement(&entries, &Chart::standard(), &person("bryn"), period).unwrap();
        assert_eq!(s.opening, Pence::ZERO);
        assert_eq!(s.spent_total, Pence::new(3_333));
        assert_eq!(s.closing, Pence::new(-3_333));
        assert_eq!(s.shared_items[0].share, Pence::new(3_333));
    }
}
