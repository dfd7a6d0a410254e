#!/usr/bin/env python3
"""Validates every line of a gids serve output file against docs/protocol.schema.json.

Usage: validate_protocol.py SCHEMA OUTPUT_FILE
Prints 'N lines valid' and exits 0, or prints the first invalid line and why, and exits 1.
"""
import json
import sys

import jsonschema


def main(schema_path, output_path):
    schema = json.load(open(schema_path))
    validator = jsonschema.Draft202012Validator(schema)
    count = 0
    for number, line in enumerate(open(output_path, encoding="utf-8"), 1):
        try:
            document = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"line {number} is not JSON: {error}: {line[:200]}")
            return 1
        errors = sorted(validator.iter_errors(document), key=lambda e: e.path)
        if errors:
            print(f"line {number} does not match the schema: {errors[0].message}: {line[:200]}")
            return 1
        count += 1
    print(f"{count} lines valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
