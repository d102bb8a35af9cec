//! The system's areas, each with its commands: one function per action a
//! person can take, called by both the page handler and the API handler,
//! which only decode the request and encode the outcome. A command takes a
//! typed input and the caller's scope, applies the rules that need a
//! lookup and calls the store (the transaction, with its audit entry); it
//! knows nothing of axum or askama.

pub mod meetings;
