"""How a value is written into a template or a policy rule: as a parameter reference or as an escaped literal.

ARM and Azure Policy read a string that starts with '[' as an expression; a literal one is escaped as '[['
(document/arm_template.literal, which the export's templates use too).
"""

from azext_k8s_flux.document.arm_template import literal


def parameter(name):
    return f"[parameters('{name}')]"


def quoted(text):
    """A string literal inside an expression."""
    return "'" + str(text).replace("'", "''") + "'"


def with_parameters(properties, by_path):
    """The properties with each value at a chosen path replaced by its parameter, everything else literal."""

    def walk(node, prefix):
        if isinstance(node, dict):
            return {k: by_path[(*prefix, k)] if (*prefix, k) in by_path else walk(v, (*prefix, k))
                    for k, v in node.items()}  # fmt: skip
        return literal(node)

    return walk(properties, ())
