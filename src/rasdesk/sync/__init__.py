"""The sync client: enrolment, outbox upload, receipts, ruleset download.
Built in the [sync] issue.
"""
