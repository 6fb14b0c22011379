"""Documents that leave the app: entry exports and coursework pieces, as Markdown and HTML.

Composing a document (:mod:`.entries`, :mod:`.coursework`) and rendering it (:mod:`.html`)
are pure; writing files, Word and PDF live in :mod:`psw_journal.services.export`.
"""
