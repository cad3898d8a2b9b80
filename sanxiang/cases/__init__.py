"""The case aggregate: parties, numbering (案号/文号), workflows as data, documents, service and execution."""
