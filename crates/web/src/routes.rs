//! Every route, in one place. `ROUTES` lists them for the permission test,
//! and a test checks that the list and the router agree.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;

use crate::pages::{account, admin, auth, coops};
use crate::{AppState, api, pages, viewer};

/// Forms and JSON bodies are small; anything larger is refused with 413
/// before it is read.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// (method, path) of every route, as written in [`router`].
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/"),
    ("GET", "/sign-in"),
    ("POST", "/sign-in"),
    ("POST", "/sign-out"),
    ("GET", "/reset-password"),
    ("POST", "/reset-password"),
    ("GET", "/reset-password/{secret}"),
    ("POST", "/reset-password/{secret}"),
    ("GET", "/language/{code}"),
    ("GET", "/static/cylch.css"),
    ("GET", "/account"),
    ("POST", "/account"),
    ("POST", "/account/password"),
    ("POST", "/account/sign-out-everywhere"),
    ("POST", "/account/tokens"),
    ("POST", "/account/tokens/{id}/revoke"),
    ("GET", "/coops/{id}"),
    ("GET", "/coops/{id}/audit"),
    ("GET", "/admin"),
    ("POST", "/admin/coops"),
    ("GET", "/admin/coops/{id}/invite"),
    ("POST", "/admin/coops/{id}/invite"),
    ("GET", "/invitations/{secret}"),
    ("POST", "/invitations/{secret}"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/api/v1/me"),
    ("PUT", "/api/v1/me"),
    ("PUT", "/api/v1/me/password"),
    ("POST", "/api/v1/me/sign-out-everywhere"),
    ("GET", "/api/v1/tokens"),
    ("POST", "/api/v1/tokens"),
    ("DELETE", "/api/v1/tokens/{id}"),
    ("GET", "/api/v1/coops"),
    ("GET", "/api/v1/coops/{id}"),
    ("GET", "/api/v1/coops/{id}/members"),
    ("GET", "/api/v1/coops/{id}/audit"),
    ("GET", "/api/v1/admin/coops"),
    ("POST", "/api/v1/admin/coops"),
    ("POST", "/api/v1/admin/coops/{id}/invitations"),
];

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(coops::home))
        .route("/sign-in", get(auth::sign_in_form).post(auth::sign_in))
        .route("/sign-out", post(auth::sign_out))
        .route(
            "/reset-password",
            get(auth::reset_form).post(auth::reset_request),
        )
        .route(
            "/reset-password/{secret}",
            get(auth::new_password_form).post(auth::set_new_password),
        )
        .route("/language/{code}", get(pages::switch_language))
        .route("/static/cylch.css", get(pages::stylesheet))
        .route("/account", get(account::show).post(account::save_details))
        .route("/account/password", post(account::change_password))
        .route(
            "/account/sign-out-everywhere",
            post(account::sign_out_everywhere),
        )
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route("/coops/{id}", get(coops::coop))
        .route("/coops/{id}/audit", get(coops::audit))
        .route("/admin", get(admin::show))
        .route("/admin/coops", post(admin::create_coop))
        .route(
            "/admin/coops/{id}/invite",
            get(admin::invite_form).post(admin::invite),
        )
        .route(
            "/invitations/{secret}",
            get(admin::invitation).post(admin::accept),
        )
        .merge(api::router())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            viewer::layer,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(CatchPanicLayer::new())
        .with_state(state)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_route_list_matches_the_router() {
        let source = include_str!("routes.rs");
        let mut written = Vec::new();
        for line in source
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with(".route(\""))
        {
            let path = line
                .trim_start_matches(".route(\"")
                .split('"')
                .next()
                .unwrap_or_default();
            for (marker, method) in [("get(", "GET"), ("post(", "POST")] {
                if line.contains(marker) {
                    written.push((method.to_owned(), path.to_owned()));
                }
            }
        }
        let api_source = include_str!("api/mod.rs");
        for line in api_source
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with(".route(\""))
        {
            let path = line
                .trim_start_matches(".route(\"")
                .split('"')
                .next()
                .unwrap_or_default();
            for (marker, method) in [
                ("get(", "GET"),
                ("post(", "POST"),
                ("put(", "PUT"),
                ("delete(", "DELETE"),
            ] {
                if line.contains(marker) {
                    written.push((method.to_owned(), path.to_owned()));
                }
            }
        }
        let mut listed: Vec<_> = super::ROUTES
            .iter()
            .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
            .collect();
        written.sort();
        listed.sort();
        assert_eq!(written, listed);
    }
}
