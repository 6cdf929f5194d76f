"""HTTP surface: aiohttp app, routing, middlewares, admin API, AAD/metadata stand-ins, server process."""
