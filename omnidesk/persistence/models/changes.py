"""The change log: one row per committed unit of work, saying what it changed (JSON).

Other workstations and the sync worker's process poll it cheaply (``seq`` above the last one seen), so a
page on one machine learns of a payment made on another. Rows older than a day are pruned.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, local_now


class ChangeLog(Base):
    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=local_now, index=True)
    workstation: Mapped[str] = mapped_column(String(128), default="")  # host name and process id
    origin: Mapped[str] = mapped_column(String(32), default="")  # the writing Database's token
    payload: Mapped[str] = mapped_column(Text, default="{}")  # Changes.to_json()
