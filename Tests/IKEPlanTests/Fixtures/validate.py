"""Validates JSON documents against ikec's output schemas and prints one verdict each.

Usage: validate.py SCHEMA_DIR SCHEMA_NAME DOCUMENTS, where DOCUMENTS is a file holding a
JSON array. Prints 'valid' or 'invalid: <first error>' per document. Needs jsonschema.
"""
import json
import os
import sys

import jsonschema
from referencing import Registry, Resource

folder, name, documents = sys.argv[1], sys.argv[2], sys.argv[3]
resources = []
for file in sorted(os.listdir(folder)):
    if file.endswith(".schema.json"):
        schema = json.load(open(os.path.join(folder, file)))
        resources.append((schema["$id"], Resource.from_contents(schema)))
registry = Registry().with_resources(resources)
schema = json.load(open(os.path.join(folder, name)))
validator = jsonschema.Draft202012Validator(schema, registry=registry)
for document in json.load(open(documents)):
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    print("valid" if error is None else "invalid: %s at %s" % (
        error.message.replace("\n", " "), "/".join(str(p) for p in error.absolute_path)))
