<?php

use GuzzleHttp\Client;

function fetch($url)
{
    $ch = curl_init($url);
    // ruleid: tls/php-ssl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
    // ruleid: tls/php-ssl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
    curl_setopt_array($ch, [
        CURLOPT_RETURNTRANSFER => true,
        // ruleid: tls/php-ssl-verify-disabled
        CURLOPT_SSL_VERIFYPEER => FALSE,
    ]);
    // ruleid: tls/php-ssl-verify-disabled
    $client = new Client(['base_uri' => $url, 'verify' => false]);
    $context = stream_context_create(['ssl' => [
        // ruleid: tls/php-ssl-verify-disabled
        'verify_peer' => false,
    ]]);
    return [curl_exec($ch), $client, $context];
}

function fetch_safely($url, $caBundle)
{
    $ch = curl_init($url);
    // ok: tls/php-ssl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
    // ok: tls/php-ssl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
    // ok: tls/php-ssl-verify-disabled
    curl_setopt($ch, CURLOPT_FOLLOWLOCATION, false);
    // ok: tls/php-ssl-verify-disabled
    $client = new Client(['base_uri' => $url, 'verify' => $caBundle]);
    // ok: tls/php-ssl-verify-disabled
    $rules = ['verify' => false];
    return [curl_exec($ch), $client, $rules];
}
