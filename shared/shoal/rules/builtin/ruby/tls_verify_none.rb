require "net/http"
require "openssl"

class PaymentClient
  def fetch(uri)
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    # ruleid: tls/ruby-verify-none
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE
    http.get(uri.request_uri)
  end

  def faraday(url)
    Faraday.new(url, ssl: {
      # ruleid: tls/ruby-verify-none
      verify: false,
    })
  end

  def httparty(url)
    # ruleid: tls/ruby-verify-none
    HTTParty.get(url, verify: false)
  end

  def fetch_safely(uri, ca_file)
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    # ok: tls/ruby-verify-none
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER
    http.ca_file = ca_file
    # ok: tls/ruby-verify-none
    conn = Faraday.new(uri.to_s, ssl: { verify: true, ca_file: ca_file })
    # ok: tls/ruby-verify-none
    token = JWT.decode(params[:t], nil, false)
    # ok: tls/ruby-verify-none
    form = build_form(verify: false)
    [http.get(uri.request_uri), conn, token, form]
  end
end
