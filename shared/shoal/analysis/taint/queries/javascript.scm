; Function units of the taint analysis: declarations, expressions, arrows and methods.
[
  (function_declaration)
  (function_expression)
  (generator_function_declaration)
  (generator_function)
  (arrow_function)
  (method_definition)
] @function
