"""Shanyrak settings. Everything that differs between machines comes from environment variables."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from config.env import DEBUG, env_list

# The API (REST framework, its schema and tokens) and security (proxies, sign-in lockout, session cookies,
# Content-Security-Policy, HTTPS) have modules of their own.
from config.settings_api import *  # noqa: F403
from config.settings_security import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "health_check",
    "config.apps.SignInProtectionConfig",
    "django_tasks",
    "config.apps.BackgroundTasksConfig",
    "registry",
    "accounts",
    "jobs",
    "regions",
    "assembly",
    "councils",
    "mediation",
    "events",
    "opendata",
    "stats",
    "public",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "registry.middleware.RequestIdMiddleware",
    # Lets a safe API or public request read from a replica, or pins it to the primary (no-op without replicas).
    "config.routing.ReadReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in attempt into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.offline.context_processors.offline_app",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The background worker writes while the server reads: in write-ahead-log mode readers are never blocked by a
    # writer, and a writer waits its turn for up to 20 seconds rather than 5.
    DATABASES["default"].setdefault("OPTIONS", {}).update(init_command="PRAGMA journal_mode=WAL", timeout=20)

# Read replicas (config/routing.py, docs/operations.md): `DATABASE_REPLICA_URLS`, comma-separated, adds the databases
# replica_0, replica_1, … with the primary's options and a short connect timeout. API and public reads go to one of
# them; writes, the admin, the portal, and a client's reads within READ_YOUR_WRITES_SECONDS of its last write go to
# the primary. In the test suite each replica mirrors the primary's test database.
REPLICA_CONNECT_TIMEOUT = int(os.environ.get("REPLICA_CONNECT_TIMEOUT", "2"))
REPLICA_HEALTH_SECONDS = int(os.environ.get("REPLICA_HEALTH_SECONDS", "5"))
READ_YOUR_WRITES_SECONDS = int(os.environ.get("READ_YOUR_WRITES_SECONDS", "10"))
REPLICA_READ_PATHS = ["/api/v1/", "/regions/", "/calendar", "/directory/", "/statistics/", "/open-data/"]
DATABASE_REPLICAS = []
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URLS")):
    _replica = dj_database_url.parse(
        _url,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    if _replica["ENGINE"] == DATABASES["default"]["ENGINE"]:
        _replica["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), **_replica.get("OPTIONS", {})}
    if _replica["ENGINE"] == "django.db.backends.postgresql":
        _replica.setdefault("OPTIONS", {})["connect_timeout"] = REPLICA_CONNECT_TIMEOUT
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{_index}"] = _replica
    DATABASE_REPLICAS.append(f"replica_{_index}")
DATABASE_ROUTERS = ["config.routing.ReplicaRouter"] if DATABASE_REPLICAS else []
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out client before the password is even checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "home"

# Kazakh is the state language and the public default; every page can switch.
LANGUAGE_CODE = "kk"
# The languages every record keeps its names and texts in (name_kk, name_ru, name_en).
RECORD_LANGUAGES = ["kk", "ru", "en"]
# The interface languages: the record languages and Kazakh in the Latin script, which is made from the Kazakh
# Cyrillic when shown and when translations are compiled, never stored (registry/kazakh_latin.py).
LANGUAGES = [("kk", "Қазақша"), ("kk-latn", "Qazaqşa"), ("ru", "Русский"), ("en", "English")]
LANG_INFO.update(
    {"kk-latn": {"bidi": False, "code": "kk-latn", "name": "Kazakh (Latin)", "name_local": "Qazaqşa", "short": "QAZ"}}
)
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Published open-data archives (`manage.py export_open_data --publish`), served at /open-data/.
OPEN_DATA_DIR = Path(os.environ.get("OPEN_DATA_DIR", BASE_DIR / "data" / "open-data"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
    if os.environ.get("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Sessions live in the database (every app server sees them); SESSION_STORE=cache keeps them in Redis instead (faster,
# but a flushed or lost Redis signs everyone out), which needs REDIS_URL: an in-process cache is not shared.
SESSION_STORE = os.environ.get("SESSION_STORE", "database")
if SESSION_STORE == "cache":
    if not os.environ.get("REDIS_URL"):
        raise ImproperlyConfigured("SESSION_STORE=cache needs REDIS_URL: an in-process cache is not shared.")
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
elif SESSION_STORE != "database":
    raise ImproperlyConfigured(f"SESSION_STORE must be 'database' or 'cache', not {SESSION_STORE!r}.")

# Background jobs (Django's Tasks API through django-tasks, docs/operations.md). By default the queue is a table of
# the database and `manage.py db_worker` runs it: nothing more to install or run than the database. With
# TASKS_BACKEND=rq (and REDIS_URL, and `pip install ".[rq]"`) the queue is Redis and `manage.py rqworker` runs it.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "rq":
    if not os.environ.get("REDIS_URL"):
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ["REDIS_URL"]}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'database' or 'rq', not {TASKS_BACKEND!r}.")
# A running job that has not reported progress for this long is taken for dead (its worker was killed): it is
# shown as failed, and what it was writing was rolled back with its transaction.
JOBS_STALE_AFTER = datetime.timedelta(minutes=int(os.environ.get("JOBS_STALE_MINUTES", "30")))

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "shanyrak-demo")

# Files the application keeps for itself (never served): uploads waiting for confirmation live in
# PRIVATE_UPLOAD_DIR, created readable by the server's user only and removed once imported.
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))
PRIVATE_UPLOAD_DIR = Path(os.environ.get("PRIVATE_UPLOAD_DIR", DATA_DIR / "private-uploads"))
# A spreadsheet of events may be at most this large; request bodies without files are kept far smaller.
EVENT_UPLOAD_MAX_BYTES = int(os.environ.get("EVENT_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FILE_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
