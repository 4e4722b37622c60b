; Metrics captures for PHP, matched to lizard 1.24.3's PHPReader: if/elseif/for/foreach/while,
; catch/match/case, && ||, and the ternary `?`.

[
  (function_definition)
  (method_declaration)
  (anonymous_function)
  (arrow_function)
] @function

["if" "elseif" "for" "foreach" "while" "catch" "match" "case" "&&" "||"] @decision
(conditional_expression "?" @decision)

(comment) @comment

[
  (if_statement)
  (for_statement)
  (foreach_statement)
  (while_statement)
  (do_statement)
  (switch_statement)
  (try_statement)
] @nesting

(formal_parameters
  [(simple_parameter) (variadic_parameter) (property_promotion_parameter)] @param)
