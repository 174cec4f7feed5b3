"""The moderators' workspace: a server-rendered Russian web UI on aiohttp + Jinja2.

``app`` (context, middlewares, rendering), ``auth`` (passwords, sessions, CSRF, rate limiting,
who sees what), ``pages/`` (one module per page), ``charts`` (SVG), ``format`` (time, names,
evidence highlighting), ``server`` (serving it in ``modbot run``/``web``/``demo``);
``templates/`` and ``static/`` (vendored CSS/JS, no CDN, no build step)."""
