#include <cstdlib>
#include <string>

int archive(const std::string& dir, const std::string& name)
{
    std::string cmd = "tar czf /backups/" + name + ".tgz " + dir;
    // ruleid: command-injection/c-system-command
    return std::system(cmd.c_str());
}

int archive_nightly()
{
    // ok: command-injection/c-system-command
    return std::system("tar czf /backups/nightly.tgz /srv/data");
}
