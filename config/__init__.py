"""Project configuration: settings read from the environment, URL routing, WSGI/ASGI and Celery entry points."""

from config.celery import app as celery_app

__all__ = ["celery_app"]
