"""The RAS itself: ruleset model and validation, conditions, the exact Decimal engine,
explanations and DSSE/Ed25519 signing. Pure Python: bytes in, objects out. Never imports
Qt, storage or the network.
"""
