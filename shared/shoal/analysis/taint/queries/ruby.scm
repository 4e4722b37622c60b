; Function units of the taint analysis: methods and singleton methods (blocks run inline).
[(method) (singleton_method)] @function
