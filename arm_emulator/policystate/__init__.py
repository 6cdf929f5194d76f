"""Azure Policy around the evaluation engine (``arm_emulator.policy``): definitions, assignments, role
assignments of their identities, compliance scans, policy states and remediation tasks.

Backends here never see HTTP; ``httpapi/policy_*.py`` translate.
"""
