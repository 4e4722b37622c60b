use std::env;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::PathBuf;

pub fn save(name: &str, data: &[u8]) -> io::Result<()> {
    // ruleid: tempfile/rust-predictable-temp-file
    let lock_path = env::temp_dir().join("cache.lock");
    File::create(&lock_path)?;
    // ruleid: tempfile/rust-predictable-temp-file
    let mut f = File::create("/tmp/cache.db")?;
    f.write_all(data)?;
    // ruleid: tempfile/rust-predictable-temp-file
    fs::write(format!("/tmp/{}.json", name), data)?;
    let mut log = OpenOptions::new()
        .append(true)
        // ruleid: tempfile/rust-predictable-temp-file
        .open("/var/tmp/app.log")?;
    log.write_all(b"saved\n")
}

pub fn save_safely(dir: &PathBuf, id: u128, data: &[u8]) -> io::Result<()> {
    // ok: tempfile/rust-predictable-temp-file
    let mut tmp = tempfile::NamedTempFile::new()?;
    tmp.write_all(data)?;
    // ok: tempfile/rust-predictable-temp-file
    let scratch = std::env::temp_dir().join(format!("job-{id:032x}"));
    // ok: tempfile/rust-predictable-temp-file
    fs::write(dir.join("state.json"), data)?;
    // ok: tempfile/rust-predictable-temp-file
    File::create("/var/lib/app/state.db")?;
    // ok: tempfile/rust-predictable-temp-file
    fs::create_dir_all(scratch)
}
