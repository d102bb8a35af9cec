//! The client's address, for the throttle that slows one source guessing
//! passwords across many accounts.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

/// The address of the connection's peer, as axum sees it; none when the
/// server was not started with it (tests that do not set it). Behind a
/// reverse proxy this is the proxy's address, so every sign-in shares one
/// count: Cylch does not read `X-Forwarded-For`, which any client can
/// write, and the proxy should do its own limiting.
pub struct ClientAddress(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| network(info.0.ip())),
        ))
    }
}

/// One home or office holds a whole IPv6 /64 and can pick any address in
/// it, so the /64 is counted as one client; IPv4 addresses (also when
/// mapped into IPv6) are counted as they are.
fn network(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let [a, b, c, d, ..] = v6.segments();
                IpAddr::V6(Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_network_is_one_client() {
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(network(one), network(other));
        let v4: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(network(v4), "192.0.2.7".parse::<IpAddr>().unwrap());
    }
}
