require "digest"
require "openssl"

class TokenService
  def legacy_digest(password, salt)
    # ruleid: crypto/ruby-weak-hash
    Digest::MD5.hexdigest(salt + password)
  end

  def signature(data)
    # ruleid: crypto/ruby-weak-hash
    sha = OpenSSL::Digest::SHA1.new
    # ruleid: crypto/ruby-weak-hash
    other = OpenSSL::Digest.new("md5")
    [sha.digest(data), other.digest(data)]
  end

  def strong(data)
    # ok: crypto/ruby-weak-hash
    a = Digest::SHA256.hexdigest(data)
    # ok: crypto/ruby-weak-hash
    b = OpenSSL::Digest.new("SHA256").hexdigest(data)
    # ok: crypto/ruby-weak-hash
    c = OpenSSL::HMAC.hexdigest("SHA256", secret, data)
    [a, b, c]
  end
end
