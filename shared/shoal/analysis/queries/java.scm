; Metrics captures for Java, matched to lizard 1.24.3's JavaReader (C-like conditions):
; if/for/while/catch/case, && ||, and the ternary `?`. Lambdas are not functions to lizard.

[
  (method_declaration)
  (constructor_declaration)
  (compact_constructor_declaration)
] @function

["if" "for" "while" "catch" "case" "&&" "||"] @decision
(ternary_expression "?" @decision)

[(line_comment) (block_comment)] @comment

[
  (if_statement)
  (for_statement)
  (enhanced_for_statement)
  (while_statement)
  (do_statement)
  (switch_expression)
  (try_statement)
  (try_with_resources_statement)
  (synchronized_statement)
] @nesting

(formal_parameters [(formal_parameter) (spread_parameter)] @param)
