; Function units of the taint analysis: functions, methods and function literals (handlers).
[
  (function_declaration)
  (method_declaration)
  (func_literal)
] @function
