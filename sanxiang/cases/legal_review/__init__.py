"""The case side of legal review (法制审核): whether a proposed decision is major (``triggers``), the review
package and its machine pre-checks (``package``, ``prechecks``), submitting a case's decision to the review
engine (``actions``), the gate the engine's acts check (``gate``) and the case-page section (``views``).
It uses ``sanxiang.review`` (a lower layer) and the case engine; it never writes review rows itself."""
