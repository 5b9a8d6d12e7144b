"""A page's kernel that dies before it answers is started again, with new ports.

The kernel manager picks a kernel's TCP ports by asking the system for free ones and
closing them; the kernel binds them a moment later. If another process (another build's
kernel, a browser) takes one in between, the kernel cannot bind it. Two kernel managers
side by side, 800 kernels in all, gave one such collision here; and once in a clean CI run
a page's kernel died before it answered ("Kernel died before replying to kernel_info"), most
likely so, failing the strict build on a page with nothing wrong with it. nbclient, which
myst-nb runs each page with, gives up at once;
:func:`install` makes it start a new kernel (new ports) up to :data:`ATTEMPTS` times. A
kernel that dies for any other reason dies again, and the build still fails on it.
"""
from __future__ import annotations

import functools

from nbclient.client import NotebookClient
from sphinx.util import logging

ATTEMPTS = 3
DIED_STARTING = "before replying to kernel_info"
logger = logging.getLogger(__name__)


def install() -> None:
    """Have nbclient start a page's kernel again when it dies before answering."""
    start = NotebookClient.async_start_new_kernel_client
    if getattr(start, "course_retries", False):
        return

    @functools.wraps(start)
    async def start_again_if_it_dies(self: NotebookClient):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return await start(self)
            except RuntimeError as error:  # nbclient has shut the dead kernel down
                if attempt == ATTEMPTS or not self.owns_km or DIED_STARTING not in str(error):
                    raise
                logger.info(f"a page's kernel died while starting ({error}); starting another "
                            f"(attempt {attempt + 1} of {ATTEMPTS})")
                self.km = self.create_kernel_manager()
                await self.async_start_new_kernel()

    start_again_if_it_dies.course_retries = True
    NotebookClient.async_start_new_kernel_client = start_again_if_it_dies
