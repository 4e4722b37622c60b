<html>
<body>
<!-- ruleid: xss/php-echo-request-data -->
<h1>Results for <?= $_GET['q'] ?></h1>
<!-- ok: xss/php-echo-request-data -->
<p>Showing <?= htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8') ?></p>
<?php

function greeting($name)
{
    return "<p>Hello, $name!</p>";
}

function show($html)
{
    // ruleid: xss/php-echo-request-data
    echo $html;
}

// ruleid: xss/php-echo-request-data
echo "Hello, " . $_POST['name'] . "!";
// ruleid: xss/php-echo-request-data
echo "<a href=\"{$_SERVER['PHP_SELF']}?page=2\">next</a>";
// ruleid: xss/php-echo-request-data
print $_REQUEST['message'];
$theme = $_COOKIE['theme'] ?? 'light';
// ruleid: xss/php-echo-request-data
echo $theme;
// ruleid: xss/php-echo-request-data
echo greeting($_GET['user']);
show('<b>' . $_GET['title'] . '</b>');
$items = [];
foreach ($_GET['tags'] as $tag) {
    $items[] = "<li>$tag</li>";
}
// ruleid: xss/php-echo-request-data
printf("<ul>%s</ul>", implode('', $items));

// ok: xss/php-echo-request-data
echo 'Hello, ' . htmlspecialchars($_POST['name'], ENT_QUOTES, 'UTF-8');
// ok: xss/php-echo-request-data
echo (int) $_GET['page'];
// ok: xss/php-echo-request-data
echo count($_GET) . ' filters';
// ok: xss/php-echo-request-data
echo greeting(htmlspecialchars($_GET['user']));
$layout = $_GET['wide'] ? 'wide' : 'narrow';
// ok: xss/php-echo-request-data
echo "<div class=\"$layout\">";
$view = $_GET['view'];
if ($view !== 'list' && $view !== 'grid') {
    $view = 'list';
}
// ok: xss/php-echo-request-data
print 'static text';
?>
</body>
</html>
