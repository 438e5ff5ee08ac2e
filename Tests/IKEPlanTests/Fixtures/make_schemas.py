"""Writes schemas/ikec-plan.schema.json and schemas/ikec-negotiate.schema.json.

The schemas are data kept in git; this script is how they were made and how to remake
them after a change to the plan or negotiation JSON. Run from the repository root:
python3 Tests/IKEPlanTests/Fixtures/make_schemas.py
"""
import json

BASE = "https://example.invalid/ikec/"


def obj(properties, description=None):
    schema = {"type": "object", "required": list(properties), "additionalProperties": False,
              "properties": properties}
    if description:
        schema = {"description": description, **schema}
    return schema


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
TEXT = {"type": "string", "minLength": 1}
INT = {"type": "integer"}
COUNT = {"type": "integer", "minimum": 0}
BOOL = {"type": "boolean"}
STRINGS = {"type": "array", "items": STRING}
ROLE = {"enum": ["initiator", "responder"]}
ORDER = {"enum": ["ours", "theirs"]}
CODES = {"enum": [
    "no-proposal-chosen", "invalid-ke-payload", "shared-key-mismatch", "signature-invalid",
    "identity-mismatch", "auth-method-mismatch", "certificate-untrusted",
    "certificate-identity-mismatch", "certificate-missing", "authentication-failed",
    "ts-unacceptable", "mode-mismatch", "no-additional-sas", "child-sa-not-found",
    "peer-refused", "invalid-syntax", "invalid-key-exchange", "integrity-check-failed",
    "unsupported-critical-payload", "unsupported-version", "invalid-configuration",
    "crypto-failure", "deleted", "no-response"]}
REF = lambda name: {"$ref": "#/$defs/" + name}

