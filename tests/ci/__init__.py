"""Tests of riep in CI pipelines: baselines, diffs, annotations, the documented pipelines, a plain install."""
