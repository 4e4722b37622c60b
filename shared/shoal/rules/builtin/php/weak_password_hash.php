<?php

function register(PDO $pdo, $email, $password)
{
    // ruleid: crypto/php-weak-password-hash
    $hash = md5($password);
    // ruleid: crypto/php-weak-password-hash
    $salted = sha1($salt . $_POST['pass']);
    // ruleid: crypto/php-weak-password-hash
    $other = hash('sha256', $user->password);
    // ruleid: crypto/php-weak-password-hash
    $des = crypt($password, 'xy');
    // ruleid: crypto/php-weak-password-hash
    $md5crypt = crypt($password, '$1$rasmusle$');
    // ruleid: crypto/php-weak-password-hash
    $unsalted = crypt($password);
    return [$hash, $salted, $other, $des, $md5crypt, $unsalted];
}

function register_safely($email, $password, $file)
{
    // ok: crypto/php-weak-password-hash
    $hash = password_hash($password, PASSWORD_DEFAULT);
    // ok: crypto/php-weak-password-hash
    $etag = md5($file);
    // ok: crypto/php-weak-password-hash
    $gravatar = md5(strtolower(trim($email)));
    // ok: crypto/php-weak-password-hash
    $bcrypt = crypt($password, '$2y$12$' . $salt);
    // ok: crypto/php-weak-password-hash
    $sha512crypt = crypt($password, '$6$rounds=5000$usesomesillystri$');
    // ok: crypto/php-weak-password-hash
    $mac = hash_hmac('sha256', $email, $secret);
    return [$hash, $etag, $gravatar, $bcrypt, $sha512crypt, $mac];
}

function passport_checksum($passport)
{
    // ok: crypto/php-weak-password-hash
    return md5($passport);
}
