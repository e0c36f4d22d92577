"""What the benchmarks that time the site share: Django set up as the tests run it
(test settings, quiet logs) on a throwaway test database, made on entering and
dropped on leaving.

    with test_database():
        ...  # build rows, time pages with Django's test client
"""

import statistics
import time
from contextlib import contextmanager


@contextmanager
def test_database(configure=None, keepdb=False):
    """``configure(database)``, if given, may change the default database's settings
    (its ``TEST`` name) before the test database is made; ``keepdb`` keeps (or
    reuses) it."""
    import logging
    import warnings

    import django

    django.setup()
    logging.disable(logging.INFO)
    warnings.filterwarnings("ignore", message="No directory at")
    from django.conf import settings
    from django.test.utils import get_runner, setup_test_environment

    setup_test_environment()
    if configure is not None:
        configure(settings.DATABASES["default"])
    runner = get_runner(settings)(verbosity=0, keepdb=keepdb)
    # No copy of the rows kept for TransactionTestCase's rollback emulation (no
    # benchmark needs one): with 100,000 stories kept it read the whole database.
    old_config = runner.setup_databases(serialized_aliases=set())
    try:
        yield
    finally:
        runner.teardown_databases(old_config)


def time_page(client, url, requests):
    """``url`` asked for once to warm the caches (as a running server would be), then
    ``requests`` times: the median and 95th percentile in milliseconds, the last
    response, and the number of SQL queries of one more request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95, response, len(queries.captured_queries)
