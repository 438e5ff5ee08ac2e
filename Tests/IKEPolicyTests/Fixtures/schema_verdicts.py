"""Prints one verdict per JSON document: 'valid' or 'invalid: <first error>'.

Usage: schema_verdicts.py SCHEMA DOCUMENTS, where DOCUMENTS is a JSON array.
Run by SchemaTests; needs the jsonschema package.
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
for document in json.load(open(sys.argv[2])):
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    print("valid" if error is None else "invalid: " + error.message.replace("\n", " "))
