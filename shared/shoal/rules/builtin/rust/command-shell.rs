use std::io;
use std::process::{Command, Output};

pub fn archive(dir: &str, name: &str) -> io::Result<Output> {
    // ruleid: command-injection/rust-command-shell
    Command::new("sh")
        .arg("-c")
        .arg(format!("tar czf /backups/{name}.tgz {dir}"))
        .output()
}

pub fn run_hook(hook: String) -> io::Result<Output> {
    // ruleid: command-injection/rust-command-shell
    let out = std::process::Command::new("bash").args(["-c", &hook]).output()?;
    Ok(out)
}

pub fn windows(cmd: &str) -> io::Result<Output> {
    // ruleid: command-injection/rust-command-shell
    Command::new("cmd").args(&["/C", cmd]).output()
}

pub async fn tokio_hook(script: String) -> io::Result<std::process::ExitStatus> {
    // ruleid: command-injection/rust-command-shell
    tokio::process::Command::new("/bin/sh").args(vec!["-c", &script]).status().await
}

pub fn safe(dir: &str, name: &str) -> io::Result<Output> {
    // ok: command-injection/rust-command-shell
    Command::new("sh").arg("-c").arg("uptime").output()?;
    // ok: command-injection/rust-command-shell
    Command::new("sh").args(["-c", r#"tar czf "$1" "$2""#, "sh", name, dir]).output()?;
    // ok: command-injection/rust-command-shell
    Command::new("tar").arg("-czf").arg(name).arg(dir).output()
}
