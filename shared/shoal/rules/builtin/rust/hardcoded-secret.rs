use std::env;

// ruleid: credentials/rust-hardcoded-secret
const STRIPE_API_KEY: &str = "sk_live_51HqLyjWDarjtT1zdp7dc";

// ok: credentials/rust-hardcoded-secret
const PASSWORD_ENV_VAR: &str = "DB_PASSWORD";

// ruleid: credentials/rust-hardcoded-secret
static JWT_SECRET: &str = r#"q8Zk!r0tat3-me"#;

pub struct DbConfig {
    pub user: String,
    pub password: String,
    pub host: String,
}

pub fn connect() -> DbConfig {
    // ruleid: credentials/rust-hardcoded-secret
    let db_password = "Sup3rS3cret!";
    let mut cfg = DbConfig {
        user: "app".to_string(),
        // ruleid: credentials/rust-hardcoded-secret
        password: String::from("hunter2-prod"),
        host: "db.internal".into(),
    };
    // ruleid: credentials/rust-hardcoded-secret
    cfg.password = r"changeme123".to_owned();
    cfg.user = db_password.to_string();
    cfg
}

pub fn from_env() -> DbConfig {
    // ok: credentials/rust-hardcoded-secret
    let password = env::var(PASSWORD_ENV_VAR).unwrap_or_default();
    // ok: credentials/rust-hardcoded-secret
    let prompt_password = "Enter your password: ";
    // ok: credentials/rust-hardcoded-secret
    let token = "";
    let _ = (prompt_password, token);
    DbConfig {
        user: "app".into(),
        // ok: credentials/rust-hardcoded-secret
        password,
        // ok: credentials/rust-hardcoded-secret
        host: "localhost".to_string(),
    }
}
