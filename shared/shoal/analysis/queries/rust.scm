; Metrics captures for Rust, matched to lizard 1.24.3's RustReader: if/for/while/where, && ||,
; the `?` operator, `let ... else`, and every match arm after the first.

(function_item) @function

["if" "for" "while" "where" "&&" "||"] @decision
(try_expression "?" @decision)
(let_declaration "else" @decision)
(match_block (match_arm) . (match_arm) @decision)

[(line_comment) (block_comment)] @comment

[
  (if_expression)
  (for_expression)
  (while_expression)
  (loop_expression)
  (match_expression)
] @nesting

(parameters [(parameter) (self_parameter)] @param)
