"""Service (送达) of a case's documents: the rules of each method (``rules``, pure), recording an attempt with
its 送达回证 and the act it completes (``actions``), and the case page's service forms (``views``)."""
