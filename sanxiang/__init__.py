"""Sanxiang (三项): publicity, whole-process recording and legal review for administrative law enforcement."""
