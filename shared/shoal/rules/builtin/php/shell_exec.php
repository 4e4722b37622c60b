<?php

function archive($name, $dest)
{
    // ruleid: command-injection/php-shell-exec
    system("tar czf $dest " . $name);
    // ruleid: command-injection/php-shell-exec
    $listing = shell_exec("ls -l {$dest}");
    // ruleid: command-injection/php-shell-exec
    $sizes = `du -sh $dest`;
    $cmd = 'ping -c 1 ' . $_GET['host'];
    // ruleid: command-injection/php-shell-exec
    exec($cmd, $output, $status);
    // ruleid: command-injection/php-shell-exec
    $proc = proc_open("gzip -c " . $name, [1 => ['pipe', 'w']], $pipes);
    return [$listing, $sizes, $output, $proc];
}

function archive_safely($name, $dest)
{
    // ok: command-injection/php-shell-exec
    system('tar czf ' . escapeshellarg($dest) . ' ' . escapeshellarg($name));
    // ok: command-injection/php-shell-exec
    $uptime = shell_exec('uptime');
    // ok: command-injection/php-shell-exec
    $load = `cat /proc/loadavg`;
    // ok: command-injection/php-shell-exec
    $proc = proc_open(['gzip', '-c', $name], [1 => ['pipe', 'w']], $pipes);
    // ok: command-injection/php-shell-exec
    $stmt = $pdo->exec('DELETE FROM jobs');
    return [$uptime, $load, $proc, $stmt];
}
