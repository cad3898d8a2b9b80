"""Agencies (执法主体), departments, entrusted organisations, officers (执法人员), certificates (执法证),
role grants and jurisdiction. Owns the ``access_*`` chokepoints for agencies and officers."""
