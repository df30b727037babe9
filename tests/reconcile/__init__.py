"""Tests of the reconcile job (a package, so its module names cannot clash with other areas' tests)."""
