"""Enforcement documents (执法文书): the kinds, their Word templates (shipped defaults and office versions),
rendering to DOCX and PDF, and issued documents, which are immutable."""
