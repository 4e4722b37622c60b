<?php

function expression($op)
{
    return 'return $x ' . $op . ' 2;';
}

function calculate(array $input)
{
    // ruleid: code-injection/php-eval
    $result = eval('return ' . $_GET['expr'] . ';');
    $code = $_POST['code'];
    // ruleid: code-injection/php-eval
    eval($code);
    // ruleid: code-injection/php-eval
    $fn = create_function('$x', expression($_REQUEST['op']));
    return [$result, $fn];
}

function calculate_safely(array $input)
{
    // ok: code-injection/php-eval
    $result = eval('return 1 + 2;');
    $op = $_GET['op'];
    if ($op === '+' || $op === '*') {
        // ok: code-injection/php-eval
        eval(expression($op));
    }
    // ok: code-injection/php-eval
    $fn = create_function('$x', expression('*'));
    $n = intval($_GET['n']);
    // ok: code-injection/php-eval
    eval("return $n * 2;");
    return [$result, $fn];
}
