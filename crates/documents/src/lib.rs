//! Cylch's printable documents.

pub mod pdf;

pub use pdf::{Column, Document, Orientation, Table};
