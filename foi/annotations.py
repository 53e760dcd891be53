"""(being written) Apply a sidecar's editorial layer (corrections, notes, tags, citations, request) to a record."""


def apply(record: dict, sidecar: dict | None, requests: dict) -> None:
    pass
