<?php

use GuzzleHttp\Client;

function api_url($path)
{
    return 'https://api.example.com/' . rawurlencode($path);
}

function fetch($url)
{
    // ruleid: ssrf/php-ssrf
    $ch = curl_init($url);
    return curl_exec($ch);
}

$url = $_GET['url'];
// ruleid: ssrf/php-ssrf
$headers = get_headers($url);
$client = new Client();
// ruleid: ssrf/php-ssrf
$client->get($_POST['feed']);
fetch('http://' . $_GET['host'] . '/status');
$hooks = [$_POST['hook']];
foreach ($hooks as $hook) {
    // ruleid: ssrf/php-ssrf
    $client->request('POST', $hook);
}

// ok: ssrf/php-ssrf
$ch = curl_init('https://api.example.com/health');
// ok: ssrf/php-ssrf
$client->get(api_url('status'));
$region = $_GET['region'] === 'eu' ? 'eu' : 'us';
// ok: ssrf/php-ssrf
$client->get("https://$region.example.com/");
