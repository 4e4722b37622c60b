<?php

use Symfony\Component\HttpFoundation\RedirectResponse;

function go_to($url)
{
    // ruleid: redirect/php-open-redirect
    header("Location: $url", true, 302);
    exit;
}

$next = $_GET['next'];
// ruleid: redirect/php-open-redirect
header("Location: " . $next);
go_to($_POST['return']);
// ruleid: redirect/php-open-redirect
$response = new RedirectResponse($_GET['target']);
// ruleid: redirect/php-open-redirect
return redirect($_REQUEST['continue']);

// ok: redirect/php-open-redirect
header("X-Request-Id: " . $_GET['rid']);
// ok: redirect/php-open-redirect
header("Location: /dashboard");
$targets = ['home' => '/', 'account' => '/account'];
// ok: redirect/php-open-redirect
header("Location: " . ($targets[$next] ?? '/'));
$tab = (int) $_GET['tab'];
// ok: redirect/php-open-redirect
header("Location: /settings?tab=$tab");
