<?php

// ruleid: credentials/php-hardcoded-password
define('DB_PASSWORD', 'Sup3r-S3cret!');
// ok: credentials/php-hardcoded-password
define('DB_HOST', 'db.internal');
// ok: credentials/php-hardcoded-password
define('AUTH_TOKEN_TTL', '3600');

class PaymentGateway
{
    // ruleid: credentials/php-hardcoded-password
    const API_KEY = 'sk_live_51HqLyjWDarjtT1zdp7dc';
    // ok: credentials/php-hardcoded-password
    const TOKEN_HEADER = 'X-Auth-Token';
    // ruleid: credentials/php-hardcoded-password
    private $clientSecret = "c7e42f292c6912e7710c838347ae178b";
    // ok: credentials/php-hardcoded-password
    private $password = '';

    public function connect()
    {
        // ruleid: credentials/php-hardcoded-password
        $password = 'hunter2hunter2';
        // ok: credentials/php-hardcoded-password
        $password = getenv('DB_PASSWORD');
        // ok: credentials/php-hardcoded-password
        $password_hint = 'Use at least 12 characters';
        // ruleid: credentials/php-hardcoded-password
        $this->token = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
        return [
            'user' => 'app',
            // ruleid: credentials/php-hardcoded-password
            'password' => 'Xk9#mQ2!vL7p',
            // ok: credentials/php-hardcoded-password
            'secret' => '<secret>',
            // ok: credentials/php-hardcoded-password
            'token' => "{$this->prefix}-token",
        ];
    }
}
