//! The JSON API under `/api/v1`: everything the pages can do, for personal
//! API tokens (`Authorization: Bearer cylch_…`), through the same policy.
//! Each area declares its API routes with their documentation together
//! (`areas/<area>/api.rs`); the OpenAPI document is assembled here from
//! those same routes, so a route cannot be served undocumented or
//! documented but not served.

use axum::response::{IntoResponse, Response};
use utoipa::openapi::path::{Paths, PathsBuilder};
use utoipa::openapi::{ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder};

use crate::areas::{
    account, admin, coops, ledger, meetings, members, notifications, rules, support, votes,
};
use crate::common::error::AppError;
use crate::routes::{Route, route};

/// Every API route, area by area.
pub(crate) fn routes() -> Vec<Route> {
    let mut routes = vec![route("GET", "/api/v1/openapi.json", openapi)];
    for area in [
        account::api::routes,
        coops::api::routes,
        admin::api::routes,
        support::api::routes,
        votes::api::routes,
        rules::api::routes,
        members::api::routes,
        notifications::api::routes,
        ledger::api::routes,
        crate::areas::employment::api::routes,
        crate::areas::employment::settings::api::routes,
        crate::areas::rota::api::routes,
        crate::areas::leave::api::routes,
        crate::areas::timesheets::api::routes,
        crate::areas::payroll::api::routes,
        crate::areas::calendars::api::routes,
        meetings::api::routes,
        crate::areas::rota::needs::api::routes,
    ] {
        routes.extend(area());
    }
    routes
}

/// The OpenAPI document of the routes above: each route's operation, and
/// every schema its bodies name.
pub fn document() -> OpenApi {
    let mut paths: Paths = PathsBuilder::new().build();
    let mut schemas = Vec::new();
    for doc in routes().iter().filter_map(Route::documentation) {
        paths.add_path_operation((doc.path)(), (doc.methods)(), (doc.operation)());
        (doc.schemas)(&mut schemas);
    }
    // The error body is named by most routes; listing it here keeps it in
    // the document even if no route's responses happened to name it.
    let components = ComponentsBuilder::new()
        .schemas_from_iter(schemas)
        .schema_from::<crate::common::api::ApiErrorBody>()
        .build();
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Cylch API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "The JSON API of Cylch. Authenticate with a personal API token: \
                     `Authorization: Bearer cylch_…`.",
                )),
        )
        .paths(paths)
        .components(Some(components))
        .build()
}

async fn openapi() -> Response {
    match document().to_json() {
        Ok(json) => (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            json,
        )
            .into_response(),
        Err(err) => AppError::from(err).into_response(),
    }
}
