; Metrics captures for C, matched to lizard 1.24.3's CLikeReader:
; if/for/while/case, && ||, and the ternary `?`.

(function_definition) @function

["if" "for" "while" "case" "&&" "||"] @decision
(conditional_expression "?" @decision)

(comment) @comment

[
  (if_statement)
  (for_statement)
  (while_statement)
  (do_statement)
  (switch_statement)
] @nesting

(function_declarator
  parameters: (parameter_list [(parameter_declaration) (variadic_parameter)] @param))
