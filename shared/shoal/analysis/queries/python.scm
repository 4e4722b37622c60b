; Metrics captures for Python, matched to lizard 1.24.3's PythonReader:
; conditions are if/elif/for/while/except/finally/and/or plus the soft keyword `case`.
; Lambdas are not functions to lizard, so their conditions count toward the enclosing def.

(function_definition) @function

["if" "elif" "for" "while" "except" "finally" "and" "or"] @decision
(case_clause "case" @decision)

(comment) @comment
(expression_statement (string) @docstring)

[
  (if_statement)
  (for_statement)
  (while_statement)
  (try_statement)
  (with_statement)
  (match_statement)
] @nesting

(parameters
  [
    (identifier)
    (typed_parameter)
    (default_parameter)
    (typed_default_parameter)
    (list_splat_pattern)
    (dictionary_splat_pattern)
  ] @param)
