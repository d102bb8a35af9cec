//! Which columns of a bank's CSV hold the date, description and amount.
//!
//! Columns are found by their header names (ignoring case and surrounding
//! spaces), never by position, so a bank adding a column does not shift
//! money into the wrong place. The built-in layouts cover the exports of
//! several UK banks; any other bank's file is read with a [`Layout`] the
//! treasurer sets up once by naming its columns.

use serde::{Deserialize, Serialize};

use super::date::DateOrder;

/// How the amount is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "style", rename_all = "snake_case")]
pub enum AmountColumns {
    /// One column, negative for money out.
    Signed { amount: String },
    /// Two columns, both written as positive amounts; one is filled on
    /// each line.
    InOut { money_in: String, money_out: String },
}

/// A named column mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub name: String,
    pub date: String,
    /// Joined with a space, empty parts left out (e.g. a payee and a
    /// reference).
    pub description: Vec<String>,
    pub amount: AmountColumns,
    /// Read when the file has it; never required.
    pub balance: Option<String>,
    /// How numeric dates are written; UK order unless the treasurer said
    /// otherwise.
    #[serde(default)]
    pub date_order: DateOrder,
}

/// Which layout to read a file with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "choice", content = "layout", rename_all = "snake_case")]
pub enum LayoutChoice {
    /// Recognise one of [`Layout::built_in`] by its header row.
    Detect,
    Use(Layout),
}

impl Layout {
    fn new(
        name: &str,
        date: &str,
        description: &[&str],
        amount: AmountColumns,
        balance: Option<&str>,
    ) -> Layout {
        Layout {
            name: name.to_owned(),
            date: date.to_owned(),
            description: description.iter().map(|d| (*d).to_owned()).collect(),
            amount,
            balance: balance.map(str::to_owned),
            date_order: DateOrder::DayFirst,
        }
    }

    /// The layouts Cylch recognises without being told, most specific
    /// first (the first whose columns are all in the header is used).
    ///
    /// Bank layouts are named after the bank where their export columns are
    /// known from published importers: Lloyds (`Transaction Date`,
    /// `Transaction Type`, `Sort Code`, `Account Number`, `Transaction
    /// Description`, `Debit Amount`, `Credit Amount`, `Balance`), Nationwide
    /// (`Date`, `Transaction type`, `Description`, `Paid out`, `Paid in`,
    /// `Balance`, after a few lines about the account), Barclays (`Number`,
    /// `Date`, `Account`, `Amount`, `Subcategory`, `Memo`), Starling
    /// (`Date`, `Counter Party`, `Reference`, `Type`, `Amount (GBP)`,
    /// `Balance (GBP)`) and NatWest (`Date`, `Type`, `Description`, `Value`,
    /// `Balance`, `Account Name`, `Account Number`). Two generic layouts
    /// cover many others: `Date, Description, Money In, Money Out` and
    /// `Date, Description, Amount`.
    pub fn built_in() -> Vec<Layout> {
        let signed = |amount: &str| AmountColumns::Signed {
            amount: amount.to_owned(),
        };
        let in_out = |money_in: &str, money_out: &str| AmountColumns::InOut {
            money_in: money_in.to_owned(),
            money_out: money_out.to_owned(),
        };
        vec![
            Layout::new(
                "lloyds",
                "Transaction Date",
                &["Transaction Description"],
                in_out("Credit Amount", "Debit Amount"),
                Some("Balance"),
            ),
            Layout::new(
                "nationwide",
                "Date",
                &["Transaction type", "Description"],
                in_out("Paid in", "Paid out"),
                Some("Balance"),
            ),
            Layout::new("barclays", "Date", &["Memo"], signed("Amount"), None),
            Layout::new(
                "starling",
                "Date",
                &["Counter Party", "Reference"],
                signed("Amount (GBP)"),
                Some("Balance (GBP)"),
            ),
            Layout::new(
                "natwest",
                "Date",
                &["Type", "Description"],
                signed("Value"),
                Some("Balance"),
            ),
            Layout::new(
                "date-description-money-in-out",
                "Date",
                &["Description"],
                in_out("Money In", "Money Out"),
                Some("Balance"),
            ),
            Layout::new(
                "date-description-amount",
                "Date",
                &["Description"],
                signed("Amount"),
                Some("Balance"),
            ),
        ]
    }

    /// The columns a header must have for this layout.
    pub fn required_columns(&self) -> Vec<&str> {
        let mut columns = vec![self.date.as_str()];
        columns.extend(self.description.iter().map(String::as_str));
        match &self.amount {
            AmountColumns::Signed { amount } => columns.push(amount),
            AmountColumns::InOut {
                money_in,
                money_out,
            } => {
                columns.push(money_in);
                columns.push(money_out);
            }
        }
        columns
    }

    /// Where each column is in `header`, if all required ones are there.
    pub(crate) fn locate(&self, header: &[String]) -> Option<Columns> {
        let find = |name: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
        };
        let date = find(&self.date)?;
        let description = self
            .description
            .iter()
            .map(|d| find(d))
            .collect::<Option<Vec<_>>>()?;
        let amount = match &self.amount {
            AmountColumns::Signed { amount } => ColumnAmount::Signed(find(amount)?),
            AmountColumns::InOut {
                money_in,
                money_out,
            } => ColumnAmount::InOut(find(money_in)?, find(money_out)?),
        };
        let balance = self.balance.as_deref().and_then(find);
        Some(Columns {
            date,
            description,
            amount,
            balance,
        })
    }
}

/// Column positions for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    pub date: usize,
    pub description: Vec<usize>,
    pub amount: ColumnAmount,
    pub balance: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ColumnAmount {
    Signed(usize),
    InOut(usize, usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn columns_are_found_by_name_whatever_their_case_or_order() {
        let layout = Layout::built_in()
            .into_iter()
            .find(|l| l.name == "date-description-amount")
            .unwrap();
        let cols = layout
            .locate(&header(&[" amount ", "Reference", "DATE", "description"]))
            .unwrap();
        assert_eq!(cols.date, 2);
        assert_eq!(cols.description, vec![3]);
        assert_eq!(cols.amount, ColumnAmount::Signed(0));
        assert_eq!(cols.balance, None);
        assert!(layout.locate(&header(&["Date", "Amount"])).is_none());
    }

    #[test]
    fn built_in_layouts_have_distinct_names() {
        let mut names: Vec<String> = Layout::built_in().into_iter().map(|l| l.name).collect();
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
