"""Reports for the regional centre: clause-19 moderation figures and the clause-15 posting rate.

``periods`` (Moscow time, ISO weeks, ``--period``), ``figures`` (the report's numbers, from the
store, read-only), ``text`` (Russian wording and the summary for a letter), ``rows`` (the figures
table every format shares), ``svg`` (charts drawn locally), ``as_html`` / ``as_xlsx`` / ``as_csv``
(the renderers), ``build`` (pages and period → a file), ``watch`` (the posting-rate watch).
Platform-free: pages are ``(platform, community id)`` with their configured names.
"""
