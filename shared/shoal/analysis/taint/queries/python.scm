; Function units of the taint analysis: every def, methods and nested ones included.
(function_definition) @function
