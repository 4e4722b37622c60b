<?php

function load_cart()
{
    // ruleid: deserialization/php-unserialize
    $cart = unserialize($_COOKIE['cart']);
    // ruleid: deserialization/php-unserialize
    $prefs = unserialize(base64_decode($_POST['prefs']), ['allowed_classes' => true]);
    $raw = file_get_contents('php://input');
    // ruleid: deserialization/php-unserialize
    $payload = unserialize($raw);
    return [$cart, $prefs, $payload];
}

function load_cart_safely()
{
    // ok: deserialization/php-unserialize
    $cart = json_decode($_COOKIE['cart'], true);
    // ok: deserialization/php-unserialize
    $prefs = unserialize($_POST['prefs'], ['allowed_classes' => false]);
    // ok: deserialization/php-unserialize
    $items = unserialize($_POST['items'], ['allowed_classes' => [CartItem::class]]);
    // ok: deserialization/php-unserialize
    $defaults = unserialize('a:0:{}');
    return [$cart, $prefs, $items, $defaults];
}
