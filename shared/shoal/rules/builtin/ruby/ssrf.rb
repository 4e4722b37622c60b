require "net/http"
require "open-uri"

class WebhooksController < ApplicationController
  API = "https://api.example.com".freeze

  def preview
    url = URI(params[:url])
    # ruleid: ssrf/ruby-ssrf
    body = Net::HTTP.get(url)
    # ruleid: ssrf/ruby-ssrf
    feed = URI.open(feed_url(params[:feed]))
    hooks = [request.headers["X-Callback"]]
    hooks.each do |hook|
      # ruleid: ssrf/ruby-ssrf
      HTTParty.post(hook, body: "ping")
    end
    render plain: [body, feed]
  end

  def preview_safely
    # ok: ssrf/ruby-ssrf
    body = Net::HTTP.get(URI("#{API}/status"))
    region = params[:region] == "eu" ? "eu" : "us"
    # ok: ssrf/ruby-ssrf
    status = HTTParty.get("https://#{region}.example.com/health")
    # ok: ssrf/ruby-ssrf
    HTTParty.post("#{API}/events", body: params[:event])
    render plain: [body, status]
  end

  private

  def feed_url(name)
    "https://#{name}/feed.xml"
  end
end
