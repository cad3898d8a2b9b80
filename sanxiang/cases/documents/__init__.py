"""Case-side glue of the enforcement documents: the "enter once" context a case gives every document, issuing
a case's documents (numbered, with the legal-review gate for decisions), and the case page's document
section. The documents themselves (kinds, templates, rendering, immutability) live in ``sanxiang.documents``.
"""
