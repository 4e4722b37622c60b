<?php

const TOOLS = ['uptime', 'df'];

function archive_command($name)
{
    return "tar czf /backups/$name.tgz /data";
}

function run_shell($command)
{
    // ruleid: command-injection/php-shell-exec
    return shell_exec($command);
}

$host = $_GET['host'];
// ruleid: command-injection/php-shell-exec
system("ping -c 1 " . $host);
$cmd = 'ping -c 1 ';
$cmd .= $_POST['target'];
// ruleid: command-injection/php-shell-exec
exec($cmd, $output, $status);
// ruleid: command-injection/php-shell-exec
$sizes = `du -sh {$_REQUEST['dir']}`;
// ruleid: command-injection/php-shell-exec
passthru(archive_command($_COOKIE['name']));
run_shell("nslookup " . $_GET['domain']);
$parts = ['traceroute'];
array_push($parts, $_GET['via']);
// ruleid: command-injection/php-shell-exec
system(implode(' ', $parts));

// ok: command-injection/php-shell-exec
system('ping -c 1 ' . escapeshellarg($host));
// ok: command-injection/php-shell-exec
passthru(archive_command('nightly'));
$count = (int) $_GET['count'];
// ok: command-injection/php-shell-exec
system("ping -c $count localhost");
$tool = $_GET['tool'];
if (in_array($tool, TOOLS, true)) {
    // ok: command-injection/php-shell-exec
    system($tool);
}
$mode = $_GET['fast'] ? '--fast' : '--slow';
// ok: command-injection/php-shell-exec
system("backup $mode");
// ok: command-injection/php-shell-exec
$load = `cat /proc/loadavg`;

class Jobs
{
    public function maintenance($script)
    {
        // A parameter of a method nobody here calls with request data: a note, not a finding.
        // ok: command-injection/php-shell-exec
        return shell_exec("sh " . $script);
    }
}
