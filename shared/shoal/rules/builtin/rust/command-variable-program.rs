use std::path::Path;
use std::process::{Command, ExitStatus};

const GIT: &str = "/usr/bin/git";

pub fn run_tool(params: &std::collections::HashMap<String, String>) -> std::io::Result<ExitStatus> {
    let tool = &params["tool"];
    // ruleid: command-injection/rust-command-variable-program
    Command::new(tool).arg("--version").status()
}

pub fn run_plugin(dir: &Path, name: &str) -> std::io::Result<ExitStatus> {
    // ruleid: command-injection/rust-command-variable-program
    let mut cmd = Command::new(dir.join(name));
    cmd.status()
}

pub fn fixed(branch: &str) -> std::io::Result<ExitStatus> {
    // ok: command-injection/rust-command-variable-program
    Command::new("git").args(["log", branch]).status()?;
    // ok: command-injection/rust-command-variable-program
    Command::new(GIT).arg("status").status()?;
    // ok: command-injection/rust-command-variable-program
    Command::new(env!("CARGO")).arg("build").status()
}
