"""`az k8s-configuration flux migrate`: Flux v1 configurations become Flux v2 ones.

command.py (the handler) -> plan.py (what would be created) -> mapping.py (a v1 configuration -> the v2 payload;
v1_params.py reads fluxd's operator flags, rules.py says why a setting does not carry over, renames.py the
--rename option) -> steps.py (create v2, delete v1) with state.py (resume file), credentials.py and report.py.
"""
