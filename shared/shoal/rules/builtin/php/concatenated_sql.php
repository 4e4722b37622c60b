<?php

function find_user(mysqli $conn, PDO $pdo, $wpdb)
{
    $id = $_GET['id'];
    // ruleid: sql-injection/php-concatenated-sql
    $res = mysqli_query($conn, "SELECT * FROM users WHERE id = " . $id);
    // ruleid: sql-injection/php-concatenated-sql
    $rows = $pdo->query("SELECT * FROM users WHERE name = '{$_GET['name']}'");
    // ruleid: sql-injection/php-concatenated-sql
    $pdo->exec("DELETE FROM sessions WHERE user_id = $id");
    // ruleid: sql-injection/php-concatenated-sql
    $posts = $wpdb->get_results(sprintf("SELECT * FROM wp_posts WHERE post_author = %s", $id));
    // ruleid: sql-injection/php-concatenated-sql
    $count = DB::select("select count(*) from orders where user_id = $id");
    $legacy = pg_query(
        $conn,
        // ruleid: sql-injection/php-concatenated-sql
        'UPDATE users SET seen = now() WHERE id = ' . $id
    );
    return [$res, $rows, $posts, $count, $legacy];
}

function find_user_safely(mysqli $conn, PDO $pdo, $request)
{
    $id = (int) $_GET['id'];
    // ok: sql-injection/php-concatenated-sql
    $stmt = $pdo->prepare('SELECT * FROM users WHERE id = ?');
    $stmt->execute([$id]);
    // ok: sql-injection/php-concatenated-sql
    $res = mysqli_query($conn, 'SELECT COUNT(*) FROM users');
    // ok: sql-injection/php-concatenated-sql
    $rows = $pdo->query('SELECT * FROM users WHERE name = $literal');
    // ok: sql-injection/php-concatenated-sql
    $count = DB::select('select count(*) from orders where user_id = ?', [$id]);
    // ok: sql-injection/php-concatenated-sql
    $page = $request->query("page_$id");
    // ok: sql-injection/php-concatenated-sql
    $table = mysqli_query($conn, 'SELECT * FROM ' . TABLE_NAME);
    return [$res, $rows, $count, $page, $table];
}
