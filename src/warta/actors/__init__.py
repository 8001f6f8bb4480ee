"""Actors: the time-aware knowledge base (``warta/data/kb``) and the linker that resolves mentions.

    >>> from datetime import date
    >>> from warta.actors import link
    >>> [(m.text, m.country, m.sector) for m in link("Presiden Joe Biden bertemu Xi Jinping.", date(2024, 11, 16))]
    [('Presiden Joe Biden', 'USA', 'GOV'), ('Xi Jinping', 'CHN', 'GOV')]
"""
from warta.actors.kb import KB, Entity, Role, load_kb
from warta.actors.linker import Linker, link, resolve

__all__ = ["KB", "Entity", "Role", "Linker", "link", "load_kb", "resolve"]
