"""Commands that read news and run the pipeline: process, extract, demo, articles, watch, events."""
from __future__ import annotations
