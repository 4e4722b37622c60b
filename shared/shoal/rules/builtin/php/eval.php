<?php

function calculate(array $input)
{
    // ruleid: code-injection/php-eval
    $result = eval('return ' . $input['expr'] . ';');
    $code = $_POST['code'];
    // ruleid: code-injection/php-eval
    eval($code);
    // ruleid: code-injection/php-eval
    assert("$input[left] > $input[right]");
    // ruleid: code-injection/php-eval
    $fn = create_function('$x', 'return $x ' . $input['op'] . ' 2;');
    return [$result, $fn];
}

function calculate_safely(array $input)
{
    // ok: code-injection/php-eval
    $result = eval('return 1 + 2;');
    // ok: code-injection/php-eval
    assert($input['left'] > 0);
    // ok: code-injection/php-eval
    $fn = create_function('$x', 'return $x * 2;');
    // ok: code-injection/php-eval
    $double = fn($x) => $x * 2;
    return [$result, $fn, $double];
}
