//! Every route, in one place: the router is built from the same list that
//! the permission test walks.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter, on};
use tower_http::catch_panic::CatchPanicLayer;

use crate::pages::{
    account, admin, auth, coops, formation, ledger, meetings, members, notifications, proxies,
    register, rules, support, votes,
};
use crate::{AppState, api, pages, viewer};

/// Forms and JSON bodies are small; anything larger is refused with 413
/// before it is read.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// One route: its method, its path and what answers it.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    handler: MethodRouter<AppState>,
}

impl Route {
    /// Lets this route take a larger body than a form, such as a bank
    /// statement file.
    pub(crate) fn with_body_limit(mut self, bytes: usize) -> Route {
        self.handler = self.handler.layer(DefaultBodyLimit::max(bytes));
        self
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
    }
}

fn page_routes() -> Vec<Route> {
    let mut routes = vec![
        route("GET", "/", coops::home),
        route("GET", "/sign-in", auth::sign_in_form),
        route("POST", "/sign-in", auth::sign_in),
        route("POST", "/sign-out", auth::sign_out),
        route("GET", "/signed-out", auth::signed_out),
        route("GET", "/reset-password", auth::reset_form),
        route("POST", "/reset-password", auth::reset_request),
        route("GET", "/reset-password/{secret}", auth::new_password_form),
        route("POST", "/reset-password/{secret}", auth::set_new_password),
        route("GET", "/language/{code}", pages::switch_language),
        route("GET", "/static/cylch.css", pages::stylesheet),
        route("GET", "/account", account::show),
        route("POST", "/account", account::save_details),
        route("POST", "/account/password", account::change_password),
        route(
            "POST",
            "/account/sign-out-everywhere",
            account::sign_out_everywhere,
        ),
        route("POST", "/account/tokens", account::create_token),
        route("POST", "/account/tokens/{id}/revoke", account::revoke_token),
        route("GET", "/coops/{id}", coops::coop),
        route("GET", "/coops/{id}/audit", coops::audit),
        route("GET", "/coops/{id}/formation", formation::show),
        route(
            "POST",
            "/coops/{id}/formation/councils",
            formation::add_council,
        ),
        route("GET", "/coops/{id}/formation/{task}", formation::task_form),
        route(
            "POST",
            "/coops/{id}/formation/{task}",
            formation::record_task,
        ),
        route("GET", "/coops/{id}/register", register::show),
        route("GET", "/coops/{id}/register.csv", register::csv),
        route("GET", "/coops/{id}/register.pdf", register::pdf),
        route(
            "GET",
            "/coops/{id}/register-officers.csv",
            register::officers_csv,
        ),
        route(
            "POST",
            "/coops/{id}/register/{member}",
            register::save_details,
        ),
        route(
            "POST",
            "/coops/{id}/register/{member}/cease",
            register::cease,
        ),
        route("GET", "/coops/{id}/support", support::show),
        route("POST", "/coops/{id}/support", support::add),
        route("POST", "/coops/{id}/support/ciw", support::record_ciw),
        route("POST", "/coops/{id}/support/{person}/end", support::end),
        route("GET", "/admin", admin::show),
        route("POST", "/admin/coops", admin::create_coop),
        route("GET", "/admin/coops/{id}/invite", admin::invite_form),
        route("POST", "/admin/coops/{id}/invite", admin::invite),
        route("GET", "/invitations/{secret}", admin::invitation),
        route("POST", "/invitations/{secret}", admin::accept),
    ];
    // Each area lists its own routes beside its handlers.
    routes.extend(ledger::routes());
    routes.extend(votes::routes());
    routes.extend(proxies::routes());
    routes.extend(rules::routes());
    routes.extend(members::routes());
    routes.extend(notifications::routes());
    routes.extend(meetings::routes());
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
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            viewer::layer,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(CatchPanicLayer::new())
        .with_state(state)
}
