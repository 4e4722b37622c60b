<html>
<body>
<!-- ruleid: xss/php-echo-request-data -->
<h1>Results for <?= $_GET['q'] ?></h1>
<!-- ok: xss/php-echo-request-data -->
<p>Showing <?= htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8') ?></p>
<?php
// ruleid: xss/php-echo-request-data
echo "Hello, " . $_POST['name'] . "!";
// ruleid: xss/php-echo-request-data
echo "<a href=\"{$_SERVER['PHP_SELF']}?page=2\">next</a>";
// ruleid: xss/php-echo-request-data
print $_REQUEST['message'];
// ruleid: xss/php-echo-request-data
echo $_COOKIE['theme'] ?? 'light';
// ruleid: xss/php-echo-request-data
echo isset($_GET['ref']) ? $_GET['ref'] : '';

// ok: xss/php-echo-request-data
echo 'Hello, ' . htmlspecialchars($_POST['name'], ENT_QUOTES, 'UTF-8');
// ok: xss/php-echo-request-data
echo (int) $_GET['page'];
// ok: xss/php-echo-request-data
echo count($_GET) . ' filters';
// ok: xss/php-echo-request-data
echo $_SERVER['SERVER_NAME'];
// ok: xss/php-echo-request-data
print 'static text';
$name = $_GET['name'];
?>