plan_defs = {
    "location": obj({"file": TEXT, "key-path": STRING, "line": nullable(COUNT),
                     "column": nullable(COUNT)},
                    "where a setting lives: the file, the dotted key path, and the position "
                    "of the written value (null for a default)"),
    "change": obj({"summary": TEXT, "location": REF("location"),
                   "replacement": nullable(STRING)},
                  "the smallest change that makes a failed step work"),
    "nearest-miss": nullable(obj({
        "offered": TEXT, "configured": TEXT, "summary": TEXT,
        "differences": {"type": "array", "minItems": 1, "items": obj({
            "type": {"enum": ["encryption", "prf", "integrity", "dh", "esn"]},
            "offered": STRINGS, "configured": STRINGS})}},
        "the closest pair of proposals between the two lists")),
    "failure": obj({
        "phase": TEXT, "code": CODES, "exchange": TEXT, "notify": nullable(TEXT),
        "refused-by": TEXT, "refused-by-role": ROLE, "reason": TEXT,
        "nearest-miss": REF("nearest-miss"),
        "changes": {"type": "array", "items": REF("change")}},
        "a step predicted to fail"),
    "lifetime": obj({
        "initiator": COUNT, "responder": COUNT, "negotiated": nullable(COUNT),
        "responder-lifetime-notify": BOOL, "rekey-by": TEXT, "rekey-at": COUNT,
        "expires-at": COUNT}, "lifetimes in seconds and who rekeys first"),
    "phase1": obj({
        "offered": STRINGS, "configured": STRINGS, "order": ORDER,
        "selected": nullable(TEXT), "ke-group": nullable(TEXT),
        "invalid-ke-round-trip": BOOL, "mode": nullable({"enum": ["main", "aggressive"]}),
        "lifetime": REF("lifetime")}),
    "authentication": obj({
        "legs": {"type": "array", "minItems": 2, "maxItems": 2, "items": obj({
            "by": TEXT, "to": TEXT, "method": TEXT, "expected-method": TEXT,
            "identity": TEXT, "expected-identity": nullable(TEXT),
            "keys-agree": nullable(BOOL), "signature-unchecked": BOOL})},
        "failure": nullable(REF("failure"))}),
    "rekey": obj({
        "subject": {"type": "string", "pattern": "^(ike-sa|child:.+)$"},
        "by": TEXT, "by-role": ROLE, "entry": nullable(TEXT), "at": COUNT, "exchange": TEXT,
        "offered": STRINGS, "configured": STRINGS, "order": ORDER,
        "selected": nullable(TEXT), "ke-group": nullable(TEXT),
        "invalid-ke-round-trip": BOOL, "failure": nullable(REF("failure"))},
        "an SA's first rekey"),
    "child-prediction": obj({
        "name": TEXT, "responder-entry": nullable(TEXT), "exchange": TEXT,
        "protocol": {"enum": ["esp", "ah"]},
        "requested-mode": {"enum": ["tunnel", "transport"]},
        "mode": nullable({"enum": ["tunnel", "transport"]}),
        "offered": STRINGS, "configured": STRINGS, "order": ORDER,
        "selected": nullable(TEXT), "ke-group": nullable(TEXT),
        "invalid-ke-round-trip": BOOL, "proposed-tsi": STRINGS, "proposed-tsr": STRINGS,
        "tsi": STRINGS, "tsr": STRINGS, "selectors-assumed": BOOL,
        "lifetime": nullable(REF("lifetime")), "rekey": nullable(REF("rekey")),
        "failure": nullable(REF("failure"))}),
    "exchange": obj({"name": TEXT, "initiator": TEXT, "messages": COUNT, "purpose": TEXT}),
    "direction": obj({
        "initiator": TEXT, "responder": TEXT, "ike": {"enum": ["v1", "v2"]},
        "outcome": {"enum": ["works", "fails"]},
        "phase1": nullable(REF("phase1")), "authentication": nullable(REF("authentication")),
        "children": {"type": "array", "items": REF("child-prediction")},
        "ike-rekey": nullable(REF("rekey")),
        "exchanges": {"type": "array", "items": REF("exchange")},
        "messages": COUNT, "round-trips": {"type": "number", "minimum": 0},
        "failure": nullable(REF("failure")),
        "failures": {"type": "array", "items": REF("failure")}},
        "one direction: the initiator starts, the responder answers"),
    "end-child": obj({
        "name": TEXT, "protocol": {"enum": ["esp", "ah"]},
        "mode": {"enum": ["tunnel", "transport"]}, "local-ts": STRINGS,
        "remote-ts": {"anyOf": [STRINGS, {"const": "dynamic"}]}, "proposals": STRINGS,
        "lifetime": COUNT, "lifetime-bytes": nullable(COUNT),
        "lifetime-packets": nullable(COUNT)}),
    "end": obj({
        "label": TEXT, "file": TEXT, "peer": TEXT, "mirror": BOOL,
        "ike": {"enum": ["v1", "v2"]}, "identity": TEXT,
        "expects-identity": nullable(TEXT),
        "auth": obj({"local": TEXT, "remote": TEXT, "psk": nullable(TEXT)}),
        "phase1": obj({"proposals": STRINGS, "order": ORDER, "lifetime": COUNT,
                       "mode": nullable({"enum": ["main", "aggressive"]}),
                       "lifetime-check": nullable({"enum": ["accept", "notify", "reject"]})}),
        "phase2": {"type": "array", "items": REF("end-child")}},
        "one end of a connection (the pre-shared key as its source, never its value)"),
    "connection": obj({
        "a": REF("end"), "b": REF("end"),
        "paired-by": nullable(obj({"a": TEXT, "b": TEXT})),
        "versions-agree": BOOL,
        "directions": {"type": "array", "minItems": 2, "maxItems": 2,
                       "items": REF("direction")}}),
}

plan = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "ikec-plan.schema.json",
    "title": "ikec plan output",
    "description": "What 'ikec plan --format json' prints: per connection, both ends and, for "
                   "each direction, what each side offers, accepts and is predicted to select, "
                   "authentication, Child SAs, first rekeys and the exchanges.",
    **obj({"ikec-plan": {"const": 1}, "files": {"type": "array", "items": TEXT},
           "connections": {"type": "array", "items": REF("connection")}, "rules": TEXT}),
    "$defs": plan_defs,
}

