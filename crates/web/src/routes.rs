//! Every route, in one place: the router is built from the same list that
//! the permission test walks.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter, on};
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::{RefOr, Schema};

use crate::areas::{
    account, admin, auth, coops, formation, ledger, meetings, members, notifications, register,
    rules, support, votes,
};
use crate::common::{page, viewer};
use crate::{AppState, api};

/// Forms and JSON bodies are small; anything larger is refused with 413
/// before it is read.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// One route: its method, its path and what answers it.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    handler: MethodRouter<AppState>,
    documentation: Option<Documentation>,
}

/// An API route's OpenAPI operation, read from the handler's
/// `#[utoipa::path]` attribute, and the schemas its bodies name.
#[derive(Clone, Copy)]
pub(crate) struct Documentation {
    pub path: fn() -> String,
    pub methods: fn() -> Vec<HttpMethod>,
    pub operation: fn() -> Operation,
    pub schemas: fn(&mut Vec<(String, RefOr<Schema>)>),
}

impl Route {
    /// Lets this route take a larger body than a form, such as a bank
    /// statement file.
    pub(crate) fn with_body_limit(mut self, bytes: usize) -> Route {
        self.handler = self.handler.layer(DefaultBodyLimit::max(bytes));
        self
    }

    /// Documents this route with the operation that `#[utoipa::path]`
    /// generated for its handler (the `__path_<handler>` type). The schema
    /// list comes through utoipa's `SchemaReferences`, the same trait its
    /// own axum router uses to gather a route's schemas.
    pub(crate) fn documented<P>(mut self) -> Route
    where
        P: utoipa::Path + utoipa::__dev::SchemaReferences,
    {
        self.documentation = Some(Documentation {
            path: P::path,
            methods: P::methods,
            operation: P::operation,
            schemas: P::schemas,
        });
        self
    }

    pub(crate) fn documentation(&self) -> Option<Documentation> {
        self.documentation
    }
}

/// A route whose method filter is made from the same word that lists it, so
/// the list and the router cannot disagree.
pub(crate) fn route<H, T>(method: &'static str, path: &'static str, handler: H) -> Route
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let filter = match method {
        "GET" => MethodFilter::GET,
        "POST" => MethodFilter::POST,
        "PUT" => MethodFilter::PUT,
        "DELETE" => MethodFilter::DELETE,
        _ => MethodFilter::PATCH,
    };
    Route {
        method,
        path,
        handler: on(filter, handler),
        documentation: None,
    }
}

fn page_routes() -> Vec<Route> {
    let mut routes = vec![
        route("GET", "/", coops::pages::home),
        route("GET", "/sign-in", auth::pages::sign_in_form),
        route("POST", "/sign-in", auth::pages::sign_in),
        route("POST", "/sign-out", auth::pages::sign_out),
        route("GET", "/signed-out", auth::pages::signed_out),
        route("GET", "/reset-password", auth::pages::reset_form),
        route("POST", "/reset-password", auth::pages::reset_request),
        route(
            "GET",
            "/reset-password/{secret}",
            auth::pages::new_password_form,
        ),
        route(
            "POST",
            "/reset-password/{secret}",
            auth::pages::set_new_password,
        ),
        route("GET", "/language/{code}", page::switch_language),
        route("GET", "/static/cylch.css", page::stylesheet),
        route("GET", "/account", account::pages::show),
        route("POST", "/account", account::pages::save_details),
        route("POST", "/account/password", account::pages::change_password),
        route(
            "POST",
            "/account/sign-out-everywhere",
            account::pages::sign_out_everywhere,
        ),
        route("POST", "/account/tokens", account::pages::create_token),
        route(
            "POST",
            "/account/tokens/{id}/revoke",
            account::pages::revoke_token,
        ),
        route("GET", "/coops/{id}", coops::pages::coop),
        route("GET", "/coops/{id}/audit", coops::pages::audit),
        route("GET", "/coops/{id}/formation", formation::pages::show),
        route(
            "POST",
            "/coops/{id}/formation/councils",
            formation::pages::add_council,
        ),
        route(
            "GET",
            "/coops/{id}/formation/{task}",
            formation::pages::task_form,
        ),
        route(
            "POST",
            "/coops/{id}/formation/{task}",
            formation::pages::record_task,
        ),
        route("GET", "/coops/{id}/register", register::pages::show),
        route("GET", "/coops/{id}/register.csv", register::pages::csv),
        route("GET", "/coops/{id}/register.pdf", register::pages::pdf),
        route(
            "GET",
            "/coops/{id}/register-officers.csv",
            register::pages::officers_csv,
        ),
        route(
            "POST",
            "/coops/{id}/register/{member}",
            register::pages::save_details,
        ),
        route(
            "POST",
            "/coops/{id}/register/{member}/cease",
            register::pages::cease,
        ),
        route("GET", "/coops/{id}/support", support::pages::show),
        route("POST", "/coops/{id}/support", support::pages::add),
        route(
            "POST",
            "/coops/{id}/support/ciw",
            support::pages::record_ciw,
        ),
        route(
            "POST",
            "/coops/{id}/support/{person}/end",
            support::pages::end,
        ),
        route("GET", "/admin", admin::pages::show),
        route("POST", "/admin/coops", admin::pages::create_coop),
        route("GET", "/admin/coops/{id}/invite", admin::pages::invite_form),
        route("POST", "/admin/coops/{id}/invite", admin::pages::invite),
        route("GET", "/invitations/{secret}", admin::pages::invitation),
        route("POST", "/invitations/{secret}", admin::pages::accept),
    ];
    // Each area lists its own routes beside its handlers.
    routes.extend(ledger::pages::routes());
    routes.extend(votes::pages::routes());
    routes.extend(votes::proxies::routes());
    routes.extend(rules::pages::routes());
    routes.extend(members::pages::routes());
    routes.extend(notifications::pages::routes());
    routes.extend(meetings::pages::routes());
    routes.extend(crate::areas::employment::pages::routes());
    routes.extend(crate::areas::employment::settings::pages::routes());
    routes.extend(crate::areas::rota::pages::routes());
    routes.extend(crate::areas::leave::pages::routes());
    routes.extend(crate::areas::timesheets::pages::routes());
    routes.extend(crate::areas::payroll::pages::routes());
    routes.extend(crate::areas::payroll::payslips::routes());
    routes.extend(crate::areas::payroll::hmrc::routes());
    routes.extend(crate::areas::calendars::pages::routes());
    routes.extend(crate::areas::rota::needs::pages::routes());
    routes
}

fn all_routes() -> Vec<Route> {
    let mut routes = page_routes();
    routes.extend(api::routes());
    routes
}

/// (method, path) of every route the application serves.
pub fn list() -> Vec<(&'static str, &'static str)> {
    all_routes().iter().map(|r| (r.method, r.path)).collect()
}

pub fn router(state: AppState) -> Router {
    all_routes()
        .into_iter()
        .fold(Router::new(), |router, r| router.route(r.path, r.handler))
        .fallback(page::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            viewer::layer,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(CatchPanicLayer::new())
        .with_state(state)
}
