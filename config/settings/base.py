"""All settings, read only from environment variables, with embedded defaults for the demo.

Embedded default: SQLite in ``$SANXIANG_VAR_DIR/sanxiang.sqlite3`` (WAL), files under ``$SANXIANG_VAR_DIR``,
Celery tasks run eagerly. Production sets ``DATABASE_URL``, ``CELERY_BROKER_URL``, ``SANXIANG_SECRET_KEY``,
``SANXIANG_ALLOWED_HOSTS`` and the key locations. Nothing here may depend on ``../shared``.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR_DIR = Path(os.environ.get("SANXIANG_VAR_DIR", BASE_DIR / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("SANXIANG_DEBUG", default=False)


def _secret_key() -> str:
    """Production passes SANXIANG_SECRET_KEY; the embedded default keeps a generated one under VAR_DIR."""
    configured = os.environ.get("SANXIANG_SECRET_KEY")
    if configured:
        return configured
    path = VAR_DIR / "secret_key"
    if not path.exists():
        import secrets

        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("SANXIANG_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("SANXIANG_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "sanxiang.core",
    "sanxiang.records",
    "sanxiang.organizations",
    "sanxiang.calendar",
    "sanxiang.accounts",
    "sanxiang.matters",
    "sanxiang.documents",
    "sanxiang.evidence",
    "sanxiang.review",
    "sanxiang.cases",
    "sanxiang.publicity",
    "sanxiang.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sanxiang.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "sanxiang" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sanxiang.accounts.context_processors.navigation",
            ],
        },
    },
]

SQLITE_PATH = VAR_DIR / "sanxiang.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"), conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while the one writer commits; IMMEDIATE takes the write lock at BEGIN so that
    # two writers queue instead of failing with "database is locked" half-way through a transaction.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: after this many failures for one username (or one address) within the window,
# further attempts are refused until the window passes.
LOGIN_FAILURE_LIMIT = int(os.environ.get("SANXIANG_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("SANXIANG_LOGIN_FAILURE_WINDOW_SECONDS", "900"))

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "sanxiang" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing root before collectstatic has run
STATICFILES_DIRS = [BASE_DIR / "sanxiang" / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SANXIANG_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = int(os.environ.get("SANXIANG_SESSION_SECONDS", str(8 * 3600)))
X_FRAME_OPTIONS = "DENY"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Celery: eager unless a broker is configured.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Integrate pending record-log entries and sign a checkpoint when the tree has grown.
    "records-publish-checkpoint": {"task": "records.publish_checkpoint", "schedule": 60.0},
    # Re-hash every stored evidence original (fixity), and drop unfinished uploads past their expiry.
    "evidence-check-fixity": {"task": "evidence.check_fixity", "schedule": 24 * 3600.0},
    "evidence-expire-uploads": {"task": "evidence.expire_uploads", "schedule": 3600.0},
    "evidence-build-missing-access-copies": {
        "task": "evidence.build_missing_access_copies",
        "schedule": 3600.0,
    },
    # Publicity: publications past their display window leave the public list; undelivered pushes retried.
    "publicity-expire-publications": {"task": "publicity.expire_publications", "schedule": 24 * 3600.0},
    "publicity-retry-pushes": {"task": "publicity.retry_pushes", "schedule": 900.0},
}

# The record log (docs/records-format.md). The embedded default generates its Ed25519 signing key in VAR_DIR
# on first use and integrates pending entries when each business transaction commits; production provides the
# key (SANXIANG_LOG_KEY_GENERATE=0) and runs `sanxiang records integrate --loop` (or the beat task) instead.
SANXIANG_LOG_KEY_PATH = Path(os.environ.get("SANXIANG_LOG_KEY_PATH", VAR_DIR / "keys" / "log_ed25519.pem"))
SANXIANG_LOG_KEY_GENERATE = env_bool("SANXIANG_LOG_KEY_GENERATE", default=True)
SANXIANG_LOG_ORIGIN = os.environ.get("SANXIANG_LOG_ORIGIN", "sanxiang.local/records")
SANXIANG_PERSONAL_DIGEST_KEY_PATH = Path(
    os.environ.get("SANXIANG_PERSONAL_DIGEST_KEY_PATH", VAR_DIR / "keys" / "personal_digest.key")
)
SANXIANG_LOG_HASH = os.environ.get("SANXIANG_LOG_HASH", "sha256")  # or "sm3"; fixed when the log is created
# Optional SM2 line on checkpoints (needs the gmssl_pyx package); unset = Ed25519 only.
SANXIANG_LOG_SM2_KEY_PATH = os.environ.get("SANXIANG_LOG_SM2_KEY_PATH") or None
# Witnesses (other agencies) whose cosignatures this log accepts: cosigner vkeys, separated by whitespace.
SANXIANG_LOG_WITNESSES = os.environ.get("SANXIANG_LOG_WITNESSES", "").split()
# This deployment as a witness of other logs: its cosigner name and key, and the logs it watches
# (one per line: "<log vkey>[ <hash: sha256|sm3>]").
SANXIANG_WITNESS_NAME = os.environ.get("SANXIANG_WITNESS_NAME", "sanxiang.local/witness")
SANXIANG_WITNESS_KEY_PATH = Path(
    os.environ.get("SANXIANG_WITNESS_KEY_PATH", VAR_DIR / "keys" / "witness_ed25519.pem")
)
SANXIANG_WITNESS_LOGS = [
    line for line in os.environ.get("SANXIANG_WITNESS_LOGS", "").splitlines() if line.strip()
]
# Evidence upload lag (R-REC-04): the fallback limit when no agency above has its own dated row, and how many
# days a late upload stays a work item.
SANXIANG_EVIDENCE_UPLOAD_LAG_HOURS = int(os.environ.get("SANXIANG_EVIDENCE_UPLOAD_LAG_HOURS", "24"))
SANXIANG_EVIDENCE_LATE_ALERT_DAYS = int(os.environ.get("SANXIANG_EVIDENCE_LATE_ALERT_DAYS", "7"))
SANXIANG_RECORDS_INTEGRATE_ON_COMMIT = env_bool("SANXIANG_RECORDS_INTEGRATE_ON_COMMIT", default=True)
SANXIANG_RECORDS_PENDING_ALERT_SECONDS = int(os.environ.get("SANXIANG_RECORDS_PENDING_ALERT_SECONDS", "300"))

# The public address printed into QR codes on certificate cards (亮证执法).
# External platforms that receive each publication and withdrawal (省级平台, 信用平台), as
# "name=url,name=url", e.g. SANXIANG_PUBLICITY_PUSH_ENDPOINTS="credit=https://credit.example/api/publish".
SANXIANG_PUBLICITY_PUSH_ENDPOINTS = dict(
    item.split("=", 1) for item in env_list("SANXIANG_PUBLICITY_PUSH_ENDPOINTS", "") if "=" in item
)
SANXIANG_PUBLIC_URL = os.environ.get("SANXIANG_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SANXIANG_LOG_LEVEL", "INFO")},
}
