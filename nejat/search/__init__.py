"""Site search: one index of every published item in each edition it exists in
(``indexing``), queries that fold Arabic and Persian letter variants as the index
does (``queries``, ``textfold``), highlighted results (``highlighting``) and the
search page (``views``)."""
