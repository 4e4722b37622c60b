use des::cipher::{BlockEncrypt, KeyInit};
use des::TdesEde3;
use openssl::symm::{encrypt, Cipher};

pub fn legacy_encrypt(key: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // ruleid: crypto/rust-weak-cipher
    encrypt(Cipher::des_ede3_cbc(), key, Some(&[0u8; 8]), data)
}

pub fn ecb(key: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // ruleid: crypto/rust-weak-cipher
    encrypt(Cipher::aes_128_ecb(), key, None, data)
}

pub fn tdes_block(key: &[u8], block: &mut [u8; 8]) {
    // ruleid: crypto/rust-weak-cipher
    let cipher = TdesEde3::new_from_slice(key).unwrap();
    cipher.encrypt_block(block.into());
}

pub fn stream(key: &[u8]) {
    // ruleid: crypto/rust-weak-cipher
    let _rc4 = rc4::Rc4::<rc4::consts::U16>::new(key.into());
}

pub fn modern(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // ok: crypto/rust-weak-cipher
    let cipher = Cipher::aes_256_gcm();
    // ok: crypto/rust-weak-cipher
    let _gcm = aes_gcm::Aes256Gcm::new_from_slice(key);
    // ok: crypto/rust-weak-cipher
    encrypt(cipher, key, Some(iv), data)
}
