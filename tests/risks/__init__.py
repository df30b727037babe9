"""Tests of riep.risks: the risk register's scales, rules, heat map and report."""
