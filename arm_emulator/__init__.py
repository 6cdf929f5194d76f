"""Local Azure Resource Manager emulator for GitOps (Flux v2) resources; never part of the extension wheel."""
