; Metrics captures for C++, matched to lizard 1.24.3's CLikeReader:
; if/for/while/catch/case, && ||, the ternary `?`, and #if/#ifdef/#elif (not #ifndef).

(function_definition) @function

["if" "for" "while" "catch" "case" "#if" "#ifdef" "#elif"] @decision
"&&" @decision
"||" @decision
; An #if condition is a single macro token to lizard: nothing in it counts.
(preproc_if condition: (_) @ignore)
(preproc_elif condition: (_) @ignore)
(conditional_expression "?" @decision)

(comment) @comment

[
  (if_statement)
  (for_statement)
  (while_statement)
  (do_statement)
  (switch_statement)
  (for_range_loop)
  (try_statement)
] @nesting

; `f(void)` declares no parameter, as lizard counts it.
(function_declarator
  parameters: (parameter_list
    [(parameter_declaration) (optional_parameter_declaration) (variadic_parameter_declaration)] @param
    (#not-eq? @param "void")))
