//! Forming a co-operative: the steps from first meeting to registration.

pub mod pages;
