require "open3"
require "shellwords"

class ArchivesController < ApplicationController
  TOOLS = %w[uptime df].freeze

  def create
    name = params[:name]
    # ruleid: command-injection/ruby-shell-command
    system("tar czf /backups/#{name}.tgz /data")
    # ruleid: command-injection/ruby-shell-command
    listing = `ls -l #{params[:dir]}`
    command = archive_command(name)
    # ruleid: command-injection/ruby-shell-command
    out, status = Open3.capture2(command)
    run_shell("nslookup " + request.headers["X-Host"])
    parts = ["traceroute"]
    parts << cookies[:via]
    # ruleid: command-injection/ruby-shell-command
    system(parts.join(" "))
    params[:hosts].each do |host|
      # ruleid: command-injection/ruby-shell-command
      sizes = %x(ping -c 1 #{host})
    end
    [listing, out, status]
  end

  def safe
    # ok: command-injection/ruby-shell-command
    system("tar czf #{Shellwords.escape(params[:name])}.tgz /data")
    # ok: command-injection/ruby-shell-command
    out, status = Open3.capture2(archive_command("nightly"))
    tool = params[:tool]
    if TOOLS.include?(tool)
      # ok: command-injection/ruby-shell-command
      system(tool)
    end
    count = params[:count].to_i
    # ok: command-injection/ruby-shell-command
    system("ping -c #{count} localhost")
    mode = params[:fast] ? "--fast" : "--slow"
    # ok: command-injection/ruby-shell-command
    system("backup #{mode}")
    # ok: command-injection/ruby-shell-command
    `ls -l /var/log`
  end

  private

  def archive_command(name)
    "tar czf /backups/#{name}.tgz /data"
  end

  def run_shell(script)
    # ruleid: command-injection/ruby-shell-command
    system(script)
  end

  def maintenance(script)
    # A parameter of a method nobody here calls with request data: a note, not a finding.
    # ok: command-injection/ruby-shell-command
    system("sh -c '#{script}'")
  end
end
