class SessionsController < ApplicationController
  TARGETS = { "home" => "/", "account" => "/account" }.freeze

  def create
    # ruleid: redirect/ruby-open-redirect
    redirect_to params[:return_to]
  end

  def back
    target = request.referer
    # ruleid: redirect/ruby-open-redirect
    redirect_to target || root_path
  end

  def continue
    # ruleid: redirect/ruby-open-redirect
    redirect_to next_url(params[:next])
  end

  def safe
    # ok: redirect/ruby-open-redirect
    redirect_to TARGETS.fetch("home")
    # ok: redirect/ruby-open-redirect
    redirect_to url_from(params[:next]) || root_path
    # ok: redirect/ruby-open-redirect
    redirect_to params[:return_to], allow_other_host: false
    # ok: redirect/ruby-open-redirect
    redirect_to "/users/#{params[:id].to_i}"
  end

  private

  def next_url(path)
    "#{path}?from=login"
  end
end