PLAN = lambda name: {"$ref": "ikec-plan.schema.json#/$defs/" + name}
negotiate_defs = {
    "end": obj({"label": TEXT, "file": TEXT, "peer": TEXT, "paired-by": TEXT}),
    "entry": obj({"step": TEXT, "exchange": TEXT, "kind": {"enum": ["request", "response"]},
                  "message-id": COUNT, "from": TEXT, "to": TEXT, "payloads": STRINGS},
                 "one message: its outline, never key material"),
    "ike-sa": obj({
        "proposal": TEXT, "proposals-agree": BOOL,
        "initiator-spi": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "responder-spi": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "initiator-auth": TEXT, "responder-auth": TEXT,
        "initiator-identity": nullable(TEXT), "responder-identity": nullable(TEXT),
        "keys-agree": BOOL, "keys": STRINGS,
        "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{8}$"}}),
    "child": obj({
        "name": TEXT, "responder-entry": TEXT, "protocol": {"enum": ["esp", "ah"]},
        "mode": {"enum": ["tunnel", "transport"]}, "proposal": TEXT, "tsi": STRINGS,
        "tsr": STRINGS, "spi-i-to-r": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
        "spi-r-to-i": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
        "parameters-agree": BOOL, "keys-mirrored": BOOL,
        "fingerprint-i-to-r": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
        "fingerprint-r-to-i": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
        "generation": COUNT}),
    "observed-failure": obj({
        "title": TEXT, "phase": TEXT, "code": CODES, "exchange": TEXT,
        "notify": nullable(TEXT), "refused-by": TEXT, "refused-by-role": ROLE,
        "reason": TEXT, "planned-reason": nullable(TEXT),
        "nearest-miss": PLAN("nearest-miss"),
        "changes": {"type": "array", "items": PLAN("change")}}),
    "rekey": obj({
        "subject": {"type": "string", "pattern": "^(ike-sa|child:.+)$"}, "by": TEXT,
        "messages": COUNT, "child": nullable(REF("child")), "ike-sa": nullable(REF("ike-sa")),
        "failures": {"type": "array", "items": REF("observed-failure")}}),
    "check": obj({"name": TEXT, "result": {"enum": ["passed", "failed", "unavailable",
                                                    "skipped"]}, "detail": TEXT}),
    "direction": obj({
        "initiator": TEXT, "responder": TEXT,
        "status": {"enum": ["verified", "failed", "disagreement"]},
        "exchanges": {"type": "array", "items": REF("entry")},
        "ike-sa": nullable(REF("ike-sa")),
        "children": {"type": "array", "items": REF("child")},
        "rekeys": {"type": "array", "items": REF("rekey")},
        "checks": {"type": "array", "items": REF("check")},
        "failures": {"type": "array", "items": REF("observed-failure")},
        "disagreements": STRINGS, "plan": PLAN("direction")}),
}

negotiate = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": BASE + "ikec-negotiate.schema.json",
    "title": "ikec negotiate output",
    "description": "What 'ikec negotiate --format json' prints: per direction run, the "
                   "exchanges, what was agreed, the verification checks with key fingerprints "
                   "(never keys) and the failures with their nearest miss and smallest change.",
    **obj({"ikec-negotiate": {"const": 1}, "a": REF("end"), "b": REF("end"),
           "seed": nullable(STRING),
           "validation-time": {"type": "string",
                               "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"},
           "verified": BOOL, "disagreement": BOOL,
           "directions": {"type": "array", "minItems": 1, "maxItems": 2,
                          "items": REF("direction")}}),
    "$defs": negotiate_defs,
}

for name, schema in [("ikec-plan", plan), ("ikec-negotiate", negotiate)]:
    with open("schemas/%s.schema.json" % name, "w") as out:
        json.dump(schema, out, indent=2)
        out.write("\n")
