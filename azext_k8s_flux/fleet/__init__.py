"""The fleet: Flux configurations and extensions across every cluster in a scope, read through Azure Resource Graph.

Resource Graph answers for a whole subscription or management group in one paged query; it is eventually
consistent with ARM (rows can lag minutes, sometimes hours), so each command can re-read flagged rows through ARM.
"""
