"""An e-mail backend for fault tests: notes when a send starts, waits, then records it.

A worker can be killed while it waits, exactly in the middle of the task.
"""

import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class SlowRecordingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        journal = Path(os.environ["SLOW_EMAIL_JOURNAL"])
        for message in email_messages:
            with journal.open("a") as out:
                out.write(f"started {message.subject}\n")
            time.sleep(float(os.environ.get("SLOW_EMAIL_SECONDS", "0")))
            with journal.open("a") as out:
                out.write(f"sent {message.subject}\n")
        return len(email_messages)
