; Function units of the taint analysis: methods and constructors.
(method_declaration) @function
(constructor_declaration) @function
