use native_tls::TlsConnector;
use reqwest::{Certificate, Client};

pub fn insecure_client() -> reqwest::Result<Client> {
    Client::builder()
        // ruleid: tls/rust-danger-accept-invalid-certs
        .danger_accept_invalid_certs(true)
        .build()
}

pub fn insecure_connector() -> native_tls::Result<TlsConnector> {
    // ruleid: tls/rust-danger-accept-invalid-certs
    TlsConnector::builder().danger_accept_invalid_hostnames(true).build()
}

pub fn client(ca: Certificate, allow_self_signed: bool) -> reqwest::Result<Client> {
    Client::builder()
        .add_root_certificate(ca)
        // ok: tls/rust-danger-accept-invalid-certs
        .danger_accept_invalid_certs(false)
        // ok: tls/rust-danger-accept-invalid-certs
        .danger_accept_invalid_hostnames(allow_self_signed)
        .build()
}
