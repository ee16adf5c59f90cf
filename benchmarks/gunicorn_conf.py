"""gunicorn settings the benchmark gives the site and the bare-Django ceiling alike.

Not the production ``gunicorn.conf.py``: its access log and its worker recycling
(``max_requests``) would charge the site for work the ceiling does not do, and a
recycled worker's restart would land in a page's CPU figure.
"""

import os

workers = int(os.environ.get("BENCH_WORKERS", 2))
worker_class = "sync"
timeout = 120
forwarded_allow_ips = "127.0.0.1"
accesslog = None
errorlog = "-"
loglevel = "warning"
