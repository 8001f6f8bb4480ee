"""Commands on actors: ``warta actors resolve``, ``warta entities``."""
from __future__ import annotations
