"""Azure Resource Graph over the emulator's live state: tables, a KQL engine, paging and quota.

Nothing here knows HTTP; ``arm_emulator.httpapi.resourcegraph`` translates requests and answers.
"""
