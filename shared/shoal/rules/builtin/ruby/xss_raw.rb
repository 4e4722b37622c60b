class GreetingsController < ApplicationController
  def show
    name = params[:name]
    # ruleid: xss/ruby-unescaped-output
    render html: "<h1>Hello, #{name}</h1>".html_safe
    # ruleid: xss/ruby-unescaped-output
    render html: banner(cookies[:message])
    parts = ["<ul>"]
    params[:tags].each { |tag| parts << "<li>#{tag}</li>" }
    # ruleid: xss/ruby-unescaped-output
    @list = raw(parts.join)
  end

  def show_safely
    name = params[:name]
    # ok: xss/ruby-unescaped-output
    render html: "<h1>Hello, #{ERB::Util.h(name)}</h1>".html_safe
    # ok: xss/ruby-unescaped-output
    render plain: "Hello, #{name}"
    # ok: xss/ruby-unescaped-output
    render html: banner("Welcome back")
    count = params[:count].to_i
    # ok: xss/ruby-unescaped-output
    @badge = "<span>#{count}</span>".html_safe
  end

  private

  def banner(text)
    "<div class=\"banner\">#{text}</div>"
  end
end
