class DownloadsController < ApplicationController
  ROOT = "/srv/files".freeze
  REPORTS = { "daily" => "daily.csv", "weekly" => "weekly.csv" }.freeze

  def show
    # ruleid: path-traversal/ruby-tainted-path
    send_file File.join(ROOT, params[:name])
    path = upload_path(params[:file])
    # ruleid: path-traversal/ruby-tainted-path
    data = File.read(path)
    # ruleid: path-traversal/ruby-tainted-path
    render file: "/srv/templates/#{cookies[:theme]}.html"
    names = [params[:old]]
    names.each do |old|
      # ruleid: path-traversal/ruby-tainted-path
      FileUtils.rm_f(upload_path(old))
    end
    data
  end

  def show_safely
    # ok: path-traversal/ruby-tainted-path
    send_file File.join(ROOT, File.basename(params[:name]))
    # ok: path-traversal/ruby-tainted-path
    data = File.read(upload_path("index.csv"))
    report = params[:report]
    if REPORTS.key?(report)
      # ok: path-traversal/ruby-tainted-path
      send_file File.join(ROOT, "#{report}.csv")
    end
    # ok: path-traversal/ruby-tainted-path
    render plain: params[:name]
    data
  end

  private

  def upload_path(name)
    File.join(ROOT, "uploads", name)
  end
end
