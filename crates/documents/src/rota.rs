//! The printable rota of one supported person, "for the fridge door": a
//! week (or the days asked for), each day with its calls, their times and
//! the first name of the PA coming, in the reader's language. The caller
//! gives every word; this module lays them out as a [`Document`].

use cylch_domain::Language;

use crate::{Column, Document, Orientation, Table};

/// The words of a rota sheet, all in the reader's language.
#[derive(Debug, Clone)]
pub struct RotaSheet {
    pub language: Language,
    /// "Rota for Sioned"
    pub title: String,
    /// The co-operative's name and the days covered.
    pub subtitles: Vec<String>,
    pub generated: String,
    /// The heading over the table ("The week").
    pub heading: String,
    /// The headers of the day, time, kind of support and PA columns.
    pub columns: [String; 4],
    /// Said on a day with nothing planned.
    pub nothing_planned: String,
    /// Printed when no day was asked for at all.
    pub empty: String,
    pub days: Vec<SheetDay>,
}

/// One day and its calls, in order.
#[derive(Debug, Clone)]
pub struct SheetDay {
    /// "Monday 01/06/2026"
    pub day: String,
    pub calls: Vec<SheetCall>,
}

/// One call: its times, the kind of support, and who is coming.
#[derive(Debug, Clone)]
pub struct SheetCall {
    pub times: String,
    pub kind: String,
    /// The PA's first name, or words saying the call still needs a PA.
    pub pa: String,
}

impl RotaSheet {
    /// The sheet as a document: one table whose rows are each named by
    /// their day, so that a screen reader says the day with each call.
    pub fn document(&self) -> Document {
        let mut rows = Vec::new();
        for day in &self.days {
            if day.calls.is_empty() {
                rows.push(vec![
                    day.day.clone(),
                    self.nothing_planned.clone(),
                    String::new(),
                    String::new(),
                ]);
            }
            for call in &day.calls {
                rows.push(vec![
                    day.day.clone(),
                    call.times.clone(),
                    call.kind.clone(),
                    call.pa.clone(),
                ]);
            }
        }
        let [day, times, kind, pa] = self.columns.clone();
        Document {
            language: self.language,
            title: self.title.clone(),
            subtitles: self.subtitles.clone(),
            generated: self.generated.clone(),
            orientation: Orientation::Portrait,
            tables: vec![Table {
                heading: self.heading.clone(),
                columns: vec![
                    Column::new(day, 3),
                    Column::new(times, 2),
                    Column::new(kind, 2),
                    Column::new(pa, 2),
                ],
                rows,
                row_headers: true,
                empty: self.empty.clone(),
            }],
        }
    }
}
