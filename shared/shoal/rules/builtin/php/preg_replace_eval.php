<?php

function render_template($template, array $vars)
{
    // ruleid: code-injection/php-preg-replace-eval
    $out = preg_replace('/\{(\w+)\}/e', '$vars["\\1"]', $template);
    // ruleid: code-injection/php-preg-replace-eval
    $out = preg_replace("#<b>(.*?)</b>#ie", "strtoupper('\\1')", $out);
    // ok: code-injection/php-preg-replace-eval
    $clean = preg_replace('/\s+/', ' ', $out);
    // ok: code-injection/php-preg-replace-eval
    $name = preg_replace('/[^a-z-]/', '', $vars['name']);
    // ok: code-injection/php-preg-replace-eval
    $html = preg_replace_callback('/\{(\w+)\}/', fn ($m) => $vars[$m[1]] ?? '', $template);
    return [$clean, $name, $html];
}
