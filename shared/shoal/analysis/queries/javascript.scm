; Metrics captures for JavaScript, matched to lizard 1.24.3's JavaScriptReader (a TypeScriptReader):
; conditions are if/for/while/catch/case, && || ??, and the ternary `?`.

[
  (function_declaration)
  (function_expression)
  (generator_function_declaration)
  (generator_function)
  (arrow_function)
  (method_definition)
] @function

["if" "for" "while" "catch" "case" "&&" "||" "??"] @decision
(ternary_expression "?" @decision)

(comment) @comment

[
  (if_statement)
  (for_statement)
  (for_in_statement)
  (while_statement)
  (do_statement)
  (switch_statement)
  (try_statement)
] @nesting

(formal_parameters
  [(identifier) (assignment_pattern) (rest_pattern) (object_pattern) (array_pattern)] @param)
(arrow_function parameter: (identifier) @param)

; lizard counts a parameter default value as one more condition.
(formal_parameters (assignment_pattern) @decision)
