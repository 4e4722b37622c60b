<?php

function connect_all($dsn)
{
    // ruleid: credentials/php-hardcoded-db-password
    $pdo = new PDO($dsn, 'shop', 'Sup3r-S3cret!');
    // ruleid: credentials/php-hardcoded-db-password
    $mysqli = new mysqli('localhost', 'root', 'root123', 'shop');
    // ruleid: credentials/php-hardcoded-db-password
    $link = mysqli_connect('db.internal', 'report', "r3p0rt-pw");
    // ok: credentials/php-hardcoded-db-password
    $env = new PDO($dsn, getenv('DB_USER'), getenv('DB_PASSWORD'));
    // ok: credentials/php-hardcoded-db-password
    $local = new mysqli('localhost', 'root', '');
    // ok: credentials/php-hardcoded-db-password
    $sqlite = new PDO('sqlite:/var/lib/app/app.db');
    return [$pdo, $mysqli, $link, $env, $local, $sqlite];
}
