"""A document -> the inputs of `flux create|update`: the same values the command-line options give, so that one
set of validators (validators/flux_configuration) checks both. Nothing here sends a request."""

from dataclasses import dataclass, field

from azure.cli.core.azclierror import InvalidArgumentValueError, MutuallyExclusiveArgumentError
from knack.log import get_logger

from azext_k8s_flux.document import keys, values
from azext_k8s_flux.document.kustomization_block import read_kustomizations
from azext_k8s_flux.document.reader import read_document
from azext_k8s_flux.document.source_block import read_protected_settings, read_source_block, unknown_key

logger = get_logger(__name__)


@dataclass
class DocumentInputs:
    document: object
    name: str = None
    scope: str = None
    namespace: str = None
    kind: str = None  # API name (GitRepository, ...)
    options: dict = field(default_factory=dict)  # source option -> value, as the command line gives it
    kustomizations: list = None  # API JSON shape, in document order; None: the document has none
    suspend: bool = None
    wait_for_reconciliation: bool = None
    reconciliation_wait_duration: str = None  # Go duration, as the option takes it
    origins: dict = field(default_factory=dict)  # option flag -> document path: errors name the key and line


_TOP = {
    "name": ("name", values.text),
    "scope": ("scope", values.text),
    "namespace": ("namespace", values.text),
    "suspend": ("suspend", values.flag),
    "waitForReconciliation": ("wait_for_reconciliation", values.flag),
    "reconciliationWaitDuration": ("reconciliation_wait_duration", values.iso_duration),
}
_ORIGIN_FLAGS = {"namespace": "--namespace", "scope": "--scope", "name": "-n/--name",
                 "reconciliation_wait_duration": "--reconciliation-wait-duration"}  # fmt: skip


def read_inputs(file):
    document = read_document(file)
    inputs = DocumentInputs(document)
    canonical = _canonical_keys(document)
    for key, (attribute, check) in _TOP.items():
        if canonical.get(key) is not None and document.data[canonical[key]] is not None:
            setattr(inputs, attribute, check(document, (canonical[key],), document.data[canonical[key]]))
            if attribute in _ORIGIN_FLAGS:
                inputs.origins[_ORIGIN_FLAGS[attribute]] = (canonical[key],)
    inputs.kind, block = _source_kind(document, canonical)
    if block is not None:
        read_source_block(document, inputs.kind, block, inputs)
    if inputs.kind is not None:
        read_protected_settings(document, inputs.kind, inputs)
    elif document.data.get("configurationProtectedSettings"):
        raise InvalidArgumentValueError(f"{document.where(('configurationProtectedSettings',))} needs a source: "
                                        "give sourceKind and its source block.")  # fmt: skip
    inputs.kustomizations = read_kustomizations(document)
    return inputs


def _canonical_keys(document):
    """{canonical top-level key: key as written}; unknown keys refused, read-only ones noted once."""
    allowed, found, ignored = keys.top_level(), {}, []
    for key in document.data:
        name = keys.match(key, allowed)
        if name is None:
            raise unknown_key(document, (key,), [k for k in allowed if k not in keys.READ_ONLY])
        if name in keys.READ_ONLY:
            ignored.append(str(key))
        else:
            found[name] = key
    if ignored:
        logger.warning("%s: ignored the read-only keys %s (they are set by the service).", document.file,
                       ", ".join(ignored))  # fmt: skip
    return found


def _source_kind(document, canonical):
    """(kind, source block key as written): the one block, which must be the sourceKind's."""
    from azext_k8s_flux.flux_model.kinds import KINDS, kind_named

    kind = None
    if document.data.get(canonical.get("sourceKind")) is not None:
        path = (canonical["sourceKind"],)
        kind = kind_named(values.text(document, path, document.data[path[0]]))
        if kind is None:
            raise InvalidArgumentValueError(f"{document.where(path)} must be one of {', '.join(KINDS)}.")
    blocks = [(canonical[b], k) for b, k in keys.source_blocks().items()
              if canonical.get(b) is not None and document.data[canonical[b]] is not None]  # fmt: skip
    if len(blocks) > 1:
        named = " and ".join(document.where((written,)) for written, _ in blocks)
        raise MutuallyExclusiveArgumentError(f"The document has two source blocks, {named}: give only the one "
                                             "its sourceKind names.")  # fmt: skip
    if not blocks:
        return kind, None
    written, block_kind = blocks[0]
    if kind is not None and block_kind != kind:
        raise MutuallyExclusiveArgumentError(
            f"{document.where((written,))} is a {block_kind} source, and sourceKind is {kind}: give the "
            f"{KINDS[kind].property} block, or set sourceKind to {block_kind}."
        )
    return block_kind, written
