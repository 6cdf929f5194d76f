"""Handler calls shaped like command lines: defaults for the cluster options, -k strings parsed as the CLI does."""

import shlex

from azext_k8s_flux.validators.flux_configuration.kustomizations import parse_kustomization

CLUSTER = {"resource_group_name": "rg1", "cluster_name": "cluster1", "cluster_type": "connectedClusters"}


def arguments(name="cfg", k=(), **options):
    args = dict(CLUSTER, name=name, **options)
    if k:
        args["kustomization"] = [parse_kustomization(shlex.split(item)) for item in k]
    return args


def write_files(tmp_path, **contents):
    """{option: text} -> {option_file: path} with each text in its own file."""
    paths = {}
    for option, text in contents.items():
        path = tmp_path / option
        path.write_text(text)
        paths[option + "_file"] = str(path)
    return paths
