"""Reports for the regional centre: clause-19 moderation figures and the clause-15 posting rate.

``periods`` (Moscow time, ISO weeks, ``--period``), ``figures`` (the report's numbers, from the
store, read-only), ``summary`` (the plain-Russian paragraph for a letter), ``svg`` (charts drawn
locally), ``html`` / ``xlsx`` / ``csv`` (the renderers), ``watch`` (the daemon's posting-rate
watch). Platform-free: pages are ``(platform, community id)`` with their configured names.
"""
