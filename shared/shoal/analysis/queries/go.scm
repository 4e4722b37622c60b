; Metrics captures for Go, matched to lizard 1.24.3's GoReader (C-like conditions):
; if/for/case and && || (Go has no while, catch or ternary).

[
  (function_declaration)
  (method_declaration)
  (func_literal)
] @function

["if" "for" "case" "&&" "||"] @decision

(comment) @comment

[
  (if_statement)
  (for_statement)
  (expression_switch_statement)
  (type_switch_statement)
  (select_statement)
] @nesting

; Each name of `a, b int` is a parameter to lizard; results and receivers are not.
(function_declaration parameters: (parameter_list (parameter_declaration name: (identifier) @param)))
(method_declaration parameters: (parameter_list (parameter_declaration name: (identifier) @param)))
(func_literal parameters: (parameter_list (parameter_declaration name: (identifier) @param)))
(parameter_list (variadic_parameter_declaration) @param)
