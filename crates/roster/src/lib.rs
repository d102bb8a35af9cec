//! The rota solver: share PAs fairly across people's support needs. Pure: no I/O.

pub mod cli;
