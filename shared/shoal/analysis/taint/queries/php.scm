; Function units of the taint analysis: functions, methods, closures and arrow functions.
[
  (function_definition)
  (method_declaration)
  (anonymous_function)
  (arrow_function)
] @function
