require "openssl"

class LegacyVault
  def encrypt(key, data)
    # ruleid: crypto/ruby-weak-cipher
    cipher = OpenSSL::Cipher.new("des-ede3-cbc")
    # ruleid: crypto/ruby-weak-cipher
    stream = OpenSSL::Cipher::RC4.new
    # ruleid: crypto/ruby-weak-cipher
    block = OpenSSL::Cipher::AES.new(128, :ECB)
    # ruleid: crypto/ruby-weak-cipher
    other = OpenSSL::Cipher.new("aes-256-ecb")
    [cipher, stream, block, other]
  end

  def encrypt_safely(key, data)
    # ok: crypto/ruby-weak-cipher
    cipher = OpenSSL::Cipher.new("aes-256-gcm")
    # ok: crypto/ruby-weak-cipher
    cbc = OpenSSL::Cipher::AES.new(256, :CBC)
    # ok: crypto/ruby-weak-cipher
    names = OpenSSL::Cipher.ciphers
    [cipher, cbc, names]
  end
end
