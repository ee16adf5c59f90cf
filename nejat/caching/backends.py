"""The shared cache, surviving an outage of its server.

Everything the site keeps in Redis can be made again (pages, chrome, the
generation), so while Redis is away a read is a miss and a write is dropped, logged
once a minute at most: readers get pages rendered afresh instead of errors. ``add``
and ``incr`` still raise: the public forms' hourly limits and used tokens are made
of them, and those refuse politely rather than let posts through unchecked.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
QUIET_SECONDS = 60


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

    def _tolerate(self, operation, default, *args, **kwargs):
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - the client raises its own errors
            now = time.monotonic()
            if now - ResilientRedisCache._last_warning > QUIET_SECONDS:
                ResilientRedisCache._last_warning = now
                logger.warning("Cache unavailable (%s): %s", operation, error)
            return default

    def get(self, key, default=None, version=None):
        return self._tolerate("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._tolerate("get_many", {}, keys, version)

    def set(self, key, value, timeout=None, version=None):
        return self._tolerate("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._tolerate("set_many", list(data), data, timeout, version)

    def delete(self, key, version=None):
        return self._tolerate("delete", False, key, version)

    def touch(self, key, timeout=None, version=None):
        return self._tolerate("touch", False, key, timeout, version)
