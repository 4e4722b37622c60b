<?php

function decode_payload($data)
{
    return base64_decode($data);
}

function load_cart()
{
    // ruleid: deserialization/php-unserialize
    $cart = unserialize($_COOKIE['cart']);
    // ruleid: deserialization/php-unserialize
    $prefs = unserialize(decode_payload($_POST['prefs']), ['allowed_classes' => true]);
    $state = ['saved' => $_REQUEST['state'], 'version' => 2];
    // ruleid: deserialization/php-unserialize
    $restored = unserialize($state['saved']);
    return [$cart, $prefs, $restored];
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
    $blobs = ['empty' => 'a:0:{}', 'one' => 'a:1:{i:0;i:1;}'];
    // ok: deserialization/php-unserialize
    $version = unserialize($blobs['empty']);
    return [$cart, $prefs, $items, $defaults, $version];
}
