use md5::{Digest, Md5};
use openssl::hash::{hash, MessageDigest};
use ring::digest;
use sha2::Sha256;

pub fn etag(body: &[u8]) -> String {
    // ruleid: crypto/rust-weak-hash
    let digest = md5::compute(body);
    format!("{:x}", digest)
}

pub fn legacy_id(data: &[u8]) -> Vec<u8> {
    // ruleid: crypto/rust-weak-hash
    let mut hasher = Md5::new();
    hasher.update(data);
    hasher.finalize().to_vec()
}

pub fn git_object_id(data: &[u8]) -> Vec<u8> {
    // ruleid: crypto/rust-weak-hash
    sha1::Sha1::digest(data).to_vec()
}

pub fn openssl_digest(data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // ruleid: crypto/rust-weak-hash
    Ok(hash(MessageDigest::sha1(), data)?.to_vec())
}

pub fn ring_digest(data: &[u8]) -> Vec<u8> {
    // ruleid: crypto/rust-weak-hash
    digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, data).as_ref().to_vec()
}

pub fn safe(data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // ok: crypto/rust-weak-hash
    let mut hasher = Sha256::new();
    hasher.update(data);
    let _ = hasher.finalize();
    // ok: crypto/rust-weak-hash
    let _ = digest::digest(&digest::SHA256, data);
    // ok: crypto/rust-weak-hash
    Ok(hash(MessageDigest::sha256(), data)?.to_vec())
}
