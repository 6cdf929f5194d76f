"""Image policy markers: `# {"$imagepolicy": "<namespace>:<name>"}` comments that image-automation-controller
rewrites. With multi-tenancy an ImageUpdateAutomation only sees the ImagePolicies of its own namespace, so a
marker naming another namespace silently stops updating once the objects move into the configuration's."""

import re

from azext_k8s_flux.manifests.findings import Finding, ReplaceText

_MARKER = re.compile(r'\{\s*"\$imagepolicy"\s*:\s*"(?P<namespace>[^":{}\s]+):(?P<name>[^":{}\s]+)(?::[a-z]+)?"\s*\}')


def marker_findings(entry, namespace):
    if "$imagepolicy" not in entry.text:
        return []
    findings = []
    for number, line in enumerate(entry.text.splitlines()):
        for match in _MARKER.finditer(line):
            policy_namespace, name = match.group("namespace"), match.group("name")
            if policy_namespace == namespace:
                continue
            findings.append(
                Finding(
                    entry.name, number + 1, "MT004", "ImagePolicy", name, policy_namespace, None,
                    f"Image policy marker names ImagePolicy {policy_namespace}/{name}: an ImageUpdateAutomation in "
                    f"{namespace} only sees the policies of {namespace}, so this image is no longer updated.",
                    f'Write the marker as {{"$imagepolicy": "{namespace}:{name}"}} and keep the ImagePolicy in '
                    f"{namespace}.",
                    [ReplaceText(number, match.start("namespace"), match.end("namespace"), namespace)],
                )
            )
    return findings
