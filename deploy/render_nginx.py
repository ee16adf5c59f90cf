"""Print deploy/nginx-site.conf.template with its {{ names }} filled in.

    python3 deploy/render_nginx.py server_name=news.example.org > nejat.conf

Names not given keep their defaults (listed by --help); the certificate defaults to
certbot's files for server_name. An unknown name is an error.
"""

import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx-site.conf.template")
DEFAULTS = {
    "server_name": "news.example.org",
    "http_port": "80",
    "https_port": "443",
    "upstream": "127.0.0.1:8000",  # gunicorn's GUNICORN_BIND; several: a:8000,b:8000
    "tls_certificate": "/etc/letsencrypt/live/{server_name}/fullchain.pem",
    "tls_certificate_key": "/etc/letsencrypt/live/{server_name}/privkey.pem",
    "static_root": "/srv/nejat/staticfiles",
    "media_root": "/srv/nejat/media",
    "cache_path": "/var/lib/nginx/nejat-pages",  # its parent must exist
}
PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


def render(values):
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown names: {', '.join(sorted(unknown))}")
    filled = {**DEFAULTS, **values}
    filled.update({name: DEFAULTS[name].format(**filled) for name in DEFAULTS.keys() - values})
    servers = [server.strip() for server in filled["upstream"].split(",") if server.strip()]
    filled["upstream"] = "\n    ".join(f"server {server};" for server in servers)
    return PLACEHOLDER.sub(lambda match: filled[match[1]], TEMPLATE.read_text())


def main(arguments):
    if any(argument in ("-h", "--help") for argument in arguments):
        print(__doc__)
        print("\n".join(f"  {name}={value}" for name, value in DEFAULTS.items()))
        return 0
    try:
        if not all("=" in argument for argument in arguments):
            raise ValueError("arguments are name=value")
        sys.stdout.write(render(dict(argument.split("=", 1) for argument in arguments)))
    except ValueError as error:
        print(f"render_nginx.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
