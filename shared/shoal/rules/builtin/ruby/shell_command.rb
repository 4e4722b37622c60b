require "open3"
require "shellwords"

class ArchiveJob
  def perform(name, dest)
    # ruleid: command-injection/ruby-shell-command
    system("tar czf #{dest} #{name}")
    # ruleid: command-injection/ruby-shell-command
    listing = `ls -l #{dest}`
    # ruleid: command-injection/ruby-shell-command
    sizes = %x(du -sh #{dest})
    # ruleid: command-injection/ruby-shell-command
    out, status = Open3.capture2("gzip -c " + name)
    command = "rm -rf #{name}"
    # ruleid: command-injection/ruby-shell-command
    system(command)
    # ruleid: command-injection/ruby-shell-command
    IO.popen("grep #{params[:q]} /var/log/app.log") { |io| io.read }
    [listing, sizes, out, status]
  end

  def perform_safely(name, dest)
    # ok: command-injection/ruby-shell-command
    system("tar", "czf", dest, name)
    # ok: command-injection/ruby-shell-command
    system("uptime")
    # ok: command-injection/ruby-shell-command
    listing = `ls -l /var/log`
    # ok: command-injection/ruby-shell-command
    out, status = Open3.capture2("gzip", "-c", name)
    # ok: command-injection/ruby-shell-command
    system("du -sh #{Shellwords.escape(dest)}")
    # ok: command-injection/ruby-shell-command
    conn.exec("SELECT 1")
    [listing, out, status]
  end
end
