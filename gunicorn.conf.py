"""gunicorn settings for production; each can be changed from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: measured faster than gthread for these pages.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Long enough for the largest upload (NEJAT_MAX_VIDEO_MB) to be checked and stored.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
