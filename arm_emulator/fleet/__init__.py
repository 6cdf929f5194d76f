"""Fleets: many clusters generated from a compact seed section, and commits pushed to their repositories."""
