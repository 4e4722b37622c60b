Rails.application.configure do
  # ruleid: credentials/ruby-hardcoded-secret
  config.secret_key_base = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
  # ok: credentials/ruby-hardcoded-secret
  config.secret_key_base = ENV.fetch("SECRET_KEY_BASE")
end

class MailerSettings
  # ruleid: credentials/ruby-hardcoded-secret
  API_TOKEN = "xoxb-2417-93jd02-k29dj3".freeze
  # ok: credentials/ruby-hardcoded-secret
  TOKEN_TYPE = "Bearer".freeze

  def initialize
    # ruleid: credentials/ruby-hardcoded-secret
    @smtp_password = "hunter2hunter2"
    # ok: credentials/ruby-hardcoded-secret
    @password_field = "user_password"
    # ok: credentials/ruby-hardcoded-secret
    @secret = ""
  end

  def smtp
    {
      address: "smtp.example.com",
      user_name: "mailer",
      # ruleid: credentials/ruby-hardcoded-secret
      password: "Sup3r-S3cret!",
      # ok: credentials/ruby-hardcoded-secret
      authentication: "plain",
    }
  end

  def connect
    # ruleid: credentials/ruby-hardcoded-secret
    Redis.new(host: "cache", "password" => "r3d1s-Qw8z!")
    # ok: credentials/ruby-hardcoded-secret
    Redis.new(host: "cache", password: ENV["REDIS_PASSWORD"])
    # ok: credentials/ruby-hardcoded-secret
    Redis.new(host: "cache", password: "<password>")
    # ok: credentials/ruby-hardcoded-secret
    Redis.new(host: "cache", password: "#{prefix}-pass")
  end
end
