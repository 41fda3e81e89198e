"""The encrypted case store (SQLCipher through sqlite-utils): cases, versions, audit
trail, outbox. Built in the [store] issue.
"""
