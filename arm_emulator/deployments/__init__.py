"""Microsoft.Resources/deployments: template deployments whose resources go through the providers' backends."""
