<?php

const PAGES = ['home' => 'pages/home.php', 'about' => 'pages/about.php'];
const UPLOADS = '/var/www/uploads/';

function upload_path($name)
{
    return UPLOADS . $name;
}

$page = $_GET['page'];
// ruleid: path-traversal/php-tainted-path
include "pages/$page.php";
// ruleid: path-traversal/php-tainted-path
$text = file_get_contents(upload_path($_GET['file']));
$paths = ['report' => upload_path($_POST['report'])];
// ruleid: path-traversal/php-tainted-path
readfile($paths['report']);
if (isset($_FILES['avatar'])) {
    // ruleid: path-traversal/php-tainted-path
    move_uploaded_file($_FILES['avatar']['tmp_name'], UPLOADS . $_FILES['avatar']['name']);
}

// ok: path-traversal/php-tainted-path
include PAGES[$page] ?? 'pages/home.php';
// ok: path-traversal/php-tainted-path
$text = file_get_contents(upload_path(basename($_GET['file'])));
if (in_array($page, ['home', 'about'], true)) {
    // ok: path-traversal/php-tainted-path
    require "pages/$page.php";
}
// ok: path-traversal/php-tainted-path
$config = parse_ini_file(upload_path('settings.ini'));
$id = (int) $_GET['id'];
// ok: path-traversal/php-tainted-path
unlink(UPLOADS . "cache-$id.tmp");
