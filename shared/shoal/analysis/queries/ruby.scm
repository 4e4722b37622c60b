; Metrics captures for Ruby, matched to lizard 1.24.3's RubyReader: if/elsif/until/for/while,
; rescue/ensure/when, and/or/&&/||, and the ternary `?` (`unless` and `case` do not count).

[(method) (singleton_method)] @function

["if" "elsif" "until" "for" "while" "rescue" "ensure" "when" "and" "or" "&&" "||"] @decision
(conditional "?" @decision)

(comment) @comment

[
  (if)
  (unless)
  (while)
  (until)
  (for)
  (case)
  (begin)
] @nesting

(method_parameters (_) @param)
