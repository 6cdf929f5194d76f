"""argparse actions: parsing of repeatable, structured options."""

import argparse


class KustomizationAddAction(argparse._AppendAction):  # pylint: disable=protected-access
    """`-k name=infra path=./infrastructure prune=true` -> one parsed kustomization (API JSON shape) per -k."""

    def __call__(self, parser, namespace, values, option_string=None):
        from azext_k8s_flux.validators.flux_configuration.kustomizations import parse_kustomization

        super().__call__(parser, namespace, parse_kustomization(values), option_string)
