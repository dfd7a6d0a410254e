#!/usr/bin/env python3
"""Reads a gids serve --metrics file with prometheus_client's own text-format parser.

Usage: read_metrics.py METRICS_FILE
Prints one line per sample, 'name{label="value",...} number', sorted, and exits 0; or
prints why the file is not valid Prometheus text and exits 1.
"""
import sys

from prometheus_client.parser import text_string_to_metric_families


def main(path):
    try:
        families = list(text_string_to_metric_families(open(path, encoding="utf-8").read()))
    except ValueError as error:
        print(f"not valid Prometheus text: {error}")
        return 1
    samples = []
    for family in families:
        for sample in family.samples:
            labels = ",".join(f'{key}="{value}"' for key, value in sorted(sample.labels.items()))
            samples.append(f"{sample.name}{{{labels}}} {sample.value:g}")
    print("\n".join(sorted(samples)))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
